using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Kixie.SeatPolicy.Tests.Generators;

/// <summary>A non-negative seat price in any currency.</summary>
/// <param name="Value">The price.</param>
public sealed record SeatPrice(Money Value)
{
    public override string ToString() => $"{Value} {Value.Currency}";
}

/// <summary>One Lago proration in minor units: a price, the days left (the add's day counted) and the days in the period.</summary>
/// <param name="PriceMinorUnits">The seat price in minor units, positive.</param>
/// <param name="DaysLeft">Days from the add to the period's end, 1 to <paramref name="PeriodDays"/>.</param>
/// <param name="PeriodDays">Days in the period.</param>
public sealed record LagoInput(long PriceMinorUnits, long DaysLeft, long PeriodDays)
{
    public override string ToString() => $"{DaysLeft} of {PeriodDays} days of {PriceMinorUnits} minor units";
}

/// <summary>A billing period cut at distinct dates: <c>Cuts[0]</c> is its start, the last cut its end.</summary>
/// <param name="Price">The seat price.</param>
/// <param name="Calendar">The calendar the period belongs to.</param>
/// <param name="Period">The period.</param>
/// <param name="Cuts">Strictly increasing dates from the period's start to its end (exclusive end included).</param>
/// <param name="Convention">Day granularity with any day count and rounding.</param>
public sealed record DaySplit(
    SeatPrice Price,
    BillingCalendar Calendar,
    BillingPeriod Period,
    ImmutableArray<LocalDate> Cuts,
    ProrationConvention Convention)
{
    public override string ToString() =>
        $"{Price}, {Calendar}, period {Period}, cuts [{string.Join(", ", Cuts.Select(c => c.ToString("yyyy-MM-dd", null)))}], {Convention}";
}

/// <summary>A billing period cut at distinct whole-second instants, in a time zone.</summary>
/// <param name="Price">The seat price.</param>
/// <param name="Calendar">The calendar the period belongs to.</param>
/// <param name="Zone">The account's time zone.</param>
/// <param name="Period">The period.</param>
/// <param name="Cuts">Strictly increasing instants from the start of the period's first day to the start of its end day.</param>
/// <param name="Rounding">The rounding.</param>
public sealed record SecondSplit(
    SeatPrice Price,
    BillingCalendar Calendar,
    DateTimeZone Zone,
    BillingPeriod Period,
    ImmutableArray<Instant> Cuts,
    RoundingMode Rounding)
{
    public override string ToString() =>
        $"{Price}, {Calendar}, {Zone.Id}, period {Period}, cuts [{string.Join(", ", Cuts)}], {Rounding}";
}

/// <summary>A contract and a day near it (before it, inside a term, or in a later term).</summary>
/// <param name="Term">The contract.</param>
/// <param name="Date">The day.</param>
public sealed record ContractDay(ContractTerm Term, LocalDate Date)
{
    public override string ToString() => $"{Term} on {Date:yyyy-MM-dd}";
}

/// <summary>Any date NodaTime's ISO calendar supports, years −9998 to 9999 (beyond the usual 1900–2200).</summary>
/// <param name="Date">The date.</param>
public sealed record AnyIsoDate(LocalDate Date)
{
    public override string ToString() => Date.ToString("uuuu-MM-dd", null);
}

/// <summary>A calendar and a date anywhere in the years IsoDays handles (−9997 to 9998), for its edges.</summary>
/// <param name="Calendar">A calendar with an anchor in those years.</param>
/// <param name="Date">A date in those years.</param>
public sealed record FarCalendarDate(BillingCalendar Calendar, LocalDate Date)
{
    public override string ToString() => $"{Calendar} at {Date:uuuu-MM-dd}";
}
