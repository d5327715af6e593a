using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// A plan seats are sold on (rulebook §13): a name and a seat price per billing period, which may change
/// on later dates. Every seat is on one plan of its account; an account opened with a plain seat price
/// has one plan, <see cref="Standard"/>.
/// </summary>
/// <remarks>Immutable. Checked when an account is opened with it (<see cref="Account.OpenOnPlans"/>).</remarks>
public sealed class Plan : IEquatable<Plan>
{
    /// <summary>The name of an account's only plan when it is opened with a plain seat price.</summary>
    public const string Standard = "Standard";

    /// <summary>A plan.</summary>
    /// <param name="name">Its name, unique in the account; not blank.</param>
    /// <param name="seatPrice">The seat price until the first later price (and before any date).</param>
    /// <param name="laterPrices">Prices from later dates, in increasing date order; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null, or a later price is.</exception>
    public Plan(string name, Money seatPrice, IEnumerable<PlanPrice>? laterPrices = null)
    {
        Guard.Against.Null(name);
        Name = name;
        SeatPrice = seatPrice;
        LaterPrices = laterPrices?.ToImmutableArray() ?? [];
        foreach (var later in LaterPrices)
        {
            Guard.Against.Null(later, nameof(laterPrices));
        }
    }

    /// <summary>The plan's name: how seats, commands and invoice lines name it.</summary>
    public string Name { get; }

    /// <summary>The seat price per billing period before the first later price takes effect.</summary>
    public Money SeatPrice { get; }

    /// <summary>The prices that take effect on later dates, in increasing date order.</summary>
    public ImmutableArray<PlanPrice> LaterPrices { get; }

    /// <summary>Whether the price ever changes.</summary>
    public bool HasLaterPrices => !LaterPrices.IsEmpty;

    /// <summary>The list price in effect on <paramref name="day"/>: the one with the last <c>from</c> on or before it, else <see cref="SeatPrice"/>.</summary>
    /// <param name="day">A local date.</param>
    /// <returns>The seat price that day.</returns>
    public Money PriceOn(LocalDate day)
    {
        var price = SeatPrice;
        foreach (var later in LaterPrices)
        {
            if (later.From > day)
            {
                break;
            }

            price = later.SeatPrice;
        }

        return price;
    }

    /// <summary>Why this plan cannot be one of an account in <paramref name="currency"/>: the member at fault and what is wrong; null when it can.</summary>
    internal (string Member, object? Value, string Reason)? Problem(Currency currency)
    {
        if (Validation.IsBlank(Name))
        {
            return ("plan", Name, "the plan name is blank");
        }

        if (PriceProblem(SeatPrice, currency) is { } first)
        {
            return ("seatPrice", SeatPrice, first);
        }

        for (var i = 0; i < LaterPrices.Length; i++)
        {
            var later = LaterPrices[i];
            if (PriceProblem(later.SeatPrice, currency) is { } reason)
            {
                return ($"prices[{i}].seatPrice", later.SeatPrice, reason);
            }

            if (i > 0 && later.From <= LaterPrices[i - 1].From)
            {
                return ($"prices[{i}].from", later.From, $"{Dates.Iso(later.From)} is not after the previous price's {Dates.Iso(LaterPrices[i - 1].From)}: prices go in increasing date order");
            }
        }

        return null;
    }

    private static string? PriceProblem(Money price, Currency currency) =>
        price.IsNegative ? $"the seat price {price} is negative"
        : price.Currency != currency ? $"the seat price is in {price.Currency}, the account in {currency}"
        : null;

    /// <inheritdoc />
    public bool Equals(Plan? other) =>
        other is not null && Name == other.Name && SeatPrice == other.SeatPrice && LaterPrices.SequenceEqual(other.LaterPrices);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Plan);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, SeatPrice, LaterPrices.Length);

    /// <summary>The plan as <c>PowerDialer 95.00 USD (99.00 USD from 2027-01-01)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Name} {SeatPrice} {SeatPrice.Currency}"
        + (HasLaterPrices ? $" ({string.Join(", ", LaterPrices.Select(later => $"{later.SeatPrice} {later.SeatPrice.Currency} from {Dates.Iso(later.From)}"))})" : string.Empty);
}

/// <summary>A plan's seat price from a date on (rulebook §13): it applies to the billing periods that start on or after <paramref name="From"/>.</summary>
/// <param name="From">The first day the price is in effect.</param>
/// <param name="SeatPrice">The seat price per billing period from then.</param>
public sealed record PlanPrice(LocalDate From, Money SeatPrice);
