using System;
using OneOf;

namespace Kixie.SeatPolicy;

/// <summary>
/// What became of one turnover command: one of the five accepted changes, one of the two deletion
/// refusals, a <see cref="Rejection"/> by one of the guards, or what became of a plan change or of a
/// change scheduled for later (<see cref="PlanOrSchedule"/>). Use <c>Match</c> or <c>Switch</c>
/// with a lambda per case, or <see cref="Kind"/> and <see cref="Case"/> for the flat view.
/// </summary>
/// <remarks>
/// Built only by the policy (the constructor is private, the conversions implicit), so an outcome
/// always holds a real case. Immutable.
/// </remarks>
public sealed class TurnoverOutcome
    : OneOfBase<Added, Replaced, Deactivated, Updated, Deleted, DeletionBlocked, DeletionRequiresSupport, Rejection, PlanOrSchedule>
{
    private TurnoverOutcome(OneOf<Added, Replaced, Deactivated, Updated, Deleted, DeletionBlocked, DeletionRequiresSupport, Rejection, PlanOrSchedule> value)
        : base(value)
    {
    }

    /// <summary>The case itself, whichever it is (a guard's case, not its <see cref="Rejection"/> or <see cref="PlanOrSchedule"/> wrapper).</summary>
    public OutcomeCase Case => Value switch
    {
        Rejection rejection => rejection.Case,
        PlanOrSchedule planOrSchedule => planOrSchedule.Case,
        var value => (OutcomeCase)value,
    };

    /// <summary>Which outcome this is.</summary>
    public OutcomeKind Kind => Case.Kind;

    /// <summary>The accepted change, which is also the event the account's history keeps; null for a refusal.</summary>
    public SeatEvent? Event => Case as SeatEvent;

    /// <summary>Whether the command was accepted and changed the account.</summary>
    public bool IsAccepted => Case.IsAccepted;

    /// <summary>The charge this outcome incurs: the prorated charge of an add or an upgrade, zero for everything else.</summary>
    /// <param name="currency">The account's currency, for the zero.</param>
    /// <returns>The amount charged.</returns>
    public Money ChargedAmount(Currency currency) => ChargeIncurred.Of(Case)?.Amount ?? Money.Zero(currency);

    /// <summary>One sentence for a person; see <see cref="OutcomeCase.Describe"/>.</summary>
    /// <returns>The sentence, prefixed with the kind.</returns>
    public override string ToString() => $"{Kind}: {Case.Describe()}";

    /// <summary>The outcome an accepted change stands for (a replayed command id's original outcome is its change in the history).</summary>
    internal static TurnoverOutcome Of(SeatEvent change) => change switch
    {
        Added added => added,
        Replaced replaced => replaced,
        Deactivated deactivated => deactivated,
        Updated updated => updated,
        Deleted deleted => deleted,
        DeletionScheduled scheduled => (PlanOrSchedule)scheduled,
        ScheduleCancelled cancelled => (PlanOrSchedule)cancelled,
        PlanUpgraded upgraded => (PlanOrSchedule)upgraded,
        PlanChanged changed => (PlanOrSchedule)changed,
        DowngradeScheduled downgrade => (PlanOrSchedule)downgrade,
        _ => throw new ArgumentException($"Unknown event type {change.GetType().Name}.", nameof(change)),
    };

    /// <summary>An add was accepted.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(Added value) => new(value);

    /// <summary>A replacement was accepted.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(Replaced value) => new(value);

    /// <summary>A deactivation was accepted.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(Deactivated value) => new(value);

    /// <summary>An edit was accepted.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(Updated value) => new(value);

    /// <summary>A deletion was accepted.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(Deleted value) => new(value);

    /// <summary>A deletion was blocked by the contract.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(DeletionBlocked value) => new(value);

    /// <summary>A deletion was sent to support.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(DeletionRequiresSupport value) => new(value);

    /// <summary>A guard rejected the command.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(Rejection value) => new(value);

    /// <summary>A planOrSchedule command was decided.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(PlanOrSchedule value) => new(value);

    /// <summary>A deletion was scheduled.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(DeletionScheduled value) => new((PlanOrSchedule)value);

    /// <summary>A pending change was cancelled.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(ScheduleCancelled value) => new((PlanOrSchedule)value);

    /// <summary>There was nothing to cancel.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(NothingScheduled value) => new((PlanOrSchedule)value);

    /// <summary>A seat was upgraded.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(PlanUpgraded value) => new((PlanOrSchedule)value);

    /// <summary>A seat moved to a plan of the same price.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(PlanChanged value) => new((PlanOrSchedule)value);

    /// <summary>A downgrade was scheduled.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(DowngradeScheduled value) => new((PlanOrSchedule)value);

    /// <summary>A downgrade was blocked by the contract.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(DowngradeBlocked value) => new((PlanOrSchedule)value);

    /// <summary>The actor was unauthorized.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(Unauthorized value) => new((Rejection)value);

    /// <summary>The last Admin was protected.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(LastAdminProtected value) => new((Rejection)value);

    /// <summary>An edit looked like a replacement.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(EditLooksLikeReplacement value) => new((Rejection)value);

    /// <summary>An email was in use.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(EmailInUse value) => new((Rejection)value);

    /// <summary>A seat was not found.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(SeatNotFound value) => new((Rejection)value);

    /// <summary>A seat was already vacant.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(SeatAlreadyVacant value) => new((Rejection)value);

    /// <summary>The command was invalid.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(InvalidCommand value) => new((Rejection)value);

    /// <summary>The command expected another version.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator TurnoverOutcome(VersionConflict value) => new((Rejection)value);
}

/// <summary>
/// A command stopped by one of the rulebook's guards before anything changed: who may act, the
/// last Admin, edits that are replacements, emails in use, missing or vacant seats, invalid input
/// and version conflicts.
/// </summary>
public sealed class Rejection
    : OneOfBase<Unauthorized, LastAdminProtected, EditLooksLikeReplacement, EmailInUse, SeatNotFound, SeatAlreadyVacant, InvalidCommand, VersionConflict>
{
    private Rejection(OneOf<Unauthorized, LastAdminProtected, EditLooksLikeReplacement, EmailInUse, SeatNotFound, SeatAlreadyVacant, InvalidCommand, VersionConflict> value)
        : base(value)
    {
    }

    /// <summary>The guard's case.</summary>
    public OutcomeCase Case => (OutcomeCase)Value;

    /// <summary>Which guard rejected the command.</summary>
    public OutcomeKind Kind => Case.Kind;

    /// <summary>The guard's sentence, prefixed with its kind.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind}: {Case.Describe()}";

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator Rejection(Unauthorized value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator Rejection(LastAdminProtected value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator Rejection(EditLooksLikeReplacement value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator Rejection(EmailInUse value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator Rejection(SeatNotFound value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator Rejection(SeatAlreadyVacant value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator Rejection(InvalidCommand value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator Rejection(VersionConflict value) => new(value);
}

/// <summary>
/// What became of a plan change or a change scheduled for later (rulebook §12 and §13): a deletion scheduled,
/// a pending change cancelled, nothing to cancel, a plan upgraded or changed at once, a downgrade scheduled or
/// blocked.
/// </summary>
public sealed class PlanOrSchedule
    : OneOfBase<DeletionScheduled, ScheduleCancelled, NothingScheduled, PlanUpgraded, PlanChanged, DowngradeScheduled, DowngradeBlocked>
{
    private PlanOrSchedule(OneOf<DeletionScheduled, ScheduleCancelled, NothingScheduled, PlanUpgraded, PlanChanged, DowngradeScheduled, DowngradeBlocked> value)
        : base(value)
    {
    }

    /// <summary>The case.</summary>
    public OutcomeCase Case => (OutcomeCase)Value;

    /// <summary>Which outcome it is.</summary>
    public OutcomeKind Kind => Case.Kind;

    /// <summary>The case's sentence, prefixed with its kind.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind}: {Case.Describe()}";

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PlanOrSchedule(DeletionScheduled value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PlanOrSchedule(ScheduleCancelled value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PlanOrSchedule(NothingScheduled value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PlanOrSchedule(PlanUpgraded value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PlanOrSchedule(PlanChanged value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PlanOrSchedule(DowngradeScheduled value) => new(value);

    /// <summary>Wraps the case.</summary>
    /// <param name="value">The case.</param>
    public static implicit operator PlanOrSchedule(DowngradeBlocked value) => new(value);
}
