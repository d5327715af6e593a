using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>What a seat's pending change does (rulebook §12). The default is <see cref="Delete"/>.</summary>
public enum ScheduledChange
{
    /// <summary>The seat is deleted after its last day.</summary>
    Delete = 0,
}

/// <summary>
/// A change that takes effect later: a seat has at most one. A scheduled deletion takes effect from the
/// start of the day after <see cref="Date"/>, its last day, with no command or clock needed.
/// </summary>
/// <param name="Change">What the change does.</param>
/// <param name="Date">For a deletion, the seat's last day (a local date).</param>
public sealed record PendingChange(ScheduledChange Change, LocalDate Date)
{
    /// <summary>A deletion whose last day is <paramref name="lastDay"/>.</summary>
    /// <param name="lastDay">The seat's last day.</param>
    /// <returns>The pending change.</returns>
    public static PendingChange Deletion(LocalDate lastDay) => new(ScheduledChange.Delete, lastDay);

    /// <summary>The change in words, e.g. <c>deletion after 2026-03-31</c>.</summary>
    /// <returns>The words.</returns>
    public string Describe() => $"deletion after {Dates.Iso(Date)}";
}
