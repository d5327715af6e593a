using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>What a seat's pending change does (rulebook §12 and §13). The default is <see cref="Delete"/>.</summary>
public enum ScheduledChange
{
    /// <summary>The seat is deleted after its last day.</summary>
    Delete = 0,

    /// <summary>The seat moves to a cheaper plan on a bill date (a downgrade).</summary>
    ChangePlan = 1,
}

/// <summary>
/// A change that takes effect later: a seat has at most one. A scheduled deletion takes effect from the
/// start of the day after <see cref="Date"/>, its last day; a downgrade from the start of <see cref="Date"/>,
/// the bill date it is billed from. No command or clock is needed for either.
/// </summary>
/// <param name="Change">What the change does.</param>
/// <param name="Date">For a deletion, the seat's last day; for a downgrade, the bill date it takes effect (local dates).</param>
/// <param name="Plan">For a downgrade, the plan the seat moves to; null for a deletion.</param>
public sealed record PendingChange(ScheduledChange Change, LocalDate Date, string? Plan = null)
{
    /// <summary>A deletion whose last day is <paramref name="lastDay"/>.</summary>
    /// <param name="lastDay">The seat's last day.</param>
    /// <returns>The pending change.</returns>
    public static PendingChange Deletion(LocalDate lastDay) => new(ScheduledChange.Delete, lastDay);

    /// <summary>A downgrade to <paramref name="plan"/> from the bill date <paramref name="effective"/>.</summary>
    /// <param name="effective">The bill date the seat is billed on the new plan from.</param>
    /// <param name="plan">The plan it moves to.</param>
    /// <returns>The pending change.</returns>
    public static PendingChange Downgrade(LocalDate effective, string plan) => new(ScheduledChange.ChangePlan, effective, plan);

    /// <summary>The change in words, e.g. <c>deletion after 2026-03-31</c> or <c>downgrade to Integrate from 2027-01-01</c>.</summary>
    /// <returns>The words.</returns>
    public string Describe() => Change == ScheduledChange.Delete
        ? $"deletion after {Dates.Iso(Date)}"
        : $"downgrade to {Plan} from {Dates.Iso(Date)}";
}
