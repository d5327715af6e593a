using System.Collections.Immutable;
using NodaTime;

namespace Kixie.SeatPolicy;

public sealed partial class Account
{
    /// <summary>
    /// The seats that exist on <paramref name="asOf"/> (a local date), in the order they were created: a
    /// seat whose scheduled deletion has a last day before it is gone (rulebook §12), exactly as an
    /// immediate deletion on that last day would have left the seats. No command and no clock is needed
    /// for a scheduled deletion to take effect: every dated question sees it.
    /// </summary>
    /// <param name="asOf">The local date to look from.</param>
    /// <returns>The seats as they stand that day.</returns>
    public ImmutableArray<Seat> ListSeats(LocalDate asOf) => AsOf(asOf).ListSeats();

    /// <summary>A seat as it stands on <paramref name="asOf"/>: null when it does not exist then (see <see cref="ListSeats(LocalDate)"/>).</summary>
    /// <param name="seat">The seat.</param>
    /// <param name="asOf">The local date to look from.</param>
    /// <returns>The seat, or null.</returns>
    public Seat? FindSeat(SeatId seat, LocalDate asOf) => AsOf(asOf).FindSeat(seat);

    /// <summary>
    /// The account as it stands on <paramref name="date"/>: every scheduled deletion whose last day is before
    /// it in effect, the version and history the same. The policy decides every command on the account as of
    /// the command's local date. Internal: such a state is not one its history replays to (the history
    /// settles a deletion when the next event after it is applied), so it is never handed out.
    /// </summary>
    internal Account AsOf(LocalDate date)
    {
        if (!_pending.AnyDueBy(date))
        {
            return this;
        }

        var settled = new Transition(this, batch: false);
        settled.Settle(date, nameof(date));
        return settled.ToAccount(nameof(date));
    }

    /// <summary>
    /// The seat's pending change: a scheduled deletion or downgrade not yet in effect as the account stands (on a
    /// given day a deletion is in effect when its last day is before that day, a downgrade from its bill date on,
    /// see <see cref="ListSeats(LocalDate)"/>), or null.
    /// </summary>
    /// <param name="seat">The seat.</param>
    /// <returns>The pending change, or null.</returns>
    public PendingChange? PendingChangeOf(SeatId seat) => seat.Value is null || _pending.Of(seat) is not { } scheduled ? null : PendingChanges.PendingOf(scheduled);

    /// <summary>
    /// The seat's pending change still to come on <paramref name="asOf"/>: null when it has none, or when its change is in
    /// effect that day (a deletion after its last day, a downgrade from its bill date on; see <see cref="ListSeats(LocalDate)"/>).
    /// </summary>
    /// <param name="seat">The seat.</param>
    /// <param name="asOf">The local date to look from.</param>
    /// <returns>The pending change, or null.</returns>
    public PendingChange? PendingChangeOf(SeatId seat, LocalDate asOf) => AsOf(asOf).PendingChangeOf(seat);

    /// <summary>The scheduled deletions and downgrades not yet in effect.</summary>
    internal PendingChanges Pending => _pending;
}
