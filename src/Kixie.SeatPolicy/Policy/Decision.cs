using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace Kixie.SeatPolicy;

/// <summary>
/// The policy's answer to one command: the <see cref="Outcome"/> and the <see cref="Events"/> that
/// carry it out. A rejected command has no events; an accepted one has exactly one; a replayed
/// command id returns its original outcome with <see cref="IsReplay"/> set and no events.
/// </summary>
public sealed class Decision
{
    internal Decision(TurnoverOutcome outcome, bool isReplay)
    {
        Outcome = outcome;
        Events = !isReplay && outcome.Event is { } change ? [change] : [];
        IsReplay = isReplay;
    }

    /// <summary>What became of the command.</summary>
    public TurnoverOutcome Outcome { get; }

    /// <summary>The events to apply to reach the new state: the accepted change itself (the outcome's <see cref="TurnoverOutcome.Event"/>), or empty when nothing changes.</summary>
    public ImmutableArray<SeatEvent> Events { get; }

    /// <summary>Whether the command id was already accepted with the same content: the first outcome, nothing changes, nothing is charged again.</summary>
    public bool IsReplay { get; }

    /// <summary>
    /// The account after this decision: <paramref name="account"/> with <see cref="Events"/> applied
    /// (the same account when there are none).
    /// </summary>
    /// <param name="account">The account the decision was made on.</param>
    /// <returns>The new account.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="System.ArgumentException">The account is not the one the decision was made on.</exception>
    public Account ApplyTo(Account account)
    {
        Guard.Against.Null(account);
        // An accepted command has exactly one event: applying it alone skips the batch builders.
        return Events switch
        {
            [] => account,
            [var only] => account.Apply(only),
            _ => account.Apply(Events),
        };
    }

    /// <summary>The outcome, marked when replayed.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsReplay ? $"{Outcome} (replayed)" : Outcome.ToString();
}
