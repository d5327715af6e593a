using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Kixie.SeatPolicy.Tests.Generators;

/// <summary>
/// Dates and instants from the whole range NodaTime supports, weighted towards where time breaks: the
/// first and last days of its years (-9998-01-01 and 9999-12-31) and <see cref="Instant.MinValue"/> and
/// <see cref="Instant.MaxValue"/> a few days either way, a calendar's
/// <see cref="BillingCalendar.SupportedFrom"/> and <see cref="BillingCalendar.SupportedThrough"/>, month
/// ends, 29 February, and a zone's transitions (DST changes). The engine's and the values' generators mix
/// these into their everyday dates with <see cref="Weighted(Gen{LocalDate})"/>, so that most cases stay on
/// recent years and the properties keep their power there.
/// </summary>
public static class TimeEdgeGenerators
{
    /// <summary>Out of 20 draws, how many <see cref="Weighted(Gen{LocalDate})"/> takes from the edges.</summary>
    public const int EdgeShareOutOf20 = 3;

    private static readonly long FirstTick = Instant.MinValue.ToUnixTimeTicks();

    private static readonly long LastTick = Instant.MaxValue.ToUnixTimeTicks();

    /// <summary>A year NodaTime's ISO calendar supports: -9998 to 9999, its ends and year 0 often.</summary>
    public static Gen<int> AnyYear { get; } =
        Gen.Frequency(
            (4, Gen.Choose(LocalDate.MinIsoValue.Year, LocalDate.MaxIsoValue.Year)),
            (1, Gen.Elements(-9998, -9997, -1, 0, 1, 1969, 1970, 9998, 9999)));

    /// <summary>The last day of a month in any supported year.</summary>
    public static Gen<LocalDate> MonthEnd { get; } =
        from year in AnyYear
        from month in Gen.Choose(1, 12)
        select new LocalDate(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));

    /// <summary>29 February of a leap year anywhere in the supported years (centuries by the 400-year rule).</summary>
    public static Gen<LocalDate> LeapDay { get; } =
        from year in AnyYear
        let leap = NearestLeapYear(year)
        select new LocalDate(leap, 2, 29);

    /// <summary>
    /// A date at the edges: within 400 days of NodaTime's first or last day, a month's end, a leap day,
    /// or anywhere in its years.
    /// </summary>
    public static Gen<LocalDate> EdgeDate { get; } =
        Gen.Frequency(
            (3, Gen.Choose(0, 400).Select(days => LocalDate.MinIsoValue.PlusDays(days))),
            (3, Gen.Choose(0, 400).Select(days => LocalDate.MaxIsoValue.PlusDays(-days))),
            (2, MonthEnd),
            (1, LeapDay),
            (1, from year in AnyYear
                from dayOfYear in Gen.Choose(0, 364)
                select new LocalDate(year, 1, 1).PlusDays(dayOfYear)));

    /// <summary>An instant within three days (and any second) of <see cref="Instant.MinValue"/> or <see cref="Instant.MaxValue"/>, the ends included.</summary>
    public static Gen<Instant> EndOfTimeInstant { get; } =
        from end in ArbMap.Default.GeneratorFor<bool>()
        from seconds in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 3 * 86_400)))
        select end ? Clamped(LastTick - (seconds * NodaConstants.TicksPerSecond)) : Clamped(FirstTick + (seconds * NodaConstants.TicksPerSecond));

    /// <summary><paramref name="recent"/> for 17 draws in 20, otherwise <see cref="EdgeDate"/>.</summary>
    /// <param name="recent">The everyday dates.</param>
    /// <returns>The generator.</returns>
    public static Gen<LocalDate> Weighted(Gen<LocalDate> recent) =>
        Gen.Frequency((20 - EdgeShareOutOf20, recent), (EdgeShareOutOf20, EdgeDate));

    /// <summary>
    /// An instant at an edge for an account billed by <paramref name="calendar"/> in <paramref name="zone"/>:
    /// near the ends of time, within two days of the first instant of <see cref="BillingCalendar.SupportedFrom"/>
    /// or of the day after <see cref="BillingCalendar.SupportedThrough"/>, or within two hours of one of the
    /// zone's transitions in the anchor's year or a recent one.
    /// </summary>
    /// <param name="calendar">The account's calendar.</param>
    /// <param name="zone">The account's zone.</param>
    /// <returns>The generator.</returns>
    public static Gen<Instant> EdgeInstant(BillingCalendar calendar, DateTimeZone zone) =>
        Gen.Frequency(
            (2, EndOfTimeInstant),
            (2, from seconds in Gen.Choose(-2 * 86_400, 2 * 86_400)
                select Plus(zone.AtStartOfDay(calendar.SupportedFrom).ToInstant(), seconds)),
            (2, from seconds in Gen.Choose(-2 * 86_400, 2 * 86_400)
                select Plus(StartOfDayAfter(calendar.SupportedThrough, zone), seconds)),
            (6, Transition(zone, calendar.Anchor.Year)));

    /// <summary>
    /// An instant within two hours of a transition of <paramref name="zone"/> (a DST change, or any change
    /// of offset) in <paramref name="year"/>, the year after it, or 2025–2027; midnight UTC of such a year
    /// when the zone has none there.
    /// </summary>
    /// <param name="zone">The zone.</param>
    /// <param name="year">A year to look in besides recent ones.</param>
    /// <returns>The generator.</returns>
    public static Gen<Instant> Transition(DateTimeZone zone, int year) =>
        from inYear in Gen.Frequency(
            (1, Gen.Constant(Math.Clamp(year, -9997, 9997))),
            (1, Gen.Constant(Math.Clamp(year + 1, -9997, 9997))),
            (2, Gen.Choose(2025, 2027)))
        let transitions = TransitionsIn(zone, inYear)
        from pick in Gen.Choose(0, Math.Max(0, transitions.Length - 1))
        from seconds in Gen.Frequency((1, Gen.Choose(-2, 2)), (2, Gen.Choose(-7_200, 7_200)))
        select Plus(transitions.Length == 0 ? Instant.FromUtc(inYear, 1, 1, 0, 0) : transitions[pick], seconds);

    /// <summary><paramref name="at"/> moved by <paramref name="seconds"/>, held within NodaTime's instants.</summary>
    /// <param name="at">An instant.</param>
    /// <param name="seconds">Seconds to move, either way.</param>
    /// <returns>The moved instant, <see cref="Instant.MinValue"/> or <see cref="Instant.MaxValue"/> at most.</returns>
    public static Instant Plus(Instant at, long seconds) =>
        Clamped(at.ToUnixTimeTicks() + (seconds * NodaConstants.TicksPerSecond));

    /// <summary><paramref name="date"/> plus <paramref name="days"/>, held within NodaTime's years.</summary>
    /// <param name="date">A date.</param>
    /// <param name="days">Days to move, either way.</param>
    /// <returns>The moved date, -9998-01-01 or 9999-12-31 at most.</returns>
    public static LocalDate PlusDays(LocalDate date, int days) =>
        days >= 0
            ? (Period.DaysBetween(date, LocalDate.MaxIsoValue) < days ? LocalDate.MaxIsoValue : date.PlusDays(days))
            : (Period.DaysBetween(LocalDate.MinIsoValue, date) < -days ? LocalDate.MinIsoValue : date.PlusDays(days));

    /// <summary><paramref name="date"/> plus <paramref name="months"/> (zero or more; the day clamped to the month's end), or null past 9999-12-31.</summary>
    /// <param name="date">A date.</param>
    /// <param name="months">Months to add.</param>
    /// <returns>The date, or null when it would fall after 9999-12-31.</returns>
    public static LocalDate? PlusMonths(LocalDate date, int months) =>
        (date.Year * 12) + date.Month + months > (LocalDate.MaxIsoValue.Year * 12) + 12 ? null : date.PlusMonths(months);

    private static Instant Clamped(long ticks) =>
        ticks >= LastTick ? Instant.MaxValue : Instant.FromUnixTimeTicks(Math.Max(ticks, FirstTick));

    /// <summary>The first instant of the day after <paramref name="date"/> in the zone, or <see cref="Instant.MaxValue"/> after the last day.</summary>
    private static Instant StartOfDayAfter(LocalDate date, DateTimeZone zone) =>
        date == LocalDate.MaxIsoValue ? Instant.MaxValue : zone.AtStartOfDay(date.PlusDays(1)).ToInstant();

    private static Instant[] TransitionsIn(DateTimeZone zone, int year) =>
        [.. zone.GetZoneIntervals(Instant.FromUtc(year, 1, 1, 0, 0), Instant.FromUtc(year + 1, 1, 1, 0, 0))
            .Where(interval => interval.HasStart && interval.Start.InUtc().Year == year)
            .Select(interval => interval.Start)];

    private static int NearestLeapYear(int year)
    {
        for (var candidate = year; ; candidate += candidate < 0 ? 1 : -1)
        {
            if (CalendarSystem.Iso.IsLeapYear(candidate))
            {
                return candidate;
            }
        }
    }
}
