using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// An account's pending changes not yet in effect (rulebook §12 and §13): seat → the event that scheduled
/// it (a <see cref="DeletionScheduled"/> or a <see cref="DowngradeScheduled"/>), and the earliest day one takes
/// effect. An immutable value; equal when the same seats have the same scheduling events.
/// </summary>
internal sealed class PendingChanges
{
    private readonly ImmutableDictionary<SeatId, SeatEvent> _bySeat;
    private readonly DateTimeZone? _zone;

    private PendingChanges(ImmutableDictionary<SeatId, SeatEvent> bySeat, DateTimeZone? zone)
    {
        _bySeat = bySeat;
        _zone = zone;
        FirstEffectDay = bySeat.IsEmpty ? null : bySeat.Values.Min(EffectDayOf);
        FirstDueAt = FirstEffectDay is { } first && zone is not null ? StartOf(first, zone) : Instant.MaxValue;
    }

    /// <summary>No pending change.</summary>
    public static PendingChanges None { get; } = new(ImmutableDictionary<SeatId, SeatEvent>.Empty, zone: null);

    /// <summary>
    /// The first instant at which some pending change is in effect: the start, in the account's zone, of the
    /// earliest effect day; <see cref="Instant.MaxValue"/> when nothing is pending. An instant before it needs no
    /// zone conversion to know that nothing is due.
    /// </summary>
    public Instant FirstDueAt { get; }

    /// <summary>How many seats have a pending change.</summary>
    public int Count => _bySeat.Count;

    /// <summary>The earliest day a pending change is in effect (<see cref="LocalDate.MaxIsoValue"/> for one that never is); null when nothing is pending.</summary>
    public LocalDate? FirstEffectDay { get; }

    /// <summary>The scheduling events, in no order.</summary>
    public IEnumerable<SeatEvent> All => _bySeat.Values;

    /// <summary>Whether some change is in effect on <paramref name="date"/> (its effect day is on or before it).</summary>
    public bool AnyDueBy(LocalDate date) => FirstEffectDay is { } first && first <= date && !Never(first);

    /// <summary>The seat's scheduling event, or null.</summary>
    public SeatEvent? Of(SeatId seat) => _bySeat.GetValueOrDefault(seat);

    /// <summary>Whether some change is in effect at <paramref name="at"/>.</summary>
    public bool AnyDueAt(Instant at) => at >= FirstDueAt;

    /// <summary>With the seat's pending change set to <paramref name="scheduled"/> (replacing any), in the account's <paramref name="zone"/>.</summary>
    public PendingChanges With(SeatEvent scheduled, DateTimeZone zone) => new(_bySeat.SetItem(scheduled.Seat, scheduled), zone);

    /// <summary>Without the seat's pending change (the same value when it has none).</summary>
    public PendingChanges Without(SeatId seat) => _bySeat.ContainsKey(seat) ? new(_bySeat.Remove(seat), _zone) : this;

    /// <summary>The changes in effect on <paramref name="date"/>, earliest effect day first, then in history order.</summary>
    public List<SeatEvent> DueBy(LocalDate date) =>
        [.. _bySeat.Values.Where(scheduled => !Never(EffectDayOf(scheduled)) && EffectDayOf(scheduled) <= date).OrderBy(EffectDayOf).ThenBy(scheduled => scheduled.Version)];

    /// <summary>The pending change a scheduling event stands for.</summary>
    public static PendingChange PendingOf(SeatEvent scheduled) => scheduled switch
    {
        DeletionScheduled deletion => deletion.Pending,
        DowngradeScheduled downgrade => downgrade.Pending,
        _ => throw new System.ArgumentException($"{scheduled.GetType().Name} schedules nothing.", nameof(scheduled)),
    };

    /// <summary>
    /// The first day a scheduled change is in effect: the day after a deletion's last day, a downgrade's bill
    /// date; <see cref="LocalDate.MaxIsoValue"/> standing for "never" when a last day is NodaTime's last date.
    /// </summary>
    public static LocalDate EffectDayOf(SeatEvent scheduled) => scheduled switch
    {
        DeletionScheduled deletion => deletion.LastDay < LocalDate.MaxIsoValue ? deletion.LastDay.PlusDays(1) : LocalDate.MaxIsoValue,
        DowngradeScheduled downgrade => downgrade.Effective,
        _ => LocalDate.MaxIsoValue,
    };

    private static bool Never(LocalDate effectDay) => effectDay == LocalDate.MaxIsoValue;

    /// <summary>The start of <paramref name="day"/> in <paramref name="zone"/>, or the end of time when it is NodaTime's last day.</summary>
    private static Instant StartOf(LocalDate day, DateTimeZone zone)
    {
        if (Never(day))
        {
            return Instant.MaxValue;
        }

        try
        {
            return day.AtStartOfDayInZone(zone).ToInstant();
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
    public bool SameAs(PendingChanges other) =>
        _bySeat.Count == other._bySeat.Count
        && _bySeat.All(entry => other._bySeat.TryGetValue(entry.Key, out var theirs) && theirs.Equals(entry.Value));
}
