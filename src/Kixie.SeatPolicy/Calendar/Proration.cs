using System;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.TimeZones;

namespace Kixie.SeatPolicy;

/// <summary>
/// The prorated charge for adding a seat part-way through a billing period:
/// <c>round(price × (end − add) / (end − start))</c>, the fraction exact and rounded once.
/// </summary>
/// <remarks>Pure functions: no clock, no state, no allocation on the heap.</remarks>
public static class Proration
{
    /// <summary>
    /// Prorates <paramref name="price"/> for an add at <paramref name="at"/>, honouring every part of
    /// <paramref name="convention"/>: its granularity, day count and rounding.
    /// </summary>
    /// <param name="price">The full seat price for one billing period; zero or more.</param>
    /// <param name="calendar">The account's billing calendar.</param>
    /// <param name="at">When the seat is added.</param>
    /// <param name="zone">The account's time zone, which gives the add's local date and the period's instants.</param>
    /// <param name="convention">Granularity, day count and rounding.</param>
    /// <returns>The charge with its explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> or <paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is negative or <paramref name="convention"/> has an undefined member.</exception>
    public static ProratedCharge Prorate(
        Money price,
        BillingCalendar calendar,
        Instant at,
        DateTimeZone zone,
        ProrationConvention convention)
    {
        Guard.Against.Null(zone);
        var date = at.InZone(zone).Date;
        if (convention.Granularity != ProrationGranularity.Second)
        {
            return Prorate(price, calendar, date, convention);
        }

        Validate(price, calendar, convention);
        var period = calendar.PeriodContaining(date);
        var start = StartOfDay(zone, period.Start);
        var end = StartOfDay(zone, period.End);
        var now = at.ToUnixTimeSeconds();
        return Charge(price, period, end - now, end - start, convention);
    }

    /// <summary>
    /// Prorates <paramref name="price"/> for an add on the local date <paramref name="date"/>, counting
    /// whole days with the convention's day count; the add's own day counts as used, so an add on a
    /// bill date costs the full price.
    /// </summary>
    /// <param name="price">The full seat price for one billing period; zero or more.</param>
    /// <param name="calendar">The account's billing calendar.</param>
    /// <param name="date">The add's local date in the account's time zone.</param>
    /// <param name="convention">Day count and rounding; its granularity must be <see cref="ProrationGranularity.Day"/>.</param>
    /// <returns>The charge with its explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is negative or <paramref name="convention"/> has an undefined member.</exception>
    /// <exception cref="ArgumentException"><paramref name="convention"/> asks for seconds, which need an instant.</exception>
    public static ProratedCharge Prorate(
        Money price,
        BillingCalendar calendar,
        LocalDate date,
        ProrationConvention convention)
    {
        Validate(price, calendar, convention);
        if (convention.Granularity != ProrationGranularity.Day)
        {
            throw new ArgumentException("Second granularity needs the add's instant and the account's zone.", nameof(convention));
        }

        var period = calendar.PeriodContaining(date);
        var remaining = DaysBetween(date, period.End, convention.DayCount);
        var total = DaysBetween(period.Start, period.End, convention.DayCount);
        return Charge(price, period, remaining, total, convention);
    }

    /// <summary>
    /// The first instant of a local date, in Unix seconds. A day whose midnight (or which entirely)
    /// a zone transition skips starts at the first instant after the gap, so this never throws.
    /// </summary>
    private static long StartOfDay(DateTimeZone zone, LocalDate date) =>
        zone.ResolveLocal(date.AtMidnight(), Resolvers.LenientResolver).ToInstant().ToUnixTimeSeconds();

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/> under a day count.</summary>
    internal static long DaysBetween(LocalDate from, LocalDate to, DayCount dayCount) =>
        dayCount == DayCount.Thirty360
            ? (360L * (to.Year - from.Year)) + (30L * (to.Month - from.Month)) + (Math.Min(to.Day, 30) - Math.Min(from.Day, 30))
            : ActualDaysBetween(from, to);

    /// <summary>Calendar days from one ISO date to another, by day numbers (other calendars ask NodaTime).</summary>
    private static long ActualDaysBetween(LocalDate from, LocalDate to) =>
        from.Calendar == CalendarSystem.Iso && to.Calendar == CalendarSystem.Iso
            ? DayNumber(to.Year, to.Month, to.Day) - DayNumber(from.Year, from.Month, from.Day)
            : Period.DaysBetween(from, to);

    /// <summary>Days since 0000-03-01 in the proleptic Gregorian calendar (the "days from civil" algorithm).</summary>
    private static long DayNumber(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5) + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra;
    }

    private static ProratedCharge Charge(
        Money price,
        BillingPeriod period,
        long remaining,
        long total,
        ProrationConvention convention)
    {
        var amount = total > 0
            ? price.MultiplyByFraction(remaining, total, convention.Rounding)
            : price;
        return new ProratedCharge(amount, price, period, remaining, total, convention);
    }

    private static void Validate(Money price, BillingCalendar calendar, ProrationConvention convention)
    {
        Guard.Against.Null(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(price.MinorUnits, nameof(price));
        if (!convention.IsDefined)
        {
            throw new ArgumentOutOfRangeException(nameof(convention), convention, "The convention has an undefined granularity, day count or rounding.");
        }
    }
}
