using System;
using System.Collections.Generic;

namespace Kixie.SeatPolicy;

public sealed partial class Account
{
    /// <summary>
    /// Whether two accounts are the same value: same terms, version, counters, seats, email index,
    /// deleted seat ids, pending changes, accepted commands and history: the whole state. This is what "replaying the
    /// events gives the same state" means, whether they are applied one at a time or as a batch.
    /// O(n) in the size of the account.
    /// </summary>
    /// <param name="other">Another account.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Account? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && _terms.Equals(other._terms)
            && Version == other.Version
            && OccupiedSeatCount == other.OccupiedSeatCount
            && OccupiedAdminCount == other.OccupiedAdminCount
            && SeatsEverCreated == other.SeatsEverCreated
            && AgentsEverCreated == other.AgentsEverCreated
            && SameEntries(_seats, other._seats)
            && SameEntries(_seatByEmail, other._seatByEmail)
            && SameEntries(_accepted, other._accepted) // the history: one event per command id, by version
            && _deletedSeats.SetEquals(other._deletedSeats)
            && _pending.SameAs(other._pending);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Account);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Version, SeatCount);

    /// <summary>The account as <c>acme v3: 3 seats (2 occupied)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id} v{Version}: {SeatCount} seats ({OccupiedSeatCount} occupied)";

    private static bool SameEntries<TKey, TValue, TKeyOf>(PersistentMap<TKey, TValue, TKeyOf> left, PersistentMap<TKey, TValue, TKeyOf> right)
        where TKey : notnull
        where TValue : class
        where TKeyOf : struct, IKeyOf<TKey, TValue>
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var value in left)
        {
            if (!right.TryGetValue(TKeyOf.KeyOf(value), out var theirs) || !comparer.Equals(value, theirs))
            {
                return false;
            }
        }

        return true;
    }
}
