using System.Collections.Immutable;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// One seat's life, from the account's initial seats and history (<see cref="AccountHistory.SeatTimelines"/>):
/// who held it from which local date, and its deletion if it was deleted.
/// </summary>
/// <param name="Seat">The seat.</param>
/// <param name="Spells">
/// Its occupancy from each change on, oldest first: an initial seat's first spell has no
/// <see cref="OccupancySpell.From"/> (it runs from the opening); an added seat's first begins on the local
/// date of its add; each replacement, edit or deactivation begins another, on its local date.
/// </param>
/// <param name="Deletion">
/// What ends the seat: its <see cref="Deleted"/>, or the <see cref="DeletionScheduled"/> that deletes it
/// after its last day (in effect or still pending); null while nothing does.
/// </param>
/// <param name="LastDay">The seat's last day (a local date): the deletion's date, or the scheduled last day; null with no deletion.</param>
public sealed record SeatTimeline(SeatId Seat, ImmutableArray<OccupancySpell> Spells, SeatEvent? Deletion, LocalDate? LastDay);

/// <summary>Who held a seat from a local date on, until the next spell of its <see cref="SeatTimeline"/>.</summary>
/// <param name="From">The local date the spell begins (account time zone); null for an initial seat's first spell.</param>
/// <param name="Occupant">The occupant; null while the seat is vacant (still billed).</param>
public readonly record struct OccupancySpell(LocalDate? From, Agent? Occupant);
