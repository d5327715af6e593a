using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// A fact that happened to an account because a command was accepted. Applying events with
/// <see cref="Account.Apply(SeatEvent)"/> is the only way to a new account state, and replaying an
/// account's events from its initial state rebuilds it exactly. Each accepted command yields one event.
/// </summary>
/// <remarks>
/// The event keeps the whole <see cref="Command"/>, so the history says when, by whom and by which
/// command every change was made, and a repeated command id can be recognised as a replay.
/// </remarks>
/// <param name="Command">The accepted command.</param>
/// <param name="Version">The account version this event brings the account to (the previous version + 1).</param>
/// <param name="Seat">The seat the event is about.</param>
public abstract record SeatEvent(SeatCommand Command, long Version, SeatId Seat)
{
    /// <summary>When it happened: the command's instant.</summary>
    public Instant At => Command.At;

    /// <summary>Who did it: the command's actor.</summary>
    public Actor By => Command.Actor;
}

/// <summary>A new seat was created, occupied by a new person, and its prorated charge incurred.</summary>
/// <param name="Command">The accepted <see cref="AddAgent"/>.</param>
/// <param name="Version">The account version after the event.</param>
/// <param name="Seat">The new seat's id.</param>
/// <param name="Agent">The person now in the seat.</param>
/// <param name="Assets">The new seat's assets.</param>
/// <param name="Charge">The prorated charge invoiced at once.</param>
public sealed record SeatAdded(SeatCommand Command, long Version, SeatId Seat, Agent Agent, SeatAssets Assets, ChargeIncurred Charge)
    : SeatEvent(Command, Version, Seat);

/// <summary>A new person took a seat and inherited its assets; the previous person (if any) lost access.</summary>
/// <param name="Command">The accepted <see cref="ReplaceAgent"/>.</param>
/// <param name="Version">The account version after the event.</param>
/// <param name="Seat">The seat.</param>
/// <param name="NewAgent">The person now in the seat.</param>
/// <param name="PreviousAgent">The person who left the seat, or null when the seat was vacant.</param>
/// <param name="Inherited">The assets the new person inherited.</param>
public sealed record AgentReplaced(SeatCommand Command, long Version, SeatId Seat, Agent NewAgent, Agent? PreviousAgent, SeatAssets Inherited)
    : SeatEvent(Command, Version, Seat);

/// <summary>A person lost access and their seat became vacant, keeping its assets and staying billed.</summary>
/// <param name="Command">The accepted <see cref="DeactivateAgent"/>.</param>
/// <param name="Version">The account version after the event.</param>
/// <param name="Seat">The seat, now vacant.</param>
/// <param name="FormerAgent">The person who lost access.</param>
/// <param name="Kept">The assets the vacant seat keeps for its next person.</param>
public sealed record AgentDeactivated(SeatCommand Command, long Version, SeatId Seat, Agent FormerAgent, SeatAssets Kept)
    : SeatEvent(Command, Version, Seat);

/// <summary>The same person's name, email or role was edited.</summary>
/// <param name="Command">The accepted <see cref="UpdateAgent"/>.</param>
/// <param name="Version">The account version after the event.</param>
/// <param name="Seat">The seat.</param>
/// <param name="Before">The person before the edit.</param>
/// <param name="After">The person after the edit (same <see cref="AgentId"/>).</param>
public sealed record AgentUpdated(SeatCommand Command, long Version, SeatId Seat, Agent Before, Agent After)
    : SeatEvent(Command, Version, Seat);

/// <summary>A seat was deleted: gone at once, off the next bill, its assets released, nothing refunded.</summary>
/// <param name="Command">The accepted <see cref="DeleteAgent"/>.</param>
/// <param name="Version">The account version after the event.</param>
/// <param name="Seat">The deleted seat's id, never used again.</param>
/// <param name="FormerAgent">The person who was in the seat, or null when it was vacant.</param>
/// <param name="Released">The assets the seat released.</param>
/// <param name="OffBillFrom">The first bill date the seat is no longer on.</param>
public sealed record SeatDeleted(SeatCommand Command, long Version, SeatId Seat, Agent? FormerAgent, SeatAssets Released, LocalDate OffBillFrom)
    : SeatEvent(Command, Version, Seat);
