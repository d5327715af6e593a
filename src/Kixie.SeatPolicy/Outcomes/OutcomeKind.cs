namespace Kixie.SeatPolicy;

/// <summary>
/// The name of every outcome a command can have, as reports and the command line print it.
/// The first five are accepted changes; the rest are refusals that change nothing.
/// </summary>
public enum OutcomeKind
{
    /// <summary>A seat was added and its prorated charge incurred.</summary>
    Added = 0,

    /// <summary>A new person took a seat and inherited its assets.</summary>
    Replaced = 1,

    /// <summary>A seat was vacated and held, still billed.</summary>
    Deactivated = 2,

    /// <summary>The same person was edited.</summary>
    Updated = 3,

    /// <summary>A seat was deleted, with no refund.</summary>
    Deleted = 4,

    /// <summary>Deletion is refused: the contract is locked in.</summary>
    DeletionBlocked = 5,

    /// <summary>Deletion must go through support.</summary>
    DeletionRequiresSupport = 6,

    /// <summary>The actor may not do this.</summary>
    Unauthorized = 7,

    /// <summary>The command would leave no occupied Admin seat.</summary>
    LastAdminProtected = 8,

    /// <summary>An edit changes both name and email: that is a replacement.</summary>
    EditLooksLikeReplacement = 9,

    /// <summary>The email belongs to a current occupant.</summary>
    EmailInUse = 10,

    /// <summary>The seat does not exist (or was deleted).</summary>
    SeatNotFound = 11,

    /// <summary>The seat is already vacant.</summary>
    SeatAlreadyVacant = 12,

    /// <summary>A field is missing or malformed, or the command id was used for other content.</summary>
    InvalidCommand = 13,

    /// <summary>The command expected another account version.</summary>
    VersionConflict = 14,

    /// <summary>A deletion was scheduled to take effect after a last day (rulebook §12).</summary>
    DeletionScheduled = 15,

    /// <summary>A seat's pending change was cancelled.</summary>
    ScheduleCancelled = 16,

    /// <summary>There was no pending change to cancel.</summary>
    NothingScheduled = 17,

    /// <summary>A seat moved to a dearer plan at once, charged the prorated difference (rulebook §13).</summary>
    PlanUpgraded = 18,

    /// <summary>A seat moved at once to a plan of the same price; nothing charged.</summary>
    PlanChanged = 19,

    /// <summary>A seat moves to a cheaper plan from the next bill date.</summary>
    DowngradeScheduled = 20,

    /// <summary>A downgrade refused: the contract is locked in until its exit window.</summary>
    DowngradeBlocked = 21,
}
