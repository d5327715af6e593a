namespace Kixie.SeatPolicy;

/// <summary>
/// The ways through a departure that the advisor weighs (rulebook §11). The first two apply when a
/// hire is planned, the last two when none is.
/// </summary>
public enum AdvicePlanKind
{
    /// <summary>Deactivate the seat when the agent leaves, then fill it with the new person (Save &amp; Replace): the seat and its assets are kept.</summary>
    HoldAndReplace = 0,

    /// <summary>Deactivate the seat, have support delete it on the first allowed day, then add the new person in a new seat: the assets are lost.</summary>
    DeleteAndAdd = 1,

    /// <summary>Deactivate the seat and keep it vacant (still billed): the seat and its assets are kept.</summary>
    HoldVacant = 2,

    /// <summary>Deactivate the seat and have support delete it on the first allowed day: the assets are released.</summary>
    Delete = 3,
}
