namespace Kixie.SeatPolicy;

public sealed partial class TurnoverPolicy
{
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
        if (account.Contract is { } contract && !contract.AllowsDeletionOn(date))
        {
            var standing = contract.StandingOn(date);
            var reason = $"contract lock-in: the term {Dates.Iso(standing.TermStart)}..{Dates.Iso(standing.TermEnd)} " +
                         $"allows deleting seats only in its last {contract.LockInDays} days";
            return Reject(new DeletionBlocked(seat.Id, reason, standing.WindowOpens, ReplaceOrDeactivate));
        }

        if (!delete.Actor.IsSupport && !Options.SelfServeDeletion)
        {
            return Reject(new DeletionRequiresSupport(seat.Id, Options.SupportContact));
        }

        var offBillFrom = account.Billing.NextBillDateAfter(date);
        return Accept(
            new Deleted(delete, account.Version + 1, seat.Id, seat.Occupant, seat.Assets, offBillFrom));
    }
}
