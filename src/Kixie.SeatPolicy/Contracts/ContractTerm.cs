using System;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// A signed contract: the inclusive term <c>[Start, End]</c> in local dates, the lock-in window at
/// its end (the last <see cref="LockInDays"/> days, in which seats may be deleted) and whether it
/// renews automatically for the same number of months, locking in again.
/// </summary>
/// <remarks>
/// <para>Term ending 2026-12-31 with the default 30 lock-in days: deletion opens on 2026-12-02
/// (<c>End − 29 ≤ d ≤ End</c>).</para>
/// <para>Renewed terms are always derived from <see cref="Start"/> (term <c>k</c> runs from
/// <c>Start + k·n</c> months to the day before <c>Start + (k+1)·n</c> months), so they never drift.
/// A renewed term that would end past 9999-12-31, the last day NodaTime supports, ends on that day.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ContractTerm : IEquatable<ContractTerm>
{
    /// <summary>The lock-in window's length when none is given: 30 days.</summary>
    public const int DefaultLockInDays = 30;

    /// <summary>A contract term.</summary>
    /// <param name="start">The first day of the term (inclusive).</param>
    /// <param name="end">The last day of the term (inclusive); not before <paramref name="start"/>.</param>
    /// <param name="lockInDays">How many days at the end of each term deletion is allowed in; zero or more (zero: only after an unrenewed end), at least one when the contract renews.</param>
    /// <param name="autoRenew">Whether a new term of the same length starts the day after <paramref name="end"/>.</param>
    /// <exception cref="ValueRefusedException"><paramref name="end"/> is before <paramref name="start"/>, or is 9999-12-31 (the last day NodaTime supports) with zero
    /// <paramref name="lockInDays"/> (deletion would open on a day that does not exist); <paramref name="lockInDays"/> is negative, or zero for a
    /// contract that renews automatically (deletion would never be allowed); or <paramref name="autoRenew"/> is set but the term is not a whole
    /// number of months. <see cref="ValueRefusedException.Member"/> names the parameter at fault.</exception>
    public ContractTerm(LocalDate start, LocalDate end, int lockInDays = DefaultLockInDays, bool autoRenew = false)
    {
        if (end < start)
        {
            throw new ValueRefusedException(nameof(end), nameof(end), end, $"the contract ends ({Dates.Iso(end)}) before it starts ({Dates.Iso(start)})");
        }

        Start = start;
        End = end;
        if (lockInDays < 0)
        {
            throw new ValueRefusedException(nameof(lockInDays), nameof(lockInDays), lockInDays, $"{lockInDays} is negative; the lock-in is zero or more days");
        }

        if (autoRenew && lockInDays == 0)
        {
            throw new ValueRefusedException(
                nameof(lockInDays),
                nameof(lockInDays),
                lockInDays,
                "a contract that renews automatically needs a lock-in window of at least one day, or no seat could ever be deleted");
        }

        if (lockInDays == 0 && end == LocalDate.MaxIsoValue)
        {
            throw new ValueRefusedException(
                nameof(end),
                nameof(end),
                end,
                "a contract without a lock-in window opens deletion the day after it ends, and no day after 9999-12-31 exists in the years NodaTime supports");
        }

        LockInDays = lockInDays;
        AutoRenew = autoRenew;
        Months = WholeMonths(start, end);
        if (autoRenew && Months is null)
        {
            throw new ValueRefusedException(
                nameof(autoRenew),
                nameof(autoRenew),
                autoRenew,
                $"a contract that renews automatically must run a whole number of months; {Dates.Iso(start)}..{Dates.Iso(end)} does not");
        }
    }

    /// <summary>The first day of the first term (inclusive).</summary>
    public LocalDate Start { get; }

    /// <summary>The last day of the first term (inclusive).</summary>
    public LocalDate End { get; }

    /// <summary>The length of the lock-in window at the end of every term, in days.</summary>
    public int LockInDays { get; }

    /// <summary>Whether the contract renews for the same number of months the day after each term ends.</summary>
    public bool AutoRenew { get; }

    /// <summary>The term's length in whole months (<c>Start + Months</c> months is the day after <c>End</c>), or null when it is not a whole number of months.</summary>
    public int? Months { get; }

    /// <summary>Where the contract stands on <paramref name="date"/>: not started, locked in, in its exit window, or ended.</summary>
    /// <param name="date">A local date in the account's time zone.</param>
    /// <returns>The standing, with the current term and the date its window opens.</returns>
    public ContractStanding StandingOn(LocalDate date)
    {
        if (date < Start)
        {
            return Standing(ContractPhase.NotStarted, Start, End);
        }

        if (date <= End)
        {
            return InTerm(date, Start, End);
        }

        if (!AutoRenew)
        {
            return Standing(ContractPhase.Ended, Start, End);
        }

        var months = Months!.Value;
        var index = Dates.FloorDiv(Dates.MonthsBetween(Start, date), months);
        var termStart = TermStart(index);
        if (termStart > date)
        {
            index--;
            termStart = TermStart(index);
        }

        // A renewal that would end past the years NodaTime supports ends, here, on their last day.
        return InTerm(date, termStart, TryTermStart(index + 1, out var next) ? next.PlusDays(-1) : LocalDate.MaxIsoValue);
    }

    /// <summary>Whether deleting a seat is allowed by the contract on <paramref name="date"/> (in a window, or after an unrenewed end).</summary>
    /// <param name="date">A local date in the account's time zone.</param>
    /// <returns>True unless the date is locked in.</returns>
    public bool AllowsDeletionOn(LocalDate date) => StandingOn(date).Phase is ContractPhase.ExitWindow or ContractPhase.Ended;

    /// <inheritdoc />
    public bool Equals(ContractTerm? other) =>
        other is not null && Start == other.Start && End == other.End && LockInDays == other.LockInDays && AutoRenew == other.AutoRenew;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ContractTerm);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, End, LockInDays, AutoRenew);

    /// <summary>The term as <c>2026-01-01..2026-12-31 (lock-in 30 days, renews)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Dates.Iso(Start)}..{Dates.Iso(End)} (lock-in {LockInDays} days{(AutoRenew ? ", renews" : string.Empty)})";

    private LocalDate TermStart(long index) => Start.PlusMonths(checked((int)(index * Months!.Value)));

    /// <summary>Term <paramref name="index"/>'s first day, or false when it falls past the years NodaTime supports.</summary>
    private bool TryTermStart(long index, out LocalDate start)
    {
        try
        {
            start = TermStart(index);
            return true;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            start = default;
            return false;
        }
    }

    private ContractStanding InTerm(LocalDate date, LocalDate termStart, LocalDate termEnd)
    {
        var phase = date >= WindowOpens(termStart, termEnd) ? ContractPhase.ExitWindow : ContractPhase.LockedIn;
        return Standing(phase, termStart, termEnd);
    }

    private ContractStanding Standing(ContractPhase phase, LocalDate termStart, LocalDate termEnd) =>
        new(phase, termStart, termEnd, WindowOpens(termStart, termEnd));

    /// <summary>The first day of the last <see cref="LockInDays"/> days of a term; the term's start when the window is the whole term.</summary>
    private LocalDate WindowOpens(LocalDate termStart, LocalDate termEnd) =>
        LockInDays > Period.DaysBetween(termStart, termEnd) ? termStart : termEnd.PlusDays(1 - LockInDays);

    /// <summary><paramref name="date"/> plus <paramref name="months"/>, or null past the years NodaTime supports.</summary>
    private static LocalDate? TryPlusMonths(LocalDate date, int months)
    {
        try
        {
            return date.PlusMonths(months);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int? WholeMonths(LocalDate start, LocalDate end)
    {
        if (end == LocalDate.MaxIsoValue)
        {
            // No day after it exists in NodaTime's range, so no whole number of months ends there.
            return null;
        }

        var dayAfter = end.PlusDays(1);
        var estimate = (int)Dates.MonthsBetween(start, dayAfter);
        for (var months = Math.Max(1, estimate - 1); months <= estimate + 1; months++)
        {
            if (TryPlusMonths(start, months) == dayAfter)
            {
                return months;
            }
        }

        return null;
    }
}

/// <summary>Where a contract stands on a given day.</summary>
public enum ContractPhase
{
    /// <summary>Before the first term starts; treated as locked in (the commitment is signed).</summary>
    NotStarted = 0,

    /// <summary>Inside a term, before its exit window: deleting seats is blocked.</summary>
    LockedIn = 1,

    /// <summary>In the last <see cref="ContractTerm.LockInDays"/> days of a term: deleting seats is allowed.</summary>
    ExitWindow = 2,

    /// <summary>After the end of a term that does not renew: the account is out of contract.</summary>
    Ended = 3,
}

/// <summary>
/// A contract's standing on one day: its <see cref="Phase"/>, the term in force (or the last or
/// first one when none is), and the day that term's exit window opens.
/// </summary>
/// <param name="Phase">Not started, locked in, in the exit window, or ended.</param>
/// <param name="TermStart">The first day of the current (or nearest) term.</param>
/// <param name="TermEnd">The last day of the current (or nearest) term.</param>
/// <param name="WindowOpens">The first day deletion is allowed in that term: <c>TermEnd − LockInDays + 1</c>, or the term's start when the window covers the whole term (and the day after the term for zero lock-in days).</param>
public readonly record struct ContractStanding(ContractPhase Phase, LocalDate TermStart, LocalDate TermEnd, LocalDate WindowOpens);
