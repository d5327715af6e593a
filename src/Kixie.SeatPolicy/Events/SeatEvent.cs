using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// An accepted change: the outcome a caller reads and the fact the account's history keeps are this one
/// value. Applying it with <see cref="Account.Apply(SeatEvent)"/> is the only way to a new account state,
/// and replaying an account's events from its initial state rebuilds it exactly. Each accepted command
/// yields one.
/// </summary>
/// <remarks>
/// The event keeps the whole <see cref="Command"/>, so the history says when, by whom and by which
/// command every change was made, and a repeated command id can be recognised as a replay (whose
/// outcome is this same value).
/// </remarks>
/// <param name="Command">The accepted command.</param>
/// <param name="Version">The account version this change brings the account to (the previous version + 1).</param>
/// <param name="Seat">The seat the change is about.</param>
public abstract record SeatEvent(SeatCommand Command, long Version, SeatId Seat) : OutcomeCase
{
    /// <summary>When it happened: the command's instant.</summary>
    public Instant At => Command.At;

    /// <summary>Who did it: the command's actor.</summary>
    public Actor By => Command.Actor;
}

/// <summary>A seat was added, occupied by a new person; its prorated charge is incurred.</summary>
/// <param name="Command">The accepted <see cref="AddAgent"/>.</param>
/// <param name="Version">The account version after the change.</param>
/// <param name="Seat">The new seat's id.</param>
/// <param name="Agent">The new person.</param>
/// <param name="Assets">The new seat's assets.</param>
/// <param name="Charge">The prorated charge, with its arithmetic.</param>
/// <param name="Plan">The plan the seat is on (rulebook §13): the add's, or the account's default.</param>
public sealed record Added(SeatCommand Command, long Version, SeatId Seat, Agent Agent, SeatAssets Assets, ChargeIncurred Charge, string Plan = SeatPolicy.Plan.Standard)
    : SeatEvent(Command, Version, Seat)
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.Added;

    /// <inheritdoc />
    public override string Describe() => Charge.Proration.Explain();
}

/// <summary>"Save &amp; Replace": a new person took the seat, inherited its assets and was emailed a setup guide; the previous person (if any) lost access.</summary>
/// <param name="Command">The accepted <see cref="ReplaceAgent"/>.</param>
/// <param name="Version">The account version after the change.</param>
/// <param name="Seat">The seat.</param>
/// <param name="NewAgent">The person now in the seat.</param>
/// <param name="PreviousAgent">The person who left, or null when the seat was vacant (a reactivation).</param>
/// <param name="Inherited">The direct number, caller ID, ring groups and devices the new person inherited.</param>
public sealed record Replaced(SeatCommand Command, long Version, SeatId Seat, Agent NewAgent, Agent? PreviousAgent, SeatAssets Inherited)
    : SeatEvent(Command, Version, Seat)
{
    /// <summary>The address the setup guide was sent to: the new person's email.</summary>
    public string SetupGuideSentTo => NewAgent.Email;

    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.Replaced;

    /// <inheritdoc />
    public override string Describe() =>
        (PreviousAgent is null ? $"vacant seat {Seat} filled by {NewAgent.Name}" : $"{NewAgent.Name} replaces {PreviousAgent.Name} in {Seat}")
        + $"; its number, caller ID, ring groups and devices stay with the seat; setup guide sent to {SetupGuideSentTo}; nothing charged";
}

/// <summary>A person lost access; the seat is vacant, keeps its assets and stays billed.</summary>
/// <param name="Command">The accepted <see cref="DeactivateAgent"/>.</param>
/// <param name="Version">The account version after the change.</param>
/// <param name="Seat">The seat, now vacant.</param>
/// <param name="FormerAgent">The person who lost access.</param>
/// <param name="Kept">The assets the seat keeps for its next person.</param>
public sealed record Deactivated(SeatCommand Command, long Version, SeatId Seat, Agent FormerAgent, SeatAssets Kept)
    : SeatEvent(Command, Version, Seat)
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.Deactivated;

    /// <inheritdoc />
    public override string Describe() => $"{FormerAgent.Name} lost access; {Seat} held vacant and still billed";
}

/// <summary>The same person was edited (name, email or role).</summary>
/// <param name="Command">The accepted <see cref="UpdateAgent"/>.</param>
/// <param name="Version">The account version after the change.</param>
/// <param name="Seat">The seat.</param>
/// <param name="Before">The person before the edit.</param>
/// <param name="After">The person after the edit (same <see cref="AgentId"/>).</param>
public sealed record Updated(SeatCommand Command, long Version, SeatId Seat, Agent Before, Agent After)
    : SeatEvent(Command, Version, Seat)
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.Updated;

    /// <inheritdoc />
    public override string Describe() => $"{After.Name} ({After.Email}, {After.Role}) updated in {Seat}";
}

/// <summary>The seat was deleted: gone at once, not on the next bill, its assets released, and nothing refunded (no rule ever refunds).</summary>
/// <param name="Command">The accepted <see cref="DeleteAgent"/>.</param>
/// <param name="Version">The account version after the change.</param>
/// <param name="Seat">The deleted seat's id, never used again.</param>
/// <param name="FormerAgent">The person who was in the seat, or null when it was vacant.</param>
/// <param name="Released">The assets the seat released.</param>
/// <param name="OffBillFrom">The first bill date the seat is no longer on.</param>
public sealed record Deleted(SeatCommand Command, long Version, SeatId Seat, Agent? FormerAgent, SeatAssets Released, LocalDate OffBillFrom)
    : SeatEvent(Command, Version, Seat)
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.Deleted;

    /// <inheritdoc />
    public override string Describe() => $"{Seat} deleted; off the bill from {Dates.Iso(OffBillFrom)}; no refund";
}

/// <summary>
/// A deletion was scheduled (rulebook §12): the seat stays as it is through <paramref name="LastDay"/>
/// and is deleted from the start of the day after, exactly as an immediate deletion on that day would
/// have left it, with no command and no clock needed. Nothing is charged and nothing is refunded.
/// </summary>
/// <param name="Command">The accepted <see cref="DeleteAgent"/> (its <see cref="DeleteAgent.Effective"/> not <see cref="DeletionEffective.Now"/>).</param>
/// <param name="Version">The account version after the change.</param>
/// <param name="Seat">The seat to be deleted.</param>
/// <param name="LastDay">The seat's last day, a local date: on every bill dated on or before it, on none after.</param>
/// <param name="Replaced">The pending change this one replaced (one pending change per seat), or null.</param>
public sealed record DeletionScheduled(SeatCommand Command, long Version, SeatId Seat, LocalDate LastDay, PendingChange? Replaced)
    : SeatEvent(Command, Version, Seat)
{
    /// <summary>The pending change this schedules.</summary>
    public PendingChange Pending => PendingChange.Deletion(LastDay);

    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.DeletionScheduled;

    /// <inheritdoc />
    public override string Describe() =>
        $"{Seat} will be deleted after {Dates.Iso(LastDay)}, its last day: billed through then, on no bill after; no refund"
        + (Replaced is { } replaced ? $"; replaces the {replaced.Describe()}" : string.Empty);
}

/// <summary>A seat's pending change was cancelled: the seat stays, as if it had never been scheduled.</summary>
/// <param name="Command">The accepted <see cref="CancelScheduledChange"/>.</param>
/// <param name="Version">The account version after the change.</param>
/// <param name="Seat">The seat.</param>
/// <param name="Cancelled">The pending change that was cancelled.</param>
public sealed record ScheduleCancelled(SeatCommand Command, long Version, SeatId Seat, PendingChange Cancelled)
    : SeatEvent(Command, Version, Seat)
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.ScheduleCancelled;

    /// <inheritdoc />
    public override string Describe() => $"the {Cancelled.Describe()} of {Seat} is cancelled; the seat stays";
}

/// <summary>
/// A seat moved to a dearer plan at once (rulebook §13): charged the prorated difference of the two prices for
/// the rest of the current period, billed like an add's charge; on every later bill at the new plan's price.
/// </summary>
/// <param name="Command">The accepted <see cref="ChangePlan"/>.</param>
/// <param name="Version">The account version after the change.</param>
/// <param name="Seat">The seat.</param>
/// <param name="From">The plan the seat was on.</param>
/// <param name="Charge">The prorated price difference, with its arithmetic.</param>
public sealed record PlanUpgraded(SeatCommand Command, long Version, SeatId Seat, string From, ChargeIncurred Charge)
    : SeatEvent(Command, Version, Seat)
{
    /// <summary>The plan the seat is on now: the command's.</summary>
    public string To => ((ChangePlan)Command).Plan!;

    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.PlanUpgraded;

    /// <inheritdoc />
    public override string Describe() => $"{Seat} moves from {From} to {To} at once; the difference for the rest of the period: {Charge.Proration.Explain()}";
}

/// <summary>A seat moved at once to a plan of the same price (rulebook §13): nothing charged, nothing refunded.</summary>
/// <param name="Command">The accepted <see cref="ChangePlan"/>.</param>
/// <param name="Version">The account version after the change.</param>
/// <param name="Seat">The seat.</param>
/// <param name="From">The plan the seat was on.</param>
public sealed record PlanChanged(SeatCommand Command, long Version, SeatId Seat, string From)
    : SeatEvent(Command, Version, Seat)
{
    /// <summary>The plan the seat is on now: the command's.</summary>
    public string To => ((ChangePlan)Command).Plan!;

    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.PlanChanged;

    /// <inheritdoc />
    public override string Describe() => $"{Seat} moves from {From} to {To} at once, at the same price; nothing charged";
}

/// <summary>
/// A seat moves to a cheaper plan from <paramref name="Effective"/>, the first bill date after the command
/// (rulebook §13): billed on its old plan through the day before, on the new one from that bill. Nothing is
/// refunded. It is the seat's pending change (§12) until then.
/// </summary>
/// <param name="Command">The accepted <see cref="ChangePlan"/>.</param>
/// <param name="Version">The account version after the change.</param>
/// <param name="Seat">The seat.</param>
/// <param name="From">The plan the seat is on until then.</param>
/// <param name="Effective">The bill date the seat is billed on the new plan from.</param>
/// <param name="Replaced">The pending change this one replaced (one pending change per seat), or null.</param>
public sealed record DowngradeScheduled(SeatCommand Command, long Version, SeatId Seat, string From, LocalDate Effective, PendingChange? Replaced)
    : SeatEvent(Command, Version, Seat)
{
    /// <summary>The plan the seat moves to: the command's.</summary>
    public string To => ((ChangePlan)Command).Plan!;

    /// <summary>The pending change this schedules.</summary>
    public PendingChange Pending => PendingChange.Downgrade(Effective, To);

    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.DowngradeScheduled;

    /// <inheritdoc />
    public override string Describe() =>
        $"{Seat} moves from {From} to {To} from the bill of {Dates.Iso(Effective)}; no refund for the period already billed"
        + (Replaced is { } replaced ? $"; replaces the {replaced.Describe()}" : string.Empty);
}
