using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// What every outcome case has: its <see cref="Kind"/> and a sentence a person can read.
/// </summary>
public abstract record OutcomeCase
{
    /// <summary>Which outcome this is.</summary>
    public abstract OutcomeKind Kind { get; }

    /// <summary>Whether the command was accepted (the account changed).</summary>
    public bool IsAccepted => this is SeatEvent;

    /// <summary>One sentence for a person: what happened, or why nothing did.</summary>
    /// <returns>The sentence.</returns>
    public abstract string Describe();
}

/// <summary>The money side of an add: the prorated charge for the rest of the current period, invoiced at once.</summary>
/// <param name="Seat">The seat the charge is for.</param>
/// <param name="Proration">The charge with its arithmetic.</param>
public sealed record ChargeIncurred(SeatId Seat, ProratedCharge Proration)
{
    /// <summary>The amount invoiced now.</summary>
    public Money Amount => Proration.Amount;

    /// <summary>The charge an outcome incurs: an add's or an upgrade's; null for every other outcome.</summary>
    internal static ChargeIncurred? Of(OutcomeCase outcome) => outcome switch
    {
        Added added => added.Charge,
        PlanUpgraded upgraded => upgraded.Charge,
        _ => null,
    };
}

/// <summary>What a deletion refused by the contract leaves the admin to do instead.</summary>
public enum TurnoverAlternative
{
    /// <summary>Replace the person in the seat ("Save &amp; Replace"): no charge, assets inherited.</summary>
    Replace = 0,

    /// <summary>Deactivate the seat and hold it for a later replacement: no charge, still billed.</summary>
    Deactivate = 1,
}

/// <summary>Deletion refused: the contract is locked in until its exit window.</summary>
/// <param name="Seat">The seat.</param>
/// <param name="Reason">Why: the contract lock-in.</param>
/// <param name="AllowedFrom">The first day deletion is allowed (the window opens).</param>
/// <param name="Alternatives">What to do instead: replace or deactivate.</param>
public sealed record DeletionBlocked(SeatId Seat, string Reason, LocalDate AllowedFrom, ImmutableArray<TurnoverAlternative> Alternatives) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.DeletionBlocked;

    /// <summary>Whether two refusals say the same: the same seat, reason, date and alternatives in order.</summary>
    /// <param name="other">Another refusal.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(DeletionBlocked? other) =>
        other is not null
        && base.Equals(other)
        && Seat == other.Seat
        && Reason == other.Reason
        && AllowedFrom == other.AllowedFrom
        && Alternatives.SequenceEqual(other.Alternatives);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Seat, Reason, AllowedFrom);

    /// <inheritdoc />
    public override string Describe() => $"{Reason}; deletion allowed from {Dates.Iso(AllowedFrom)}; replace or deactivate instead";
}

/// <summary>Deletion has to go through the provider's support team or account manager.</summary>
/// <param name="Seat">The seat.</param>
/// <param name="HowToReachSupport">How to reach support.</param>
public sealed record DeletionRequiresSupport(SeatId Seat, string HowToReachSupport) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.DeletionRequiresSupport;

    /// <inheritdoc />
    public override string Describe() => $"deleting {Seat} goes through support: {HowToReachSupport}";
}

/// <summary>The actor may not issue this command.</summary>
/// <param name="Actor">Who tried.</param>
/// <param name="Reason">Why not.</param>
public sealed record Unauthorized(Actor Actor, string Reason) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.Unauthorized;

    /// <inheritdoc />
    public override string Describe() => Reason;
}

/// <summary>The command would leave the account with no occupied Admin seat.</summary>
/// <param name="Seat">The last Admin's seat.</param>
public sealed record LastAdminProtected(SeatId Seat) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.LastAdminProtected;

    /// <inheritdoc />
    public override string Describe() => $"{Seat} holds the last Admin; make someone else Admin first";
}

/// <summary>An edit changes both the name and the email: that is a new person, so use Save &amp; Replace.</summary>
/// <param name="Seat">The seat.</param>
public sealed record EditLooksLikeReplacement(SeatId Seat) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.EditLooksLikeReplacement;

    /// <inheritdoc />
    public override string Describe() => "name and email both change: that is a new person, use Save & Replace (ReplaceAgent)";
}

/// <summary>The email belongs to a current occupant.</summary>
/// <param name="Email">The email asked for.</param>
/// <param name="HeldBy">The seat whose occupant has it.</param>
public sealed record EmailInUse(string Email, SeatId HeldBy) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.EmailInUse;

    /// <inheritdoc />
    public override string Describe() => $"{Email} is in use by the occupant of {HeldBy}";
}

/// <summary>The seat does not exist, or was deleted.</summary>
/// <param name="Seat">The seat asked for.</param>
public sealed record SeatNotFound(SeatId Seat) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.SeatNotFound;

    /// <inheritdoc />
    public override string Describe() => $"no seat {Seat}";
}

/// <summary>The seat is already vacant: there is nobody to deactivate or edit.</summary>
/// <param name="Seat">The seat.</param>
public sealed record SeatAlreadyVacant(SeatId Seat) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.SeatAlreadyVacant;

    /// <inheritdoc />
    public override string Describe() => $"{Seat} is already vacant; fill it with ReplaceAgent";
}

/// <summary>A field is missing or malformed, or the command id was already used for other content.</summary>
/// <param name="Field">The field at fault (e.g. <c>email</c>, <c>id</c>).</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record InvalidCommand(string Field, string Reason) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.InvalidCommand;

    /// <inheritdoc />
    public override string Describe() => $"{Field}: {Reason}";
}

/// <summary>The command expected another account version: someone changed the account first.</summary>
/// <param name="Expected">The version the command expected.</param>
/// <param name="Actual">The account's version.</param>
public sealed record VersionConflict(long Expected, long Actual) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.VersionConflict;

    /// <inheritdoc />
    public override string Describe() => $"expected version {Expected}, account is at {Actual}";
}

/// <summary>A <see cref="CancelScheduledChange"/> on a seat that has no pending change: nothing to cancel, nothing changed.</summary>
/// <param name="Seat">The seat.</param>
public sealed record NothingScheduled(SeatId Seat) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.NothingScheduled;

    /// <inheritdoc />
    public override string Describe() => $"{Seat} has no pending change to cancel";
}

/// <summary>A downgrade refused (rulebook §13): the contract is locked in until its exit window.</summary>
/// <param name="Seat">The seat.</param>
/// <param name="Reason">Why: the contract lock-in.</param>
/// <param name="AllowedFrom">The first day a downgrade is allowed (the window opens).</param>
public sealed record DowngradeBlocked(SeatId Seat, string Reason, LocalDate AllowedFrom) : OutcomeCase
{
    /// <inheritdoc />
    public override OutcomeKind Kind => OutcomeKind.DowngradeBlocked;

    /// <inheritdoc />
    public override string Describe() => $"{Reason}; downgrade allowed from {Dates.Iso(AllowedFrom)}";
}
