using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// An account's scheduled deletions not yet in effect (rulebook §12): seat → the event that scheduled
/// it, and the earliest last day among them. An immutable value; equal when the same seats have the same
/// scheduling events.
/// </summary>
internal sealed class PendingDeletions
{
    private readonly ImmutableDictionary<SeatId, DeletionScheduled> _bySeat;
    private readonly DateTimeZone? _zone;

    private PendingDeletions(ImmutableDictionary<SeatId, DeletionScheduled> bySeat, DateTimeZone? zone)
    {
        _bySeat = bySeat;
        _zone = zone;
        FirstLastDay = bySeat.IsEmpty ? null : bySeat.Values.Min(scheduled => scheduled.LastDay);
        FirstDueAt = FirstLastDay is { } first && zone is not null ? StartOfDayAfter(first, zone) : Instant.MaxValue;
    }

    /// <summary>No pending change.</summary>
    public static PendingDeletions None { get; } = new(ImmutableDictionary<SeatId, DeletionScheduled>.Empty, zone: null);

    /// <summary>
    /// The first instant at which some pending deletion is in effect: the start, in the account's zone, of the
    /// day after the earliest last day; <see cref="Instant.MaxValue"/> when nothing is pending. An instant before
    /// it needs no zone conversion to know that nothing is due.
    /// </summary>
    public Instant FirstDueAt { get; }

    /// <summary>How many seats have a pending deletion.</summary>
    public int Count => _bySeat.Count;

    /// <summary>The earliest last day; null when nothing is pending.</summary>
    public LocalDate? FirstLastDay { get; }

    /// <summary>The scheduling events, in no order.</summary>
    public IEnumerable<DeletionScheduled> All => _bySeat.Values;

    /// <summary>Whether some deletion takes effect on or before <paramref name="date"/> (its last day is before it).</summary>
    public bool AnyDueBy(LocalDate date) => FirstLastDay is { } first && first < date;

    /// <summary>The seat's scheduling event, or null.</summary>
    public DeletionScheduled? Of(SeatId seat) => _bySeat.GetValueOrDefault(seat);

    /// <summary>Whether some deletion is in effect at <paramref name="at"/> (its last day is before the instant's local date).</summary>
    public bool AnyDueAt(Instant at) => at >= FirstDueAt;

    /// <summary>With the seat's pending deletion set to <paramref name="scheduled"/> (replacing any), in the account's <paramref name="zone"/>.</summary>
    public PendingDeletions With(DeletionScheduled scheduled, DateTimeZone zone) => new(_bySeat.SetItem(scheduled.Seat, scheduled), zone);

    /// <summary>Without the seat's pending deletion (the same value when it has none).</summary>
    public PendingDeletions Without(SeatId seat) => _bySeat.ContainsKey(seat) ? new(_bySeat.Remove(seat), _zone) : this;

    /// <summary>The deletions due by <paramref name="date"/> (last day before it), earliest last day first, then in history order.</summary>
    public List<DeletionScheduled> DueBy(LocalDate date) =>
        [.. _bySeat.Values.Where(scheduled => scheduled.LastDay < date).OrderBy(scheduled => scheduled.LastDay).ThenBy(scheduled => scheduled.Version)];

    /// <summary>The start of the day after <paramref name="lastDay"/> in <paramref name="zone"/>, or the end of time when that day is past NodaTime's.</summary>
    private static Instant StartOfDayAfter(LocalDate lastDay, DateTimeZone zone)
    {
        try
        {
            return lastDay.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        }
        catch (System.ArgumentOutOfRangeException)
        {
            return Instant.MaxValue;
        }
        catch (System.OverflowException)
        {
            return Instant.MaxValue;
        }
    }

    /// <summary>Whether both hold the same scheduling event for the same seats.</summary>
    public bool SameAs(PendingDeletions other) =>
        _bySeat.Count == other._bySeat.Count
        && _bySeat.All(entry => other._bySeat.TryGetValue(entry.Key, out var theirs) && theirs.Equals(entry.Value));
}
