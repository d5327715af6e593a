using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;

namespace Kixie.SeatPolicy;

public sealed partial class Account
{
    /// <summary>
    /// Opens an account at version 0 with its initial seats. Occupied seats get agents numbered
    /// 1, 2, 3, … in the order given.
    /// </summary>
    /// <param name="id">The account's id; not blank.</param>
    /// <param name="timeZone">The account's time zone.</param>
    /// <param name="seatPrice">The price of one seat for one billing period, in the account's currency; zero or more.</param>
    /// <param name="billing">The billing calendar.</param>
    /// <param name="seats">The initial seats: distinct ids, distinct emails (case-insensitive), valid names, emails, roles and phone numbers.</param>
    /// <param name="contract">The contract, or null for a non-contract account.</param>
    /// <param name="proration">How adds are prorated; the default is whole actual days, half away from zero.</param>
    /// <param name="addCharges">When add charges are invoiced (rulebook §10): <see cref="AddChargeBilling.Immediately"/> (the default) or <see cref="AddChargeBilling.OnNextBill"/>.</param>
    /// <returns>The account at version 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="timeZone"/>, <paramref name="billing"/> or <paramref name="seats"/> (or one of its items) is null.</exception>
    /// <exception cref="ValueRefusedException"><paramref name="id"/> is blank; <paramref name="seatPrice"/> is negative or in no known currency;
    /// <paramref name="proration"/> or <paramref name="addCharges"/> has an undefined value; or an initial seat is invalid or repeats another's id or email
    /// (<see cref="ValueRefusedException.SeatIndex"/>, <see cref="ValueRefusedException.Seat"/> and <see cref="ValueRefusedException.Member"/> say which and where).</exception>
    public static Account Open(
        string id,
        DateTimeZone timeZone,
        Money seatPrice,
        BillingCalendar billing,
        IEnumerable<InitialSeat> seats,
        ContractTerm? contract = null,
        ProrationConvention proration = default,
        AddChargeBilling addCharges = AddChargeBilling.Immediately)
    {
        if (seatPrice.IsNegative)
        {
            throw new ValueRefusedException(nameof(seatPrice), nameof(seatPrice), seatPrice, $"the seat price {seatPrice} is negative");
        }

        if (!Currency.TryFromCode(seatPrice.Currency.Code, out _))
        {
            throw new ValueRefusedException(nameof(seatPrice), nameof(seatPrice), seatPrice, "the seat price is in no ISO 4217 currency");
        }

        return OpenOnPlans(id, timeZone, [new Plan(Plan.Standard, seatPrice)], Plan.Standard, billing, seats, contract, proration, addCharges);
    }

    /// <summary>
    /// Opens an account whose seats are on <paramref name="plans"/> (rulebook §13) at version 0 with its initial
    /// seats: each initial seat on the plan it names, or on <paramref name="defaultPlan"/>. Occupied seats get
    /// agents numbered 1, 2, 3, … in the order given.
    /// </summary>
    /// <param name="id">The account's id; not blank.</param>
    /// <param name="timeZone">The account's time zone.</param>
    /// <param name="plans">The plans: at least one, distinct non-blank names, prices zero or more in one ISO 4217 currency (the account's), later prices in increasing date order.</param>
    /// <param name="defaultPlan">The name of the plan a seat is on when it names none: one of <paramref name="plans"/>.</param>
    /// <param name="billing">The billing calendar.</param>
    /// <param name="seats">The initial seats: distinct ids, distinct emails (case-insensitive), valid names, emails, roles and phone numbers, and plans of the account.</param>
    /// <param name="contract">The contract, or null for a non-contract account.</param>
    /// <param name="proration">How adds and upgrades are prorated; the default is whole actual days, half away from zero.</param>
    /// <param name="addCharges">When add and upgrade charges are invoiced (rulebook §10): <see cref="AddChargeBilling.Immediately"/> (the default) or <see cref="AddChargeBilling.OnNextBill"/>.</param>
    /// <returns>The account at version 0.</returns>
    /// <exception cref="ArgumentNullException">An argument (or one of its items) is null.</exception>
    /// <exception cref="ValueRefusedException">A plan is refused (<see cref="ValueRefusedException.Member"/> <c>plans[i].…</c>),
    /// <paramref name="defaultPlan"/> names none of them (<c>defaultPlan</c>), or anything <see cref="Open"/> refuses;
    /// an initial seat on an unknown plan is refused with member <c>plan</c>.</exception>
    public static Account OpenOnPlans(
        string id,
        DateTimeZone timeZone,
        IEnumerable<Plan> plans,
        string defaultPlan,
        BillingCalendar billing,
        IEnumerable<InitialSeat> seats,
        ContractTerm? contract = null,
        ProrationConvention proration = default,
        AddChargeBilling addCharges = AddChargeBilling.Immediately)
    {
        Guard.Against.Null(id);
        Guard.Against.Null(timeZone);
        Guard.Against.Null(billing);
        Guard.Against.Null(seats);
        Guard.Against.Null(plans);
        Guard.Against.Null(defaultPlan);
        if (Validation.IsBlank(id))
        {
            throw new ValueRefusedException(nameof(id), nameof(id), id, "the account id is blank");
        }

        var (planList, defaultOne) = CheckPlans(plans, defaultPlan);

        if (!proration.IsDefined)
        {
            throw new ValueRefusedException(nameof(proration), nameof(proration), proration, "the proration convention has an undefined member");
        }

        if (addCharges is not (AddChargeBilling.Immediately or AddChargeBilling.OnNextBill))
        {
            throw new ValueRefusedException(nameof(addCharges), nameof(addCharges), addCharges, $"{(int)addCharges} is not an add-charge billing term");
        }

        var initialSeats = seats.ToImmutableArray();
        var seatMap = SeatMap.Empty().ToBuilder();
        var emails = EmailIndex.Empty(StringComparer.OrdinalIgnoreCase).ToBuilder();
        var admins = 0;
        long agents = 0;
        var index = 0;
        foreach (var initial in initialSeats)
        {
            Guard.Against.Null(initial, nameof(seats));
            CheckInitialSeat(initial, index, seatMap, emails, planList);
            var occupant = initial.IsVacant ? null : new Agent(new AgentId(++agents), initial.Name!, initial.Email!, initial.Role);
            var seat = new Seat(initial.Seat, index + 1, initial.Assets, occupant, initial.Role, initial.Plan ?? defaultOne.Name);
            seatMap.Add(seat);
            if (occupant is not null)
            {
                emails.Add(seat);
                admins += occupant.Role == Role.Admin ? 1 : 0;
            }

            index++;
        }

        var terms = new AccountTerms(id, timeZone, planList, defaultOne, billing, proration, addCharges, contract, initialSeats);
        return new Account(
            terms,
            seatMap.ToImmutable(),
            emails.ToImmutable(),
            [],
            PendingChanges.None,
            CommandIndex.Empty(),
            (int)agents,
            admins,
            seatsEverCreated: index,
            agentsEverCreated: agents);
    }

    /// <summary>The plans as given, once checked, and the default one.</summary>
    private static (ImmutableArray<Plan> Plans, Plan Default) CheckPlans(IEnumerable<Plan> plans, string defaultPlan)
    {
        var list = plans.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ValueRefusedException(nameof(plans), nameof(plans), null, "an account needs at least one plan");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var plan = list[i];
            Guard.Against.Null(plan, nameof(plans));
            if (!Currency.TryFromCode(plan.SeatPrice.Currency.Code, out _))
            {
                throw new ValueRefusedException(nameof(plans), string.Create(CultureInfo.InvariantCulture, $"plans[{i}].seatPrice"), plan.SeatPrice, "the seat price is in no ISO 4217 currency");
            }

            if (plan.Problem(list[0].SeatPrice.Currency) is { } problem)
            {
                throw new ValueRefusedException(nameof(plans), string.Create(CultureInfo.InvariantCulture, $"plans[{i}].{problem.Member}"), problem.Value, problem.Reason);
            }

            if (!names.Add(plan.Name))
            {
                throw new ValueRefusedException(nameof(plans), string.Create(CultureInfo.InvariantCulture, $"plans[{i}].plan"), plan.Name, $"repeats the plan name '{plan.Name}'");
            }
        }

        var chosen = list.FirstOrDefault(plan => string.Equals(plan.Name, defaultPlan, StringComparison.Ordinal))
            ?? throw new ValueRefusedException(nameof(defaultPlan), nameof(defaultPlan), defaultPlan, $"'{defaultPlan}' is not one of the account's plans");
        return (list, chosen);
    }

    private static void CheckInitialSeat(
        InitialSeat initial,
        int index,
        SeatMap.Builder seats,
        EmailIndex.Builder emails,
        ImmutableArray<Plan> plans)
    {
        (string Member, object? Value, string Reason)? problem = null;
        if (initial.Seat.IsBlank)
        {
            problem = ("seat", initial.Seat.Value, "the seat id is blank");
        }
        else if (seats.TryGetValue(initial.Seat, out var first))
        {
            problem = ("seat", initial.Seat.Value, $"repeats the seat id '{initial.Seat}' of initial seat {first.Ordinal - 1}");
        }
        else if (!Validation.IsRole(initial.Role))
        {
            problem = ("role", initial.Role, $"{(int)initial.Role} is not a role");
        }
        else if (Validation.AssetsProblem(initial.Assets) is { } assets)
        {
            problem = (assets.Field, assets.Value, assets.Reason);
        }
        else if (initial.Plan is { } plan && !plans.Any(known => string.Equals(known.Name, plan, StringComparison.Ordinal)))
        {
            problem = ("plan", plan, $"'{plan}' is not one of the account's plans");
        }
        else if (!initial.IsVacant)
        {
            if (Validation.IsBlank(initial.Name))
            {
                problem = ("name", initial.Name, $"seat '{initial.Seat}' is occupied but its name is blank");
            }
            else if (!Validation.IsEmail(initial.Email))
            {
                problem = ("email", initial.Email, $"'{initial.Email}' is not a valid email");
            }
            else if (emails.TryGetValue(initial.Email!, out var holder))
            {
                problem = ("email", initial.Email, $"repeats the email '{initial.Email}' of initial seat {holder.Ordinal - 1}");
            }
        }

        if (problem is { } refused)
        {
            throw new ValueRefusedException(nameof(seats), refused.Member, refused.Value, refused.Reason, index, initial.Seat);
        }
    }
}
