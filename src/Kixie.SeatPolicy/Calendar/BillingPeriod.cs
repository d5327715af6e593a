using System;
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
    internal BillingPeriod(long index, LocalDate start, LocalDate end)
    {
        Index = index;
        Start = start;
        End = end;
    }

    /// <summary>Which period this is: 0 opens on the anchor, 1 on the next bill date, -1 on the one before.</summary>
    public long Index { get; }

    /// <summary>The bill date that opens the period (inclusive).</summary>
    public LocalDate Start { get; }

    /// <summary>The bill date that closes the period (exclusive): the next bill date.</summary>
    public LocalDate End { get; }

    /// <summary>The number of calendar days in the period, <c>End - Start</c>.</summary>
    public int Days => Period.DaysBetween(Start, End);

    /// <summary>Whether <paramref name="date"/> lies in <c>[Start, End)</c>.</summary>
    /// <param name="date">A local date.</param>
    /// <returns>True when the period contains the date.</returns>
    public bool Contains(LocalDate date) => Start <= date && date < End;

    /// <inheritdoc />
    public bool Equals(BillingPeriod other) => Index == other.Index && Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BillingPeriod other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Start, End);

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
}
