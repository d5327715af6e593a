namespace Kixie.SeatPolicy;

public sealed partial class TurnoverPolicy
{
    /// <summary>
    /// A move to another plan (rulebook §13): dearer at once and charged the prorated difference, the same
    /// price at once and free, cheaper from the next bill date and, under a contract, only in the lock-in
    /// window. Whether it is an upgrade is decided once, here, on the prices an add today would pay.
    /// </summary>
    private static Decision DecideChangePlan(Account account, ChangePlan change, ActingAs actor)
    {
        if (account.FindSeat(change.Seat) is not { } seat)
        {
            return Reject(new SeatNotFound(change.Seat));
        }

        if (actor.IsManager && seat.HoldsAdmin)
        {
            return Reject(new Unauthorized(change.Actor, ManagerLimit(seat)));
        }

        var date = account.LocalDateOf(change.At);
        var from = account.FindPlan(seat.Plan)!;
        var to = account.FindPlan(change.Plan)!; // validated: a plan of the account
        var (p, q) = (account.ChargePrice(from, date), account.ChargePrice(to, date));
        if (q > p)
        {
            var charge = SeatPolicy.Proration.Prorate(q - p, account.Billing, change.At, account.TimeZone, account.Proration);
            return Accept(new PlanUpgraded(change, account.Version + 1, seat.Id, from.Name, new ChargeIncurred(seat.Id, charge)));
        }

        if (q == p)
        {
            return Accept(new PlanChanged(change, account.Version + 1, seat.Id, from.Name));
        }

        if (account.Contract is { } contract && !contract.AllowsDeletionOn(date))
        {
            var standing = contract.StandingOn(date);
            var reason = $"contract lock-in: the term {Dates.Iso(standing.TermStart)}..{Dates.Iso(standing.TermEnd)} " +
                         $"allows downgrading seats only in its last {contract.LockInDays} days";
            return Reject(new DowngradeBlocked(seat.Id, reason, standing.WindowOpens));
        }

        var effective = account.Billing.NextBillDateAfter(date);
        return Accept(new DowngradeScheduled(change, account.Version + 1, seat.Id, from.Name, effective, account.PendingChangeOf(seat.Id)));
    }
}
