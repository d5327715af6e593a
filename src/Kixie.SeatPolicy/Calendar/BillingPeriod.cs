using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// One billing period: the half-open range of local dates <c>[Start, End)</c> between two
/// consecutive bill dates. <see cref="Start"/> is the bill date that opens it and is inside it;
/// <see cref="End"/> is the next bill date and belongs to the next period.
/// </summary>
/// <remarks>
/// Obtained from <see cref="BillingCalendar.PeriodContaining"/>. The default value is the empty
/// period at <see cref="LocalDate"/>'s default with index 0. Immutable and thread-safe.
/// </remarks>
public readonly struct BillingPeriod : IEquatable<BillingPeriod>
{
    // A period is kept as two day numbers, counted from 0001-01-01 so that the default value is
    // LocalDate's default, and the calendar it was found in (0 for ISO, else 1 + its place in
    // OtherCalendars): finding a period on the proration hot path then builds no LocalDate, and the
    // dates are made when asked for.
    private static readonly ImmutableArray<CalendarSystem> OtherCalendars =
        [.. CalendarSystem.Ids.Select(CalendarSystem.ForId).Where(calendar => calendar != CalendarSystem.Iso)];

    private readonly int _index;
    private readonly int _start;
    private readonly int _end;
    private readonly byte _calendar;

    /// <summary>
    /// A period between two bill dates of one calendar, as a store or a message holds it;
    /// <see cref="BillingCalendar"/> is what finds periods.
    /// </summary>
    /// <param name="index">Which period it is: 0 opens on the anchor, 1 on the next bill date, -1 on the one before; within ±2,147,483,647.</param>
    /// <param name="start">The bill date that opens it (inclusive).</param>
    /// <param name="end">The bill date that closes it (exclusive): after <paramref name="start"/>, in the same calendar system.</param>
    /// <exception cref="ValueRefusedException">The index is out of range, or <paramref name="end"/> is not after <paramref name="start"/> in its calendar system.</exception>
    public BillingPeriod(long index, LocalDate start, LocalDate end)
    {
        if (index is < int.MinValue or > int.MaxValue)
        {
            throw new ValueRefusedException(nameof(index), nameof(index), index, $"period {index} is beyond the periods a calendar has");
        }

        if (start.Calendar != end.Calendar || end <= start)
        {
            throw new ValueRefusedException(nameof(end), nameof(end), end, $"the period ends ({end}) before or on its start ({start}), or in another calendar system");
        }

        _index = (int)index;
        _start = DaysSinceFirstDay(start);
        _end = DaysSinceFirstDay(end);
        _calendar = start.Calendar == CalendarSystem.Iso ? (byte)0 : checked((byte)(OtherCalendars.IndexOf(start.Calendar) + 1));
    }

    /// <summary>An ISO period between two ISO day numbers (days since 1970-01-01).</summary>
    internal BillingPeriod(int index, int startDayNumber, int endDayNumber)
    {
        _index = index;
        _start = startDayNumber - IsoDays.FirstDayNumber;
        _end = endDayNumber - IsoDays.FirstDayNumber;
        _calendar = 0;
    }

    /// <summary>Which period this is: 0 opens on the anchor, 1 on the next bill date, -1 on the one before.</summary>
    public long Index => _index;

    /// <summary>The bill date that opens the period (inclusive).</summary>
    public LocalDate Start => DateOf(_start);

    /// <summary>The bill date that closes the period (exclusive): the next bill date.</summary>
    public LocalDate End => DateOf(_end);

    /// <summary>The ISO day number (days since 1970-01-01) of <see cref="Start"/>.</summary>
    internal int StartDayNumber => _start + IsoDays.FirstDayNumber;

    /// <summary>The ISO day number (days since 1970-01-01) of <see cref="End"/>.</summary>
    internal int EndDayNumber => _end + IsoDays.FirstDayNumber;

    /// <summary>Whether the period's dates are in the ISO calendar (so its day numbers are ISO day numbers).</summary>
    internal bool IsIso => _calendar == 0;

    /// <summary>The number of calendar days in the period, <c>End - Start</c>.</summary>
    public int Days => _end - _start;

    /// <summary>Whether <paramref name="date"/> lies in <c>[Start, End)</c>.</summary>
    /// <param name="date">A local date.</param>
    /// <returns>True when the period contains the date.</returns>
    public bool Contains(LocalDate date) => Start <= date && date < End;

    /// <inheritdoc />
    public bool Equals(BillingPeriod other) =>
        _index == other._index && _start == other._start && _end == other._end && _calendar == other._calendar;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BillingPeriod other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_index, _start, _end, _calendar);

    /// <summary>The period as <c>2026-02-28..2026-03-31</c> (start inclusive, end exclusive).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Dates.Iso(Start)}..{Dates.Iso(End)}";

    /// <summary>Whether two periods are the same.</summary>
    /// <param name="left">One period.</param>
    /// <param name="right">The other period.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(BillingPeriod left, BillingPeriod right) => left.Equals(right);

    /// <summary>Whether two periods differ.</summary>
    /// <param name="left">One period.</param>
    /// <param name="right">The other period.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(BillingPeriod left, BillingPeriod right) => !left.Equals(right);

    private static int DaysSinceFirstDay(LocalDate date) =>
        IsoDays.DayNumber(date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso)) - IsoDays.FirstDayNumber;

    private LocalDate DateOf(int daysSinceFirstDay)
    {
        var date = IsoDays.Date(daysSinceFirstDay + IsoDays.FirstDayNumber);
        return _calendar == 0 ? date : date.WithCalendar(OtherCalendars[_calendar - 1]);
    }
}
