using NodaTime;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// A scheduled change that has taken effect (rulebook §12), as the account grain records it in the
/// store once it is due: which seat, what changed, from when, and the stored event that scheduled it.
/// The account's events already imply it (every question dated after its last day sees the seat gone);
/// this record is for what lies outside the engine, such as releasing the seat's phone number, which
/// must happen exactly once.
/// </summary>
/// <param name="ScheduledBy">The version of the event that scheduled the change (its <see cref="DeletionScheduled"/>): the record's key within the account.</param>
/// <param name="Seat">The seat the change applies to.</param>
/// <param name="Change">What took effect: for a deletion, the seat's last day.</param>
/// <param name="From">The instant it took effect: the start, in the account's time zone, of the day after the last day.</param>
public sealed record TakenEffect(long ScheduledBy, SeatId Seat, PendingChange Change, Instant From);
