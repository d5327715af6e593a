using System.Linq;
using NodaTime;

namespace Kixie.SeatPolicy;

public sealed partial class TurnoverPolicy
{
    /// <summary>
    /// The <see cref="InvalidCommand"/> guard: a missing or malformed field, an instant outside the dates the
    /// account can bill (<see cref="Account.CanBillAt"/>), or a reused seat id.
    /// </summary>
    private static InvalidCommand? Validate(Account account, SeatCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.Id.Value))
        {
            return new InvalidCommand("id", "the command has no id");
        }

        if (command.ExpectedVersion < 0)
        {
            return new InvalidCommand("expectedVersion", $"{command.ExpectedVersion} is not a version (versions start at 0)");
        }

        if (!account.CanBillAt(command.At))
        {
            return new InvalidCommand("at", account.OutsideBillingRange(command.At));
        }

        if (command is AddAgent or ChangePlan && NoBillCarriesTheCharge(account, command.At) is { } lastPeriod)
        {
            return lastPeriod;
        }

        return command switch
        {
            MalformedCommand malformed => new InvalidCommand(malformed.Field, malformed.Reason),
            AddAgent add => ValidateAdd(account, add),
            ReplaceAgent replace => RequireSeatId(replace.Seat)
                ?? RequireName(replace.Name)
                ?? RequireEmail(replace.Email)
                ?? CheckRole(replace.Role),
            UpdateAgent update => ValidateUpdate(update),
            DeactivateAgent deactivate => RequireSeatId(deactivate.Seat),
            DeleteAgent delete => RequireSeatId(delete.Seat) ?? CheckEffective(account, delete),
            CancelScheduledChange cancel => RequireSeatId(cancel.Seat),
            ChangePlan change => RequireSeatId(change.Seat) ?? CheckNewPlan(account, change),
            _ => null,
        };
    }

    /// <summary>A deletion's <c>effective</c>: a known one, with a last day (rulebook §12).</summary>
    private static InvalidCommand? CheckEffective(Account account, DeleteAgent delete) =>
        delete.Effective == DeletionEffective.Now ? null : TryLastDay(account, delete, out _);

    /// <summary>
    /// A scheduled deletion's last day: the day before the first bill date after the command's local date
    /// (<see cref="DeletionEffective.NextBill"/>), or the last day of the contract term holding it
    /// (<see cref="DeletionEffective.TermEnd"/>); else why there is none, naming <c>effective</c>.
    /// </summary>
    private static InvalidCommand? TryLastDay(Account account, DeleteAgent delete, out LocalDate lastDay)
    {
        lastDay = default;
        var date = account.LocalDateOf(delete.At);
        switch (delete.Effective)
        {
            case DeletionEffective.NextBill:
                // The command's instant is one the account can bill at (checked first), so its period is whole.
                lastDay = account.Billing.NextBillDateAfter(date).PlusDays(-1);
                return null;
            case DeletionEffective.TermEnd:
                if (account.Contract is not { } contract)
                {
                    return new InvalidCommand("effective", "TermEnd needs a contract term, and this account has no contract");
                }

                var standing = contract.StandingOn(date);
                switch (standing.Phase)
                {
                    case ContractPhase.NotStarted:
                        return new InvalidCommand("effective", $"{Dates.Iso(date)} is before the contract's first term starts ({Dates.Iso(contract.Start)}): no term holds it");
                    case ContractPhase.Ended:
                        return new InvalidCommand("effective", $"the contract ended on {Dates.Iso(contract.End)} without renewal: no term holds {Dates.Iso(date)}");
                    default:
                        lastDay = standing.TermEnd;
                        return null;
                }

            default:
                return new InvalidCommand("effective", $"unknown effective {(int)delete.Effective} (Now, NextBill or TermEnd)");
        }
    }

    private static InvalidCommand? ValidateAdd(Account account, AddAgent add)
    {
        var problem = RequireName(add.Name)
            ?? RequireEmail(add.Email)
            ?? (add.Role is null ? new InvalidCommand("role", "the role is missing") : CheckRole(add.Role));
        if (problem is not null)
        {
            return problem;
        }

        if (add.Seat is { } seat)
        {
            if (seat.IsBlank)
            {
                return new InvalidCommand("seat", "the seat id is blank");
            }

            if (account.HasEverHadSeat(seat))
            {
                return new InvalidCommand("seat", $"seat id '{seat}' was already used by a seat of this account");
            }
        }

        if (add.Plan is not null && RequireKnownPlan(account, add.Plan) is { } unknown)
        {
            return unknown;
        }

        return Validation.AssetsProblem(add.Assets) is { } assets
            ? new InvalidCommand(assets.Field, assets.Reason)
            : null;
    }

    /// <summary>A plan change's <c>plan</c>: one of the account's, and not the plan the seat is on when the seat exists (rulebook §13).</summary>
    private static InvalidCommand? CheckNewPlan(Account account, ChangePlan change)
    {
        if (RequireKnownPlan(account, change.Plan) is { } unknown)
        {
            return unknown;
        }

        if (account.FindSeat(change.Seat) is not { } seat || seat.Plan != change.Plan)
        {
            return null;
        }

        return account.PendingChangeOf(seat.Id) is { Change: ScheduledChange.ChangePlan } pending
            ? new InvalidCommand("plan", $"{seat.Id} is on {seat.Plan} already, with a {pending.Describe()} pending: cancel it with CancelScheduledChange")
            : new InvalidCommand("plan", $"{seat.Id} is on {seat.Plan} already");
    }

    private static InvalidCommand? RequireKnownPlan(Account account, string? plan) => plan switch
    {
        null => new InvalidCommand("plan", "the plan is missing"),
        _ when account.FindPlan(plan) is null => new InvalidCommand("plan", $"unknown plan '{plan}' (the account's plans: {string.Join(", ", account.Plans.Select(known => known.Name))})"),
        _ => null,
    };

    /// <summary>
    /// An add billed <see cref="AddChargeBilling.OnNextBill"/> in the last billing period NodaTime can
    /// represent: its charge would go on the next bill, whose own period ends past 9999-12-31, so no invoice
    /// could ever carry it. Refused naming <c>at</c>, like an instant outside the dates the account bills.
    /// </summary>
    private static InvalidCommand? NoBillCarriesTheCharge(Account account, NodaTime.Instant at)
    {
        if (account.AddCharges != AddChargeBilling.OnNextBill)
        {
            return null;
        }

        var period = account.Billing.PeriodContaining(account.LocalDateOf(at));
        return account.Billing.BillsAtTheEndOf(period)
            ? null
            : new InvalidCommand(
                "at",
                $"{at} is in the last billing period NodaTime can represent ({period}); the add's charge would go on the bill of {Dates.Iso(period.End)}, whose period ends past 9999-12-31, so no invoice could carry it (add charges are billed on the next bill)");
    }

    private static InvalidCommand? ValidateUpdate(UpdateAgent update)
    {
        if (RequireSeatId(update.Seat) is { } missing)
        {
            return missing;
        }

        if (update.Name is null && update.Email is null && update.Role is null)
        {
            return new InvalidCommand("update", "nothing to change: give a name, an email or a role");
        }

        return (update.Name is null ? null : RequireName(update.Name))
            ?? (update.Email is null ? null : RequireEmail(update.Email))
            ?? CheckRole(update.Role);
    }

    private static InvalidCommand? RequireSeatId(SeatId seat) =>
        seat.IsBlank ? new InvalidCommand("seat", "the seat id is missing") : null;

    private static InvalidCommand? RequireName(string? name) =>
        Validation.IsBlank(name) ? new InvalidCommand("name", "the name is missing or blank") : null;

    private static InvalidCommand? RequireEmail(string? email) => email switch
    {
        null => new InvalidCommand("email", "the email is missing"),
        _ when !Validation.IsEmail(email) => new InvalidCommand("email", $"'{email}' is not a valid email address"),
        _ => null,
    };

    private static InvalidCommand? CheckRole(Role? role) =>
        role is { } given && !Validation.IsRole(given)
            ? new InvalidCommand("role", $"unknown role ({(int)given}); a role is Admin, Manager or Agent")
            : null;
}
