using System.Collections.Immutable;

namespace Kixie.SeatPolicy;

/// <summary>
/// One way through a departure, as the advisor tried it (rulebook §11): its steps and their
/// decisions, whether every step was accepted, and for a feasible plan its total over the horizon and
/// its saving against the dearest feasible plan. Immutable.
/// </summary>
public sealed class AdvicePlan
{
    internal AdvicePlan(AdvicePlanKind kind, ImmutableArray<AdviceStep> steps, TurnoverOutcome? blockedBy, Money? total, Money? saving)
    {
        Kind = kind;
        Steps = steps;
        BlockedBy = blockedBy;
        Total = total;
        Saving = saving;
    }

    /// <summary>Which plan this is.</summary>
    public AdvicePlanKind Kind { get; }

    /// <summary>
    /// The steps tried, in order, up to and including a refused one. When no allowed deletion day
    /// exists within the horizon (or before the hire) the deletion step is not tried and is not listed.
    /// </summary>
    public ImmutableArray<AdviceStep> Steps { get; }

    /// <summary>Whether every step was accepted (and an allowed deletion day existed where one was needed).</summary>
    public bool IsFeasible => BlockedBy is null;

    /// <summary>
    /// For an infeasible plan, the outcome that stopped it: the refused step's outcome, or a
    /// <see cref="DeletionBlocked"/> when no allowed deletion day lies within the horizon or before the
    /// hire. Null for a feasible plan.
    /// </summary>
    public TurnoverOutcome? BlockedBy { get; }

    /// <summary>
    /// For a feasible plan, the sum of the account's invoices (§10) dated from the departure's local date
    /// through the horizon, both inclusive, with the plan's commands applied; null for an infeasible one.
    /// </summary>
    public Money? Total { get; }

    /// <summary>For a feasible plan, the dearest feasible plan's total minus this one's (zero or more); null for an infeasible one.</summary>
    public Money? Saving { get; }

    /// <summary>
    /// Whether the plan keeps the seat and its assets (direct number, caller ID, ring groups, devices):
    /// true for <see cref="AdvicePlanKind.HoldAndReplace"/> and <see cref="AdvicePlanKind.HoldVacant"/>.
    /// </summary>
    public bool KeepsAssets => Kind is AdvicePlanKind.HoldAndReplace or AdvicePlanKind.HoldVacant;

    /// <summary>The plan, its feasibility and total, for a person.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        IsFeasible ? $"{Kind}: {Total}" : $"{Kind}: infeasible ({BlockedBy!.Kind})";

    internal AdvicePlan WithSaving(Money saving) => new(Kind, Steps, BlockedBy, Total, saving);
}
