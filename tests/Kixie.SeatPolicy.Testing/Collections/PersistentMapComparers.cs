using System;
using System.Collections.Generic;

namespace Kixie.SeatPolicy.Tests.Collections;

/// <summary>
/// An integer comparer that chooses the hash the map actually reads (its spread hash): it returns the
/// chosen value divided by <see cref="PersistentMap{TKey, TValue, TKeyOf}.HashMultiplier"/>, so tests can force
/// full collisions, long shared prefixes (the deepest levels) or differences in the first bits only.
/// </summary>
/// <param name="name">What the comparer does, for failure messages.</param>
/// <param name="spread">The spread hash wanted for a key.</param>
internal sealed class SpreadHashComparer(string name, Func<int, int> spread) : IEqualityComparer<int>
{
    /// <summary>The multiplicative inverse of the map's multiplier, modulo 2³².</summary>
    private static readonly uint Inverse = InverseOf(PersistentMap<int, Entry<int>, EntryKey<int>>.HashMultiplier);

    /// <summary>Keys equal by value, hashed to their own value: a very deep trie for small keys.</summary>
    public static SpreadHashComparer Deep { get; } = new("deep (spread = k)", k => k);

    /// <summary>Every key has the same hash: one bucket holds everything.</summary>
    public static SpreadHashComparer AllCollide { get; } = new("all collide", _ => 0x1234_5678);

    /// <summary>Keys collide in pairs, deep in the trie.</summary>
    public static SpreadHashComparer DeepPairs { get; } = new("deep pairs (spread = k >> 1)", k => k >> 1);

    /// <summary>Keys collide modulo three, with the three hashes sharing all but their last two bits.</summary>
    public static SpreadHashComparer Modulo3 { get; } = new("mod 3 (spread = k % 3)", k => k % 3);

    /// <summary>Keys differ in the first bits the trie reads, and collide beyond 32 keys.</summary>
    public static SpreadHashComparer TopBits { get; } = new("top bits (spread = k << 27)", k => unchecked(k << 27));

    /// <inheritdoc />
    public bool Equals(int x, int y) => x == y;

    /// <inheritdoc />
    public int GetHashCode(int obj) => unchecked((int)((uint)spread(obj) * Inverse));

    /// <inheritdoc />
    public override string ToString() => name;

    /// <summary>Newton's iteration for the inverse of an odd number modulo 2³² (each step doubles the correct bits).</summary>
    private static uint InverseOf(uint odd)
    {
        var inverse = odd;
        for (var i = 0; i < 5; i++)
        {
            inverse = unchecked(inverse * (2u - (odd * inverse)));
        }

        return unchecked(odd * inverse) == 1u ? inverse : throw new InvalidOperationException("No inverse.");
    }
}

/// <summary>Strings equal ignoring case, hashed by their length only: many collisions with case rules.</summary>
internal sealed class CaseInsensitiveLengthComparer : IEqualityComparer<string>
{
    /// <summary>The one instance.</summary>
    public static CaseInsensitiveLengthComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public int GetHashCode(string obj) => obj.Length;

    /// <inheritdoc />
    public override string ToString() => "ignore case, hash = length";
}
