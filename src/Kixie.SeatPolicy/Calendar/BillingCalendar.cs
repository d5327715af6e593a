using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// When an account is billed: a <see cref="BillingCycle"/> and an anchor date. Bill date <c>k</c>
/// (any integer, negative too) is <c>anchor + k × cycle months</c>, always computed from the anchor
/// (never from the previous bill date), with the day clamped to the end of a shorter month:
/// anchor 2026-01-31 monthly gives 2026-02-28, 2026-03-31, 2026-04-30, …
/// </summary>
/// <remarks>
/// <para>Every local date lies in exactly one <see cref="BillingPeriod"/>.</para>
/// <para>The value is immutable: <see cref="Cycle"/> and <see cref="Anchor"/> never change, and they
/// alone decide equality and every answer. Besides them a calendar holds a cache: the last billing
/// period it found, and the last period <see cref="Proration"/> prorated by the second with its
/// instants in one zone. The cache is not part of the value. It never changes an answer (a calendar
/// that has answered anything answers every question exactly as a new calendar does), and it is
/// thread-safe: any number of threads may share one calendar, each cache entry being read and
/// replaced whole.</para>
/// </remarks>
public sealed class BillingCalendar : IEquatable<BillingCalendar>
{
    private readonly int _monthsPerCycle;

    // An ISO anchor in the years IsoDays handles (the usual case) lets periods be found in integers.
    private readonly bool _isoAnchor;
    private readonly int _anchorMonth;
    private readonly int _anchorDay;

    // The cache (see the remarks): mutable, but never part of the value and never an answer's cause.
    // The last ISO period found, packed by Remember: the start day number in the low 32 bits, the
    // length in days in the next 12 (0 while nothing is remembered), the index (signed) in the top 20.
    // Read and written whole, so no thread sees half of one period and half of another.
    private long _last;

    // The instants of the last period prorated by the second, and their zone (see Proration.Prorate):
    // one reference to an immutable object, read and written with volatile semantics.
    private ZonedPeriod? _lastZoned;

    /// <summary>A calendar billed every <paramref name="cycle"/> from <paramref name="anchor"/>.</summary>
    /// <param name="cycle">How often the account is billed.</param>
    /// <param name="anchor">The bill date every other bill date is derived from.</param>
    /// <exception cref="ValueRefusedException"><paramref name="cycle"/> is not a defined cycle.</exception>
    public BillingCalendar(BillingCycle cycle, LocalDate anchor)
    {
        if (cycle is not (BillingCycle.Monthly or BillingCycle.Quarterly or BillingCycle.Annual))
        {
            throw new ValueRefusedException(nameof(cycle), nameof(cycle), cycle, $"{(int)cycle} is not a billing cycle");
        }

        Cycle = cycle;
        Anchor = anchor;
        _monthsPerCycle = (int)cycle;
        _isoAnchor = IsoDays.IsHandled(anchor);
        _anchorMonth = IsoDays.MonthIndex(anchor.Year, anchor.Month);
        _anchorDay = anchor.Day;
        (SupportedFrom, SupportedThrough) = FindSupportedDates();
    }

    /// <summary>
    /// The first local date this calendar bills: the first bill date on or after the day after the
    /// first day NodaTime supports (-9998-01-02 in the ISO calendar), so that the first instant of every
    /// billed day exists in every time zone. A command dated before it is refused (see
    /// <see cref="Supports"/>).
    /// </summary>
    public LocalDate SupportedFrom { get; }

    /// <summary>
    /// The last local date this calendar bills: the day before the last bill date NodaTime can represent
    /// (on or before 9999-12-31 in the ISO calendar). The period containing a later date would end past
    /// the end of time, so a command dated after it is refused (see <see cref="Supports"/>).
    /// </summary>
    public LocalDate SupportedThrough { get; }

    /// <summary>
    /// Whether <paramref name="date"/> lies in a whole billing period NodaTime can represent, with the first
    /// instant of each of its days: <see cref="SupportedFrom"/> ≤ date ≤ <see cref="SupportedThrough"/>.
    /// Only such dates can be charged, billed or deleted on; the policy answers a command on any other
    /// date with <see cref="InvalidCommand"/> naming <c>at</c>.
    /// </summary>
    /// <param name="date">A local date in the calendar's calendar system.</param>
    /// <returns>True when the date's billing period and its neighbours' bill dates exist.</returns>
    public bool Supports(LocalDate date) =>
        date.Calendar == Anchor.Calendar && SupportedFrom <= date && date <= SupportedThrough;

    /// <summary>The calendar's supported dates as one phrase, e.g. <c>-9998-01-31..9999-12-30</c>, for refusals.</summary>
    internal string SupportedRange => $"{Dates.Iso(SupportedFrom)}..{Dates.Iso(SupportedThrough)}";

    /// <summary>The first and last dates of the whole billing periods within NodaTime's years (see <see cref="Supports"/>).</summary>
    private (LocalDate From, LocalDate Through) FindSupportedDates()
    {
        var calendar = Anchor.Calendar;
        var earliest = new LocalDate(calendar.MinYear, 1, 1, calendar).PlusDays(1);
        var lastMonth = calendar.GetMonthsInYear(calendar.MaxYear);
        var latest = new LocalDate(calendar.MaxYear, lastMonth, calendar.GetDaysInMonth(calendar.MaxYear, lastMonth), calendar);

        var first = Dates.FloorDiv(Dates.MonthsBetween(Anchor, earliest), _monthsPerCycle);
        LocalDate from;
        while (!TryBillDate(first, out from) || from < earliest)
        {
            first++;
        }

        var last = Dates.FloorDiv(Dates.MonthsBetween(Anchor, latest), _monthsPerCycle) + 1;
        LocalDate end;
        while (!TryBillDate(last, out end) || end > latest)
        {
            last--;
        }

        return (from, end.PlusDays(-1));
    }

    /// <summary>How often the account is billed.</summary>
    public BillingCycle Cycle { get; }

    /// <summary>The bill date every other bill date is derived from (bill date 0).</summary>
    public LocalDate Anchor { get; }

    /// <summary>
    /// Bill date <paramref name="index"/>: <c>anchor + index × cycle months</c>, the day clamped to the month's end.
    /// </summary>
    /// <param name="index">Which bill date; 0 is the anchor, negative indices are before it.</param>
    /// <returns>The bill date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date would fall outside the years NodaTime supports.</exception>
    public LocalDate BillDate(long index)
    {
        if (index is > int.MaxValue or < int.MinValue)
        {
            throw OutOfRange(index);
        }

        var months = index * _monthsPerCycle;
        if (months is > int.MaxValue or < int.MinValue)
        {
            throw OutOfRange(index);
        }

        try
        {
            return Anchor.PlusMonths((int)months);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            throw OutOfRange(index);
        }
    }

    /// <summary>
    /// Whether the bill dated at the end of <paramref name="period"/> has a whole period of its own within the
    /// years NodaTime supports (its period's end is a bill date NodaTime can represent), so that a bill on it
    /// can exist and carry charges.
    /// </summary>
    internal bool BillsAtTheEndOf(BillingPeriod period) =>
        period.End <= SupportedThrough || TryBillDate(period.Index + 2, out _);

    /// <summary>
    /// Bill date <paramref name="index"/>, or false when it falls outside the years NodaTime supports
    /// (-9998 to 9999, at most 240,000 months from any anchor), so that a walk over bill dates ends at
    /// the end of time instead of throwing.
    /// </summary>
    internal bool TryBillDate(long index, out LocalDate date)
    {
        const long MonthsOfTime = 240_000;
        if (index > MonthsOfTime / _monthsPerCycle || index < -MonthsOfTime / _monthsPerCycle)
        {
            date = default;
            return false;
        }

        try
        {
            date = Anchor.PlusMonths((int)(index * _monthsPerCycle));
            return true;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            date = default;
            return false;
        }
    }

    /// <summary>The billing period <c>[billDate_k, billDate_k+1)</c> that contains <paramref name="date"/>.</summary>
    /// <param name="date">Any local date, before the anchor too.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bill date of the period falls outside the years NodaTime supports.</exception>
    public BillingPeriod PeriodContaining(LocalDate date)
    {
        if (IsoDays.IsIso(date) && TryIsoPeriodContaining(IsoDays.DayNumber(date), out var period))
        {
            return period;
        }

        // Bill date k falls in the month anchor + k×cycle, so the k found from whole months is right
        // unless the date is in that month but before its (clamped) day: then it is the period before.
        var index = Dates.FloorDiv(Dates.MonthsBetween(Anchor, date), _monthsPerCycle);
        var start = BillDate(index);
        return start <= date
            ? new BillingPeriod(index, start, BillDate(index + 1))
            : new BillingPeriod(index - 1, BillDate(index - 1), start);
    }

    /// <summary>
    /// The period containing an ISO date given as its day number (days since 1970-01-01): the hot path
    /// of proration, which needs no <see cref="LocalDate"/>. <see langword="false"/> when the anchor or
    /// the date is outside what <see cref="IsoDays"/> handles (a remembered period may still answer for a
    /// date it contains just past them, with the same period); then ask <see cref="PeriodContaining"/>.
    /// </summary>
    internal bool TryIsoPeriodContaining(int dayNumber, out BillingPeriod period)
    {
        var (start, days, index) = Unpack(ReadMemo());
        if (unchecked((uint)(dayNumber - start)) < (uint)days)
        {
            period = new BillingPeriod(index, start, start + days);
            return true;
        }

        return TryFindIsoPeriod(dayNumber, out period);
    }

    /// <summary>
    /// The memo's miss: finds the ISO period containing a day number and remembers it. Kept out of line
    /// so that a memo hit runs without this path's register saves.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryFindIsoPeriod(int dayNumber, out BillingPeriod period)
    {
        if (_isoAnchor && IsoDays.FromDayNumber(dayNumber) is var (year, month, day) && IsoDays.IsHandled(year))
        {
            period = IsoDays.PeriodContaining(_anchorMonth, _anchorDay, _monthsPerCycle, year, month, day);
            Remember(period);
            return true;
        }

        period = default;
        return false;
    }

    /// <summary>
    /// Days from <paramref name="period"/>'s end less one cycle (months subtracted, the day clamped to the
    /// month's end) to its end, for a period of this calendar: Kill Bill's denominator. That date is in the
    /// period's first month, on the smaller of the two bill dates' days, so it is the period's start moved
    /// back by however much the end's day was clamped below the start's (2025-01-31..2025-02-28: three days,
    /// from 2025-01-28). With an ISO anchor on the 28th or before no bill date is clamped and it is the period;
    /// other calendars ask NodaTime.
    /// </summary>
    internal long DaysFromOneCycleBeforeEnd(BillingPeriod period)
    {
        if (!_isoAnchor || !period.IsIso)
        {
            var end = period.End;
            return Period.DaysBetween(end.PlusMonths(-_monthsPerCycle), end);
        }

        if (_anchorDay <= 28)
        {
            return period.Days;
        }

        // Only an end clamped below the anchor's day can fall short of the start's day.
        var startMonth = _anchorMonth + ((int)period.Index * _monthsPerCycle);
        var endMonth = startMonth + _monthsPerCycle;
        var endYear = Dates.FloorDiv(endMonth, 12);
        var endDay = IsoDays.DaysInMonth(endYear, endMonth - (endYear * 12) + 1);
        if (endDay >= _anchorDay)
        {
            return period.Days;
        }

        return period.Days + Math.Max(0, IsoDays.ClampedDay(startMonth, _anchorDay) - endDay);
    }

    /// <summary>The first bill date strictly after <paramref name="date"/>.</summary>
    /// <param name="date">Any local date.</param>
    /// <returns>The next bill date; for a bill date itself, the one after it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The next bill date falls outside the years NodaTime supports.</exception>
    public LocalDate NextBillDateAfter(LocalDate date) => PeriodContaining(date).End;

    private static ArgumentOutOfRangeException OutOfRange(long index) =>
        new(nameof(index), index, "The bill date falls outside the years NodaTime supports (-9998 to 9999).");

    /// <inheritdoc />
    public bool Equals(BillingCalendar? other) =>
        other is not null && Cycle == other.Cycle && Anchor == other.Anchor;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BillingCalendar);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Cycle, Anchor);

    /// <summary>The calendar as <c>Monthly from 2026-01-31</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Cycle} from {Dates.Iso(Anchor)}";

    /// <summary>The period the memo holds, or null when it holds none (for tests: a memo that stopped working would change no answer, only the speed).</summary>
    internal BillingPeriod? RememberedPeriod
    {
        get
        {
            var (start, days, index) = Unpack(ReadMemo());
            return days == 0 ? null : new BillingPeriod(index, start, start + days);
        }
    }

    /// <summary>
    /// The last period second-granularity proration remembered on this calendar, with the first
    /// instants of its first and end days in a zone (see <see cref="Proration"/>), or null.
    /// </summary>
    internal ZonedPeriod? RememberedZonedPeriod
    {
        get => Volatile.Read(ref _lastZoned);
        set => Volatile.Write(ref _lastZoned, value);
    }

    /// <summary>The memo's word, read whole (see <see cref="Remember"/>).</summary>
    private long ReadMemo() => Environment.Is64BitProcess ? Volatile.Read(ref _last) : Interlocked.Read(ref _last);

    /// <summary>The memo's fields: the start day number, the length in days (0: nothing remembered) and the index.</summary>
    private static (int Start, int Days, int Index) Unpack(long packed) =>
        (unchecked((int)packed), (int)((packed >> 32) & 0xFFF), (int)(packed >> 44));

    /// <summary>Makes <paramref name="period"/> the remembered one: one atomic 64-bit write.</summary>
    /// <remarks>
    /// Every ISO period fits: the anchor and the date lie in the years <see cref="IsoDays"/> handles, so
    /// the index is within ±240,000 (20 bits hold ±524,287) and a period is at most 366 days (12 bits
    /// hold 4,095).
    /// </remarks>
    private void Remember(BillingPeriod period)
    {
        Debug.Assert(period.Index is >= -(1 << 19) and < 1 << 19 && period.Days is > 0 and <= 0xFFF, "An ISO period fits the memo.");
        var packed = (period.Index << 44) | ((long)period.Days << 32) | unchecked((uint)period.StartDayNumber);
        if (Environment.Is64BitProcess)
        {
            Volatile.Write(ref _last, packed);
        }
        else
        {
            Interlocked.Exchange(ref _last, packed);
        }
    }
}

/// <summary>
/// A billing period with the first instants (Unix seconds) of its first day and of its end day in one
/// zone, when no zone transition lies within 36 hours of either: then an instant lies in
/// <c>[Start, End)</c> exactly when its local date lies in the period (offsets differ by less than
/// 36 hours), so second-granularity proration of an add in that range needs no zone lookup.
/// </summary>
/// <param name="Zone">The zone the instants are in.</param>
/// <param name="Period">The period.</param>
/// <param name="Start">The first instant of the period's first day.</param>
/// <param name="End">The first instant of its end day (the next period's first day).</param>
internal sealed record ZonedPeriod(DateTimeZone Zone, BillingPeriod Period, long Start, long End);
