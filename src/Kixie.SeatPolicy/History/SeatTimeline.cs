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
/// <param name="Deletion">The event that deleted the seat, or null while it exists.</param>
public sealed record SeatTimeline(SeatId Seat, ImmutableArray<OccupancySpell> Spells, Deleted? Deletion);

/// <summary>Who held a seat from a local date on, until the next spell of its <see cref="SeatTimeline"/>.</summary>
/// <param name="From">The local date the spell begins (account time zone); null for an initial seat's first spell.</param>
/// <param name="Occupant">The occupant; null while the seat is vacant (still billed).</param>
public readonly record struct OccupancySpell(LocalDate? From, Agent? Occupant);
