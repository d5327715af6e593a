using System;
using System.Diagnostics;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// The ISO (proleptic Gregorian) calendar in plain 32-bit integers: day numbers, month lengths and
/// billing periods for the hot path of proration, which would otherwise go through NodaTime's general
/// calendar machinery several times per add. Every function agrees with NodaTime's ISO arithmetic
/// (property tests hold them to it); callers fall back to NodaTime outside the years handled here.
/// </summary>
internal static class IsoDays
{
    /// <summary>Seconds in a calendar day (zone transitions are the callers' business).</summary>
    public const long SecondsPerDay = 86_400;

    /// <summary>The first year handled here: one after NodaTime's first ISO year, so that a neighbouring period still fits.</summary>
    public const int MinYear = -9997;

    /// <summary>The last year handled here: one before NodaTime's last ISO year, for the same reason.</summary>
    public const int MaxYear = 9998;

    /// <summary>The day number of 0001-01-01, <see cref="LocalDate"/>'s default.</summary>
    public const int FirstDayNumber = -719_162;

    /// <summary>How far <see cref="DayNumber(int, int, int)"/> moves a year forward: 25 Gregorian cycles of 400 years.</summary>
    private const int ShiftYears = 10_000;

    /// <summary>
    /// Days from the shifted calendar's origin (1 March of year −10,000) to 1970-01-01: the 25 cycles of
    /// 146,097 days plus the 719,468 days from 0000-03-01 to the epoch.
    /// </summary>
    private const int ShiftDays = (25 * 146_097) + 719_468;

    /// <summary>Days from 1 March to the first of each month (January and February end the March-based year).</summary>
    private static ReadOnlySpan<ushort> DaysBeforeMonthFromMarch => [306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275];

    /// <summary>Whether a year is handled here.</summary>
    public static bool IsHandled(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>Whether a date is in the ISO calendar, the only one this arithmetic knows.</summary>
    public static bool IsIso(LocalDate date) => date.Calendar == CalendarSystem.Iso;

    /// <summary>Whether an ISO date lies in the years handled here.</summary>
    public static bool IsHandled(LocalDate date) => IsIso(date) && IsHandled(date.Year);

    /// <summary>Days since 1970-01-01 of an ISO date (negative before it).</summary>
    public static int DayNumber(LocalDate date) => DayNumber(date.Year, date.Month, date.Day);

    /// <summary>
    /// Days since 1970-01-01 of an ISO date (any year NodaTime supports), by the "days from civil" algorithm:
    /// years counted from March, so that the leap day falls at the end of a year. The year is first
    /// moved 10,000 years (25 whole 400-year cycles of 146,097 days) forward, so that every division
    /// is of a positive number by a constant.
    /// </summary>
    public static int DayNumber(int year, int month, int day)
    {
        var marchYear = (uint)(year + ShiftYears - (month <= 2 ? 1 : 0));
        var days = (marchYear * 365) + (marchYear / 4) - (marchYear / 100) + (marchYear / 400)
            + DaysBeforeMonthFromMarch[month - 1] + (uint)day - 1;
        return (int)days - ShiftDays;
    }

    /// <summary>Whether an ISO year has 29 February.</summary>
    public static bool IsLeapYear(int year) => (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);

    /// <summary>The number of days in a month of an ISO year.</summary>
    public static int DaysInMonth(int year, int month) =>
        month == 2 ? (IsLeapYear(year) ? 28 + 1 : 28) : 30 + ((month + (month >> 3)) & 1);

    /// <summary>The ISO <see cref="LocalDate"/> of a day number of the handled years (see <see cref="FromDayNumber"/>).</summary>
    public static LocalDate Date(int dayNumber)
    {
        var (year, month, day) = FromDayNumber(dayNumber);
        return new LocalDate(year, month, day);
    }

    /// <summary>
    /// The ISO date of a day number, by the "civil from days" algorithm (the inverse of
    /// <see cref="DayNumber(int, int, int)"/>) for day numbers of the handled years.
    /// </summary>
    public static (int Year, int Month, int Day) FromDayNumber(int dayNumber)
    {
        var days = (uint)(dayNumber + ShiftDays);
        var cycle = days / 146_097;
        var dayOfCycle = days - (cycle * 146_097);
        var yearOfCycle = (dayOfCycle - (dayOfCycle / 1_460) + (dayOfCycle / 36_524) - (dayOfCycle / 146_096)) / 365;
        var dayOfYear = dayOfCycle - ((365 * yearOfCycle) + (yearOfCycle / 4) - (yearOfCycle / 100));
        var monthFromMarch = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * monthFromMarch) + 2) / 5)) + 1;
        var month = monthFromMarch < 10 ? (int)monthFromMarch + 3 : (int)monthFromMarch - 9;
        var year = (int)(yearOfCycle + (cycle * 400)) - ShiftYears + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }

    /// <summary>Months from January of year 0 to a month.</summary>
    public static int MonthIndex(int year, int month) => (year * 12) + month - 1;

    /// <summary>
    /// The billing period containing the ISO date (<paramref name="year"/>, <paramref name="month"/>,
    /// <paramref name="day"/>) for an anchor in month <paramref name="anchorMonth"/> (a
    /// <see cref="MonthIndex"/>) on day <paramref name="anchorDay"/>: the rule of
    /// <see cref="BillingCalendar.PeriodContaining"/> (bill date <c>k</c> is <c>anchor + k × cycle</c>
    /// months, the day clamped), in integers. The caller checks
    /// that the date and the anchor lie in the handled years.
    /// </summary>
    public static BillingPeriod PeriodContaining(int anchorMonth, int anchorDay, int monthsPerCycle, int year, int month, int day)
    {
        // Bill date k falls in month anchor + k × cycle: the last such month up to the date's holds the
        // period's start, unless it is the date's own month and its (clamped) bill day is still ahead.
        var dateMonth = MonthIndex(year, month);
        var months = dateMonth - anchorMonth;
        Debug.Assert(monthsPerCycle is 1 or 3 or 12, "A billing cycle is 1, 3 or 12 months.");
        var index = monthsPerCycle switch
        {
            1 => months,
            3 => Dates.FloorDiv(months, 3), // constant divisors: the JIT multiplies instead of dividing
            _ => Dates.FloorDiv(months, 12),
        };
        var startMonth = anchorMonth + (index * monthsPerCycle);
        if (startMonth == dateMonth && day < ClampedDay(year, month, anchorDay))
        {
            index--;
            startMonth -= monthsPerCycle;
        }

        return new BillingPeriod(index, BillDay(startMonth, anchorDay), BillDay(startMonth + monthsPerCycle, anchorDay));
    }

    /// <summary>The anchor's day in a given month: itself, or the month's last day when the month is shorter.</summary>
    private static int ClampedDay(int year, int month, int anchorDay) => Math.Min(anchorDay, DaysInMonth(year, month));

    /// <summary>The anchor's day in a month given as a <see cref="MonthIndex"/>, clamped to the month's end.</summary>
    public static int ClampedDay(int monthIndex, int anchorDay)
    {
        var year = Dates.FloorDiv(monthIndex, 12);
        return ClampedDay(year, monthIndex - (year * 12) + 1, anchorDay);
    }

    /// <summary>The day number of the bill date in a month (a <see cref="MonthIndex"/>).</summary>
    private static int BillDay(int monthIndex, int anchorDay)
    {
        var year = Dates.FloorDiv(monthIndex, 12);
        var month = monthIndex - (year * 12) + 1;
        return DayNumber(year, month, ClampedDay(year, month, anchorDay));
    }
}
