using System.Collections.Immutable;
using Orleans;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// What an account grain did with a command: the policy's outcome, the events it stored and applied,
/// and the account's version afterwards. A <see cref="Decision"/> as it crosses the wire.
/// </summary>
/// <param name="Outcome">The policy's outcome; for a replay, the original outcome. An accepted change is the event stored and applied.</param>
/// <param name="IsReplay">Whether the command id had been accepted before with the same content, so nothing changed and nothing was charged again.</param>
/// <param name="Version">The account's version after the command.</param>
[Alias("kixie.seat-policy.StoredDecision")]
[GenerateSerializer]
[Immutable]
public sealed record StoredDecision(
    [property: Id(0)] TurnoverOutcome Outcome,
    [property: Id(2)] bool IsReplay,
    [property: Id(3)] long Version)
{
    /// <summary>The events stored and applied: the accepted change (the <see cref="Outcome"/>'s event), none for a refusal or a replay.</summary>
    public ImmutableArray<SeatEvent> Events => !IsReplay && Outcome.Event is { } change ? [change] : [];
}
