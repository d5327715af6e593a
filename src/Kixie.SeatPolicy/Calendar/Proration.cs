using System;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.TimeZones;

namespace Kixie.SeatPolicy;

/// <summary>
/// The prorated charge for adding a seat part-way through a billing period:
/// <c>round(price × (end − add) / (end − start))</c>, the fraction exact and rounded once.
/// </summary>
/// <remarks>
/// Pure functions: no clock and no state of their own. The same arguments always give the same charge
/// (the billing calendar's cache never changes an answer), and any number of threads may prorate on
/// one calendar at once.
/// </remarks>
public static partial class Proration
{
    /// <summary>How far from a zone transition a local midnight must be for the offset around it to be its own: 36 hours.</summary>
    private const long TransitionMargin = 36 * 3_600;

    /// <summary>
    /// Prorates <paramref name="price"/> for an add at <paramref name="at"/>, honouring every part of
    /// <paramref name="convention"/>: its granularity, day count and rounding, or its preset engine (which
    /// counts the add's local date in <paramref name="zone"/>).
    /// </summary>
    /// <param name="price">The full seat price for one billing period; zero or more.</param>
    /// <param name="calendar">The account's billing calendar.</param>
    /// <param name="at">When the seat is added.</param>
    /// <param name="zone">The account's time zone, which gives the add's local date (read in the calendar's calendar system) and the period's instants.</param>
    /// <param name="convention">Granularity, day count and rounding, or a preset engine.</param>
    /// <returns>The charge with its explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> or <paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is negative, or <paramref name="convention"/> has an undefined member or a preset with another member changed.</exception>
    /// <exception cref="ValueRefusedException"><paramref name="at"/>'s local date in <paramref name="zone"/> is not one the calendar bills
    /// (<see cref="BillingCalendar.Supports"/>: its billing period would reach past the years NodaTime supports); <see cref="ValueRefusedException.Member"/> is <c>at</c>.</exception>
    public static ProratedCharge Prorate(
        Money price,
        BillingCalendar calendar,
        Instant at,
        DateTimeZone zone,
        ProrationConvention convention)
    {
        Guard.Against.Null(zone);
        Validate(price, calendar, convention);

        var seconds = at.ToUnixTimeSeconds();
        if (convention.Granularity == ProrationGranularity.Second
            && calendar.RememberedZonedPeriod is { } known
            && ReferenceEquals(known.Zone, zone)
            && known.Start <= seconds
            && seconds < known.End)
        {
            // The add lies in the period this calendar last prorated by the second in this zone.
            return Charge(price, known.Period, known.End - seconds, known.End - known.Start, convention);
        }

        // The add's local date as an ISO day number: the instant moved by the zone's offset, in whole days.
        var around = zone.GetZoneInterval(at);
        var localDay = (int)Dates.FloorDiv(seconds + around.WallOffset.Seconds, IsoDays.SecondsPerDay);
        if (!calendar.TryIsoPeriodContaining(localDay, out var period))
        {
            // The add's local date, read in the calendar system the billing calendar counts in.
            return ProrateInAnyCalendar(price, calendar, SupportedLocalDate(calendar, at, zone), at, zone, convention);
        }

        if (convention.Granularity == ProrationGranularity.Second)
        {
            var (start, end, clear) = Instants(zone, around, period);
            if (clear)
            {
                calendar.RememberedZonedPeriod = new ZonedPeriod(zone, period, start, end);
            }

            return Charge(price, period, end - seconds, end - start, convention);
        }

        if (convention.Engine != ProrationEngine.Standard)
        {
            return ChargeByPreset(price, calendar, period, period.EndDayNumber - localDay, convention);
        }

        return convention.DayCount == DayCount.Actual
            ? Charge(price, period, period.EndDayNumber - localDay, period.Days, convention)
            : ChargeForDays(price, calendar, period, IsoDays.Date(localDay), convention);
    }

    /// <summary>
    /// Prorates <paramref name="price"/> for an add on the local date <paramref name="date"/>, counting
    /// whole days with the convention's day count, or by its preset engine; the add's own day counts as
    /// used, so an add on a bill date costs the full price.
    /// </summary>
    /// <param name="price">The full seat price for one billing period; zero or more.</param>
    /// <param name="calendar">The account's billing calendar.</param>
    /// <param name="date">The add's local date in the account's time zone.</param>
    /// <param name="convention">Day count and rounding, or a preset engine; its granularity must be <see cref="ProrationGranularity.Day"/>.</param>
    /// <returns>The charge with its explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="price"/> is negative, or <paramref name="convention"/> has an undefined member or a preset with another member changed.</exception>
    /// <exception cref="ArgumentException"><paramref name="convention"/> asks for seconds, which need an instant.</exception>
    /// <exception cref="ValueRefusedException"><paramref name="date"/> is not one the calendar bills (<see cref="BillingCalendar.Supports"/>); <see cref="ValueRefusedException.Member"/> is <c>date</c>.</exception>
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

        if (IsoDays.IsIso(date) && convention.DayCount == DayCount.Actual)
        {
            var day = IsoDays.DayNumber(date);
            if (calendar.TryIsoPeriodContaining(day, out var period))
            {
                return convention.Engine == ProrationEngine.Standard
                    ? Charge(price, period, period.EndDayNumber - day, period.Days, convention)
                    : ChargeByPreset(price, calendar, period, period.EndDayNumber - day, convention);
            }
        }

        if (!calendar.Supports(date))
        {
            throw new ValueRefusedException(nameof(date), nameof(date), date, $"{Dates.Iso(date)} is outside the dates this calendar bills: {calendar.SupportedRange}");
        }

        return ChargeForDays(price, calendar, calendar.PeriodContaining(date), date, convention);
    }

    /// <summary>
    /// The add's local date in <paramref name="zone"/>, read in the calendar's calendar system, when the calendar
    /// bills it (<see cref="BillingCalendar.Supports"/>); otherwise the documented refusal of <paramref name="at"/>.
    /// </summary>
    private static LocalDate SupportedLocalDate(BillingCalendar calendar, Instant at, DateTimeZone zone)
    {
        LocalDate date;
        try
        {
            date = at.InZone(zone).Date.WithCalendar(calendar.Anchor.Calendar);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new ValueRefusedException(nameof(at), nameof(at), at, $"{at} has no local date in {zone.Id}: it falls outside the years NodaTime supports (-9998 to 9999)");
        }

        return calendar.Supports(date)
            ? date
            : throw new ValueRefusedException(nameof(at), nameof(at), at, $"{at} is on {Dates.Iso(date)} in {zone.Id}, outside the dates this calendar bills: {calendar.SupportedRange}");
    }

    /// <summary>
    /// The general path, for calendars and years outside <see cref="IsoDays"/>: NodaTime finds the local
    /// date and the period, and the zone's resolver the period's instants.
    /// </summary>
    private static ProratedCharge ProrateInAnyCalendar(
        Money price,
        BillingCalendar calendar,
        LocalDate date,
        Instant at,
        DateTimeZone zone,
        ProrationConvention convention)
    {
        var period = calendar.PeriodContaining(date);
        if (convention.Granularity != ProrationGranularity.Second)
        {
            return ChargeForDays(price, calendar, period, date, convention);
        }

        var end = StartOfDay(zone, period.End);
        return Charge(price, period, end - at.ToUnixTimeSeconds(), end - StartOfDay(zone, period.Start), convention);
    }

    /// <summary>The charge for the days left in a period from the add's date (which counts as used).</summary>
    private static ProratedCharge ChargeForDays(Money price, BillingCalendar calendar, BillingPeriod period, LocalDate date, ProrationConvention convention) =>
        convention.Engine != ProrationEngine.Standard
            ? ChargeByPreset(price, calendar, period, ActualDaysBetween(date, period.End), convention)
            : Charge(
                price,
                period,
                DaysBetween(date, period.End, convention.DayCount),
                DaysBetween(period.Start, period.End, convention.DayCount),
                convention);

    /// <summary>
    /// The charge by another engine's preset for an add with <paramref name="daysLeft"/> actual days left
    /// in <paramref name="period"/> (the add's day counted as used).
    /// </summary>
    private static ProratedCharge ChargeByPreset(Money price, BillingCalendar calendar, BillingPeriod period, long daysLeft, ProrationConvention convention) =>
        convention.Engine == ProrationEngine.KillBill
            ? ChargeByKillBill(price, calendar, period, daysLeft, convention)
            : ChargeByLago(price, period, daysLeft, convention);

    /// <summary>
    /// The first instant of a local date, in Unix seconds. A day whose midnight (or which entirely)
    /// a zone transition skips starts at the first instant after the gap, so this never throws.
    /// </summary>
    /// <remarks>
    /// The candidate is midnight at the offset of the zone interval around midnight read as UTC. Zone
    /// offsets lie within ±18 hours, so when that interval reaches 36 hours either side of the
    /// candidate, no other offset can map to that midnight: the candidate is the only instant, found
    /// without allocating. Only a midnight within 36 hours of a transition asks NodaTime's resolver
    /// (which allocates its mapping).
    /// </remarks>
    internal static long StartOfDay(DateTimeZone zone, LocalDate date) =>
        IsoDays.IsHandled(date) ? StartOfDay(zone, IsoDays.DayNumber(date)) : Resolve(zone, date);

    /// <summary>
    /// The first instants (Unix seconds) of an ISO period's first day and of its end day.
    /// <paramref name="around"/> is the zone interval of the add: for a midnight it spans with
    /// <see cref="TransitionMargin"/> to spare, the first instant is that midnight less the interval's
    /// offset, exactly what <see cref="StartOfDay(DateTimeZone, int)"/> finds (the midnight's own instant,
    /// at most 18 hours away, lies in the same interval), without asking the zone again. So a period with
    /// no transition inside it or within 36 hours of its midnights asks the zone once in all; otherwise
    /// each midnight the add's interval does not reach is found on its own (a March or November add in a
    /// zone with daylight saving time asks once more; a quarterly or annual period can hold two changes).
    /// </summary>
    /// <returns>The two instants, and whether no transition lies within 36 hours of either midnight.</returns>
    private static (long Start, long End, bool Clear) Instants(DateTimeZone zone, ZoneInterval around, BillingPeriod period)
    {
        var start = StartOfDay(zone, around, period.StartDayNumber, out var startClear);
        var end = StartOfDay(zone, around, period.EndDayNumber, out var endClear);
        return (start, end, startClear && endClear);
    }

    /// <summary>The first instant of a local day, read from <paramref name="around"/> when it can be (see <see cref="Instants"/>).</summary>
    private static long StartOfDay(DateTimeZone zone, ZoneInterval around, int dayNumber, out bool clear)
    {
        clear = true;
        return TryStartOfDay(around, dayNumber, out var start) ? start : StartOfDay(zone, dayNumber, out clear);
    }

    /// <summary>The first instant of a local day given as an ISO day number of the handled years.</summary>
    private static long StartOfDay(DateTimeZone zone, int dayNumber) => StartOfDay(zone, dayNumber, out _);

    /// <summary>
    /// The first instant of a local day given as an ISO day number of the handled years, and whether no
    /// transition lies within 36 hours of it.
    /// </summary>
    private static long StartOfDay(DateTimeZone zone, int dayNumber, out bool clear)
    {
        var midnight = Instant.FromUnixTimeSeconds(IsoDays.SecondsPerDay * dayNumber);
        clear = TryStartOfDay(zone.GetZoneInterval(midnight), dayNumber, out var start);
        if (clear)
        {
            return start;
        }

        return Resolve(zone, IsoDays.Date(dayNumber));
    }

    /// <summary>
    /// The day's midnight less <paramref name="interval"/>'s offset (Unix seconds), and whether the
    /// interval holds every instant within <see cref="TransitionMargin"/> of it: then no other offset can
    /// map to that midnight, and it is the day's first instant.
    /// </summary>
    private static bool TryStartOfDay(ZoneInterval interval, int dayNumber, out long start)
    {
        start = (IsoDays.SecondsPerDay * dayNumber) - interval.WallOffset.Seconds;
        return (!interval.HasStart || interval.Start.ToUnixTimeSeconds() <= start - TransitionMargin)
            && (!interval.HasEnd || interval.End.ToUnixTimeSeconds() > start + TransitionMargin);
    }

    /// <summary>Midnight of a date by the zone's lenient resolver: a skipped midnight moves to the end of the gap.</summary>
    private static long Resolve(DateTimeZone zone, LocalDate date) =>
        zone.ResolveLocal(date.AtMidnight(), Resolvers.LenientResolver).ToInstant().ToUnixTimeSeconds();

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/> under a day count.</summary>
    internal static long DaysBetween(LocalDate from, LocalDate to, DayCount dayCount) =>
        dayCount == DayCount.Thirty360
            ? (360L * (to.Year - from.Year)) + (30L * (to.Month - from.Month)) + (Math.Min(to.Day, 30) - Math.Min(from.Day, 30))
            : ActualDaysBetween(from, to);

    /// <summary>Calendar days from one ISO date to another, by day numbers (other calendars ask NodaTime).</summary>
    private static long ActualDaysBetween(LocalDate from, LocalDate to) =>
        IsoDays.IsIso(from) && IsoDays.IsIso(to)
            ? (long)IsoDays.DayNumber(to) - IsoDays.DayNumber(from)
            : Period.DaysBetween(from, to);

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
            throw new ArgumentOutOfRangeException(
                nameof(convention),
                convention,
                "The convention has an undefined granularity, day count, rounding or engine, or a preset engine with another member changed (a preset replaces them all).");
        }
    }
}
