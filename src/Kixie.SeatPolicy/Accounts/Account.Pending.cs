using NodaTime;

namespace Kixie.SeatPolicy;

public sealed partial class Account
{
    /// <summary>
    /// The account as it stands on <paramref name="date"/> (a local date): every scheduled deletion whose
    /// last day is before it has taken effect (rulebook §12), exactly as an immediate deletion on that last
    /// day would have left the seats; the version and history are the same. The policy decides every
    /// command on the account as of the command's local date, so no command and no clock is needed for a
    /// scheduled deletion to take effect.
    /// </summary>
    /// <param name="date">The local date to look from.</param>
    /// <returns>This account when nothing is due by then; otherwise the account with those deletions in effect.</returns>
    public Account AsOf(LocalDate date)
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
    /// The seat's pending change: a scheduled deletion not yet in effect as the account stands (see
    /// <see cref="AsOf"/> for a given day), or null.
    /// </summary>
    /// <param name="seat">The seat.</param>
    /// <returns>The pending change, or null.</returns>
    public PendingChange? PendingChangeOf(SeatId seat) => seat.Value is null ? null : _pending.Of(seat)?.Pending;

    /// <summary>The scheduled deletions not yet in effect.</summary>
    internal PendingDeletions Pending => _pending;
}
