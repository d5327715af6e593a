using System.Linq;

namespace Kixie.SeatPolicy;

public sealed partial class TurnoverPolicy
{
    private static Decision DecideAdd(Account account, AddAgent add, ActingAs actor)
    {
        var role = add.Role!.Value;
        if (actor.IsManager && role == Role.Admin)
        {
            return Reject(new Unauthorized(add.Actor, "a Manager cannot grant the Admin role"));
        }

        if (account.FindSeatOf(add.Email) is { } holder)
        {
            return Reject(new EmailInUse(add.Email!, holder.Id));
        }

        var seat = add.Seat ?? account.NextSeatId();
        var agent = new Agent(account.NextAgentId, add.Name!, add.Email!, role);
        var plan = account.FindPlan(add.Plan) ?? account.DefaultPlan;
        var price = account.ChargePrice(plan, account.LocalDateOf(add.At));
        var charge = SeatPolicy.Proration.Prorate(price, account.Billing, add.At, account.TimeZone, account.Proration);
        var assets = add.Assets ?? SeatAssets.None;
        return Accept(
            new Added(add, account.Version + 1, seat, agent, assets, new ChargeIncurred(seat, charge), plan.Name));
    }

    private static Decision DecideReplace(Account account, ReplaceAgent replace, ActingAs actor)
    {
        if (account.FindSeat(replace.Seat) is not { } seat)
        {
            return Reject(new SeatNotFound(replace.Seat));
        }

        var role = replace.Role ?? seat.LastRole;
        if (actor.IsManager && (seat.HoldsAdmin || role == Role.Admin))
        {
            return Reject(new Unauthorized(replace.Actor, ManagerLimit(seat)));
        }

        if (account.FindSeatOf(replace.Email) is { } holder)
        {
            return Reject(new EmailInUse(replace.Email!, holder.Id));
        }

        if (LeavesNoAdmin(account, seat, role))
        {
            return Reject(new LastAdminProtected(seat.Id));
        }

        var agent = new Agent(account.NextAgentId, replace.Name!, replace.Email!, role);
        return Accept(
            new Replaced(replace, account.Version + 1, seat.Id, agent, seat.Occupant, seat.Assets));
    }

    private static Decision DecideDeactivate(Account account, DeactivateAgent deactivate, ActingAs actor)
    {
        if (account.FindSeat(deactivate.Seat) is not { } seat)
        {
            return Reject(new SeatNotFound(deactivate.Seat));
        }

        if (actor.IsManager && seat.HoldsAdmin)
        {
            return Reject(new Unauthorized(deactivate.Actor, ManagerLimit(seat)));
        }

        if (seat.IsVacant)
        {
            return Reject(new SeatAlreadyVacant(seat.Id));
        }

        if (LeavesNoAdmin(account, seat, remainingRole: null))
        {
            return Reject(new LastAdminProtected(seat.Id));
        }

        return Accept(
            new Deactivated(deactivate, account.Version + 1, seat.Id, seat.Occupant, seat.Assets));
    }

    private static Decision DecideUpdate(Account account, UpdateAgent update, ActingAs actor)
    {
        if (account.FindSeat(update.Seat) is not { } seat)
        {
            return Reject(new SeatNotFound(update.Seat));
        }

        if (actor.IsManager && (seat.HoldsAdmin || update.Role == Role.Admin))
        {
            return Reject(new Unauthorized(update.Actor, ManagerLimit(seat)));
        }

        if (seat.Occupant is not { } current)
        {
            return Reject(new SeatAlreadyVacant(seat.Id));
        }

        if (account.FindSeatOf(update.Email) is { } holder && holder.Id != seat.Id)
        {
            return Reject(new EmailInUse(update.Email!, holder.Id));
        }

        var renames = update.Name is not null && !string.Equals(update.Name, current.Name, System.StringComparison.Ordinal);
        var changesEmail = update.Email is not null && !current.HasEmail(update.Email);
        if (renames && changesEmail)
        {
            return Reject(new EditLooksLikeReplacement(seat.Id));
        }

        var after = current.With(update.Name, update.Email, update.Role);
        if (LeavesNoAdmin(account, seat, after.Role))
        {
            return Reject(new LastAdminProtected(seat.Id));
        }

        return Accept(new Updated(update, account.Version + 1, seat.Id, current, after));
    }

    /// <summary>Whether changing <paramref name="seat"/> so that its occupant has <paramref name="remainingRole"/> (null: nobody) would leave no occupied Admin seat.</summary>
    /// <summary>
    /// Whether taking the Admin out of <paramref name="seat"/> (leaving it with <paramref name="remainingRole"/>,
    /// null: nobody) would take the occupied Admin seats that remain once every pending deletion has taken
    /// effect from one or more to none (rulebook §6 and §12: pending deletions count as done).
    /// </summary>
    private static bool LeavesNoAdmin(Account account, Seat seat, Role? remainingRole)
    {
        if (!seat.HoldsAdmin || remainingRole == Role.Admin)
        {
            return false;
        }

        if (!account.Pending.All.Any(scheduled => scheduled is DeletionScheduled))
        {
            return account.OccupiedAdminCount == 1;
        }

        var remaining = account.OccupiedAdminCount;
        foreach (var scheduled in account.Pending.All)
        {
            if (scheduled is DeletionScheduled && account.FindSeat(scheduled.Seat) is { HoldsAdmin: true })
            {
                remaining--;
            }
        }

        var after = account.Pending.Of(seat.Id) is DeletionScheduled ? remaining : remaining - 1;
        return remaining >= 1 && after == 0;
    }

    private static string ManagerLimit(Seat seat) =>
        seat.HoldsAdmin
            ? $"a Manager cannot act on an Admin's seat ({seat.Id})"
            : "a Manager cannot grant the Admin role";
}
