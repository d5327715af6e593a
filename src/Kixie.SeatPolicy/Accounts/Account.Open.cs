using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, <paramref name="seatPrice"/> is in no known currency, or <paramref name="seats"/> has an invalid or duplicate seat.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seatPrice"/> is negative, <paramref name="proration"/> has an undefined member, or <paramref name="addCharges"/> is not a defined term.</exception>
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
        Guard.Against.NullOrWhiteSpace(id);
        Guard.Against.Null(timeZone);
        Guard.Against.Null(billing);
        Guard.Against.Null(seats);
        if (seatPrice.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(seatPrice), $"The seat price {seatPrice} {seatPrice.Currency} is negative.");
        }
        if (!Currency.TryFromCode(seatPrice.Currency.Code, out _))
        {
            throw new ArgumentException("The seat price must be in an ISO 4217 currency.", nameof(seatPrice));
        }

        if (!proration.IsDefined)
        {
            throw new ArgumentOutOfRangeException(nameof(proration), proration, "The proration convention has an undefined member.");
        }

        if (addCharges is not (AddChargeBilling.Immediately or AddChargeBilling.OnNextBill))
        {
            throw new ArgumentOutOfRangeException(nameof(addCharges), addCharges, "Unknown add-charge billing term.");
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
            CheckInitialSeat(initial, index, seatMap, emails);
            var occupant = initial.IsVacant ? null : new Agent(new AgentId(++agents), initial.Name!, initial.Email!, initial.Role);
            var seat = new Seat(initial.Seat, index + 1, initial.Assets, occupant, initial.Role);
            seatMap.Add(seat);
            if (occupant is not null)
            {
                emails.Add(seat);
                admins += occupant.Role == Role.Admin ? 1 : 0;
            }

            index++;
        }

        var terms = new AccountTerms(id, timeZone, seatPrice, billing, proration, addCharges, contract, initialSeats);
        return new Account(
            terms,
            seatMap.ToImmutable(),
            emails.ToImmutable(),
            [],
            CommandIndex.Empty(),
            (int)agents,
            admins,
            seatsEverCreated: index,
            agentsEverCreated: agents);
    }

    private static void CheckInitialSeat(
        InitialSeat initial,
        int index,
        SeatMap.Builder seats,
        EmailIndex.Builder emails)
    {
        string? problem = null;
        if (initial.Seat.IsBlank)
        {
            problem = "has no seat id";
        }
        else if (seats.ContainsKey(initial.Seat))
        {
            problem = $"repeats the seat id '{initial.Seat}'";
        }
        else if (!Validation.IsRole(initial.Role))
        {
            problem = $"has an unknown role ({(int)initial.Role})";
        }
        else if (Validation.AssetsProblem(initial.Assets) is { } assets)
        {
            problem = $"has an invalid {assets.Field}: {assets.Reason}";
        }
        else if (!initial.IsVacant)
        {
            if (Validation.IsBlank(initial.Name))
            {
                problem = "is occupied but has no name";
            }
            else if (!Validation.IsEmail(initial.Email))
            {
                problem = $"is occupied but '{initial.Email}' is not a valid email";
            }
            else if (emails.ContainsKey(initial.Email!))
            {
                problem = $"repeats the email '{initial.Email}'";
            }
        }

        if (problem is not null)
        {
            throw new ArgumentException($"Initial seat {index} ('{initial.Seat}') {problem}.", nameof(seats));
        }
    }
}
