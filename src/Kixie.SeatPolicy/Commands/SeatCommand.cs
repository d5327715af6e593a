using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// A turnover command an admin (or support) issues against an account. Commands carry the input
/// as it was given: the policy checks it and answers <see cref="InvalidCommand"/> for anything
/// missing or malformed, so a command can be built from any request without throwing.
/// </summary>
/// <remarks>
/// Two commands are the same content when every member is equal, the instant included; that is
/// what makes a repeated <see cref="Id"/> a harmless replay rather than an <see cref="InvalidCommand"/>.
/// </remarks>
/// <param name="Id">The caller's id for the command, for idempotency.</param>
/// <param name="At">When the command was issued; its local date in the account's zone drives every day-based rule.</param>
/// <param name="Actor">Who issues it: an occupant's email or support.</param>
/// <param name="ExpectedVersion">The account version the caller last saw; null to skip the check.</param>
public abstract record SeatCommand(CommandId Id, Instant At, Actor Actor, long? ExpectedVersion);

/// <summary>
/// Add a new person in a new seat. Always incurs a prorated charge for the rest of the current
/// billing period, invoiced at once.
/// </summary>
/// <param name="Id">The caller's id for the command.</param>
/// <param name="At">When the command was issued.</param>
/// <param name="Actor">Who issues it: an Admin, a Manager or support.</param>
/// <param name="Name">The new person's name; not blank.</param>
/// <param name="Email">The new person's email; valid and not held by a current occupant.</param>
/// <param name="Role">The new person's role; a Manager cannot grant <see cref="SeatPolicy.Role.Admin"/>.</param>
/// <param name="Seat">The new seat's id, or null for <c>seat-N</c> (N = seats ever created + 1). An id any seat ever had is invalid.</param>
/// <param name="Assets">The new seat's telephony assets, or null for none.</param>
/// <param name="ExpectedVersion">The account version the caller last saw; null to skip the check.</param>
/// <param name="Plan">The plan the new seat is on (rulebook §13), or null for the account's default plan; an unknown plan is invalid.</param>
public sealed record AddAgent(
    CommandId Id,
    Instant At,
    Actor Actor,
    string? Name,
    string? Email,
    Role? Role,
    SeatId? Seat = null,
    SeatAssets? Assets = null,
    long? ExpectedVersion = null,
    string? Plan = null) : SeatCommand(Id, At, Actor, ExpectedVersion);

/// <summary>
/// "Save &amp; Replace": a new person takes the seat and inherits its direct number, caller ID,
/// ring groups and devices, and is emailed a setup guide; the previous person loses access and
/// stays in the history. On a vacant seat this is how the seat is reactivated. No charge.
/// </summary>
/// <param name="Id">The caller's id for the command.</param>
/// <param name="At">When the command was issued.</param>
/// <param name="Actor">Who issues it: an Admin, a Manager or support.</param>
/// <param name="Seat">The seat to fill.</param>
/// <param name="Name">The new person's name; not blank.</param>
/// <param name="Email">The new person's email; not held by any current occupant, the outgoing one included.</param>
/// <param name="Role">The new person's role, or null for the role the seat last had.</param>
/// <param name="ExpectedVersion">The account version the caller last saw; null to skip the check.</param>
public sealed record ReplaceAgent(
    CommandId Id,
    Instant At,
    Actor Actor,
    SeatId Seat,
    string? Name,
    string? Email,
    Role? Role = null,
    long? ExpectedVersion = null) : SeatCommand(Id, At, Actor, ExpectedVersion);

/// <summary>
/// Vacate a seat: the person loses access, the seat keeps its assets for a later
/// <see cref="ReplaceAgent"/> and stays billed. No charge, no refund.
/// </summary>
/// <param name="Id">The caller's id for the command.</param>
/// <param name="At">When the command was issued.</param>
/// <param name="Actor">Who issues it: an Admin, a Manager or support.</param>
/// <param name="Seat">The occupied seat to vacate.</param>
/// <param name="ExpectedVersion">The account version the caller last saw; null to skip the check.</param>
public sealed record DeactivateAgent(
    CommandId Id,
    Instant At,
    Actor Actor,
    SeatId Seat,
    long? ExpectedVersion = null) : SeatCommand(Id, At, Actor, ExpectedVersion);

/// <summary>
/// Plain "Save": edit the same person's name, email or role. Changing both name and email is a
/// new person and is refused as <see cref="EditLooksLikeReplacement"/>.
/// </summary>
/// <param name="Id">The caller's id for the command.</param>
/// <param name="At">When the command was issued.</param>
/// <param name="Actor">Who issues it: an Admin, a Manager or support.</param>
/// <param name="Seat">The occupied seat whose person is edited.</param>
/// <param name="Name">The new name, or null to keep it.</param>
/// <param name="Email">The new email, or null to keep it.</param>
/// <param name="Role">The new role, or null to keep it.</param>
/// <param name="ExpectedVersion">The account version the caller last saw; null to skip the check.</param>
public sealed record UpdateAgent(
    CommandId Id,
    Instant At,
    Actor Actor,
    SeatId Seat,
    string? Name = null,
    string? Email = null,
    Role? Role = null,
    long? ExpectedVersion = null) : SeatCommand(Id, At, Actor, ExpectedVersion);

/// <summary>
/// Delete a seat: it is gone (at once, or after a last day the command schedules), is not on any later
/// bill and its assets are released. Never refunds the period already paid. Allowed only in a
/// contract's exit window (or out of contract), and by default only through support.
/// </summary>
/// <param name="Id">The caller's id for the command.</param>
/// <param name="At">When the command was issued.</param>
/// <param name="Actor">Who issues it: support, or an Admin or Manager (who is sent to support unless self-serve deletion is on).</param>
/// <param name="Seat">The seat to delete, occupied or vacant.</param>
/// <param name="ExpectedVersion">The account version the caller last saw; null to skip the check.</param>
/// <param name="Effective">When the deletion takes effect (rulebook §12): <see cref="DeletionEffective.Now"/> (the default), or after the last day before the next bill or of the contract term, judged as a deletion on that last day would be.</param>
public sealed record DeleteAgent(
    CommandId Id,
    Instant At,
    Actor Actor,
    SeatId Seat,
    long? ExpectedVersion = null,
    DeletionEffective Effective = DeletionEffective.Now) : SeatCommand(Id, At, Actor, ExpectedVersion);

/// <summary>When a <see cref="DeleteAgent"/> takes effect (rulebook §12). The default is <see cref="Now"/>.</summary>
public enum DeletionEffective
{
    /// <summary>At once, on the command's local date.</summary>
    Now = 0,

    /// <summary>After the day before the first bill date after the command's local date: the seat is on every bill up to that last day and on none after it.</summary>
    NextBill = 1,

    /// <summary>After the last day of the contract term holding the command's local date (a contract account only).</summary>
    TermEnd = 2,
}

/// <summary>
/// Cancel a seat's pending change (a scheduled deletion or downgrade), by an Admin, a Manager (not on an Admin's
/// seat) or support. A seat without one gets <see cref="NothingScheduled"/>.
/// </summary>
/// <param name="Id">The caller's id for the command.</param>
/// <param name="At">When the command was issued.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Seat">The seat whose pending change is cancelled.</param>
/// <param name="ExpectedVersion">The account version the caller last saw; null to skip the check.</param>
public sealed record CancelScheduledChange(
    CommandId Id,
    Instant At,
    Actor Actor,
    SeatId Seat,
    long? ExpectedVersion = null) : SeatCommand(Id, At, Actor, ExpectedVersion);

/// <summary>
/// Move a seat to another plan (rulebook §13), by an Admin, a Manager (not on an Admin's seat) or support,
/// occupied or vacant. To a dearer plan: at once, charged the prorated difference (<see cref="PlanUpgraded"/>);
/// to one of the same price: at once, nothing charged (<see cref="PlanChanged"/>); to a cheaper one: from the
/// next bill date (<see cref="DowngradeScheduled"/>), and under a contract only in its lock-in window
/// (else <see cref="DowngradeBlocked"/>).
/// </summary>
/// <param name="Id">The caller's id for the command.</param>
/// <param name="At">When the command was issued.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Seat">The seat to move.</param>
/// <param name="Plan">The plan to move it to: one of the account's, not the seat's own.</param>
/// <param name="ExpectedVersion">The account version the caller last saw; null to skip the check.</param>
public sealed record ChangePlan(
    CommandId Id,
    Instant At,
    Actor Actor,
    SeatId Seat,
    string? Plan,
    long? ExpectedVersion = null) : SeatCommand(Id, At, Actor, ExpectedVersion);

/// <summary>
/// A request that could not be read as a proper command because one of its fields is malformed
/// (a field of the wrong type, a role name that is no role, …). The policy answers it with
/// <see cref="InvalidCommand"/> naming <paramref name="Field"/> and <paramref name="Reason"/>, after the
/// actor check like any other command, so a front end never has to decide outcomes itself.
/// </summary>
/// <param name="Id">The caller's id for the command.</param>
/// <param name="At">When the command was issued.</param>
/// <param name="Actor">Who issued it.</param>
/// <param name="Field">The malformed field, e.g. <c>role</c>.</param>
/// <param name="Reason">What is wrong with it.</param>
/// <param name="ExpectedVersion">The account version the caller last saw, if it could be read.</param>
/// <param name="Seat">The seat the request named, if it could be read; shown with the outcome, never acted on.</param>
public sealed record MalformedCommand(
    CommandId Id,
    Instant At,
    Actor Actor,
    string Field,
    string Reason,
    long? ExpectedVersion = null,
    SeatId? Seat = null) : SeatCommand(Id, At, Actor, ExpectedVersion);
