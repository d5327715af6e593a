namespace Kixie.SeatPolicy;

public sealed partial class TurnoverPolicy
{
    /// <summary>
    /// A deletion, at once or scheduled (rulebook §6 and §12). A scheduled one is judged as an immediate
    /// deletion on its last day would be: the lock-in looks at that day; every other guard at the command's.
    /// </summary>
    private Decision DecideDelete(Account account, DeleteAgent delete, ActingAs actor)
    {
        if (account.FindSeat(delete.Seat) is not { } seat)
        {
            return Reject(new SeatNotFound(delete.Seat));
        }

        if (actor.IsManager && seat.HoldsAdmin)
        {
            return Reject(new Unauthorized(delete.Actor, ManagerLimit(seat)));
        }

        if (LeavesNoAdmin(account, seat, remainingRole: null))
        {
            return Reject(new LastAdminProtected(seat.Id));
        }

        var date = account.LocalDateOf(delete.At);
        var lastDay = date;
        if (delete.Effective != DeletionEffective.Now)
        {
            _ = TryLastDay(account, delete, out lastDay); // validated: it has one
        }

        if (account.Contract is { } contract && !contract.AllowsDeletionOn(lastDay))
        {
            var standing = contract.StandingOn(lastDay);
            var reason = $"contract lock-in: the term {Dates.Iso(standing.TermStart)}..{Dates.Iso(standing.TermEnd)} " +
                         $"allows deleting seats only in its last {contract.LockInDays} days";
            return Reject(new DeletionBlocked(seat.Id, reason, standing.WindowOpens, ReplaceOrDeactivate));
        }

        if (!delete.Actor.IsSupport && !Options.SelfServeDeletion)
        {
            return Reject(new DeletionRequiresSupport(seat.Id, Options.SupportContact));
        }

        if (delete.Effective != DeletionEffective.Now)
        {
            return Accept(new DeletionScheduled(delete, account.Version + 1, seat.Id, lastDay, account.PendingChangeOf(seat.Id)));
        }

        var offBillFrom = account.Billing.NextBillDateAfter(date);
        return Accept(
            new Deleted(delete, account.Version + 1, seat.Id, seat.Occupant, seat.Assets, offBillFrom));
    }

    /// <summary>Cancelling a seat's pending change (rulebook §12): the usual guards, then <see cref="NothingScheduled"/> when it has none.</summary>
    private static Decision DecideCancel(Account account, CancelScheduledChange cancel, ActingAs actor)
    {
        if (account.FindSeat(cancel.Seat) is not { } seat)
        {
            return Reject(new SeatNotFound(cancel.Seat));
        }

        if (actor.IsManager && seat.HoldsAdmin)
        {
            return Reject(new Unauthorized(cancel.Actor, ManagerLimit(seat)));
        }

        return account.PendingChangeOf(seat.Id) is { } pending
            ? Accept(new ScheduleCancelled(cancel, account.Version + 1, seat.Id, pending))
            : Reject(new NothingScheduled(seat.Id));
    }
}
