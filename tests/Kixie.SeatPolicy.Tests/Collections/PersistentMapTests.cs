using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;
using IntMap = Kixie.SeatPolicy.PersistentMap<int, Kixie.SeatPolicy.Tests.Collections.Entry<int>, Kixie.SeatPolicy.Tests.Collections.EntryKey<int>>;
using StringMap = Kixie.SeatPolicy.PersistentMap<string, Kixie.SeatPolicy.Tests.Collections.Entry<string>, Kixie.SeatPolicy.Tests.Collections.EntryKey<string>>;

namespace Kixie.SeatPolicy.Tests.Collections;

/// <summary>
/// Examples of <see cref="PersistentMap{TKey, TValue, TKeyOf}"/> and its builder, over
/// <see cref="Entry{TKey}"/> values that carry their own key.
/// </summary>
public sealed class PersistentMapTests
{
    [Fact]
    public void Empty_HoldsNothing()
    {
        var map = StringMap.Empty();

        Assert.Equal(0, map.Count);
        Assert.False(map.TryGetValue("a", out var value));
        Assert.Null(value);
        Assert.False(map.ContainsKey("a"));
        Assert.Empty(map);
        Assert.Same(EqualityComparer<string>.Default, map.KeyComparer);
        Assert.Same(StringComparer.OrdinalIgnoreCase, StringMap.Empty(StringComparer.OrdinalIgnoreCase).KeyComparer);
        Assert.Equal((0, 0), map.VerifyStructure());
    }

    [Fact]
    public void SetItem_NewAndExistingKeys_ReturnsNewMapsAndLeavesTheOldOnesUnchanged()
    {
        var empty = StringMap.Empty();
        var one = empty.SetItem(new("a", 1));
        var two = one.SetItem(new("b", 2));
        var a10 = new Entry<string>("a", 10);
        var replaced = two.SetItem(a10);

        Assert.Equal(0, empty.Count);
        Assert.Equal([("a", 1)], Entries(one));
        Assert.Equal([("a", 1), ("b", 2)], Entries(two));
        Assert.Equal([("a", 10), ("b", 2)], Entries(replaced));
        Assert.Equal(2, replaced.Count);
        Assert.True(replaced.TryGetValue("a", out var stored));
        Assert.Same(a10, stored); // a replacing set stores the value object it was given
    }

    [Fact]
    public void SetItem_EqualValue_ReturnsTheSameInstanceAndKeepsTheStoredValue()
    {
        var original = new Entry<string>("Ada@acme.test", 1);
        var map = StringMap.Empty(StringComparer.OrdinalIgnoreCase).SetItem(original);

        Assert.True(map.IsSameTrieAs(map.SetItem(new("Ada@acme.test", 1))));
        Assert.True(map.TryGetValue("ADA@ACME.TEST", out var stored));
        Assert.Same(original, stored);
        Assert.Equal([("Ada@acme.test", 1)], Entries(map));
    }

    [Fact]
    public void SetItem_EqualKeyInAnotherCaseWithTheSamePayload_IsANewValueAndStoresItsKey()
    {
        // The map decides "nothing changed" with the value's own equality, not with its key comparer.
        // An Entry is a record, whose equality reads the key ordinally: under a key in another case,
        // the same payload is another value, so it replaces the stored one and its key with it.
        var map = StringMap.Empty(StringComparer.OrdinalIgnoreCase).SetItem(new("Ada@acme.test", 1));
        var upper = new Entry<string>("ADA@ACME.TEST", 1);

        var updated = map.SetItem(upper);

        Assert.False(map.IsSameTrieAs(updated));
        Assert.Equal([("ADA@ACME.TEST", 1)], Entries(updated));
        Assert.True(updated.TryGetValue("ada@acme.test", out var stored));
        Assert.Same(upper, stored);
        Assert.Equal([("Ada@acme.test", 1)], Entries(map));
        updated.VerifyStructure();
    }

    [Fact]
    public void SetItem_ValueEqualByItsOwnEqualityUnderAnotherCase_KeepsTheStoredValueAndKey()
    {
        // A value whose equality ignores its key's case: an equal value under another spelling of the
        // key changes nothing, and the stored value (and so its key) stays.
        var original = new CaselessEntry("Ada@acme.test", 1);
        var map = PersistentMap<string, CaselessEntry, CaselessEntryKey>.Empty(StringComparer.OrdinalIgnoreCase).SetItem(original);

        Assert.True(map.IsSameTrieAs(map.SetItem(new("ADA@ACME.TEST", 1))));
        Assert.True(map.TryGetValue("ada@acme.test", out var stored));
        Assert.Same(original, stored);

        var changed = new CaselessEntry("ADA@acme.test", 2);
        var updated = map.SetItem(changed);
        Assert.Equal(1, updated.Count);
        Assert.True(updated.TryGetValue("ada@ACME.test", out var replaced));
        Assert.Same(changed, replaced);
        Assert.Equal("ADA@acme.test", Assert.Single(updated).Key);
        Assert.Same(original, Assert.Single(map));
    }

    [Fact]
    public void SetItem_EqualKeyInAnotherCaseWithANewValue_StoresTheNewKey()
    {
        var map = StringMap.Empty(StringComparer.OrdinalIgnoreCase).SetItem(new("Ada@acme.test", 1));

        var updated = map.SetItem(new("ADA@acme.test", 2));

        Assert.Equal([("ADA@acme.test", 2)], Entries(updated));
        Assert.Equal(2, Value(updated, "ada@ACME.test"));
        Assert.Equal([("Ada@acme.test", 1)], Entries(map));
    }

    [Fact]
    public void Remove_AbsentKey_ReturnsTheSameInstance()
    {
        var empty = IntMap.Empty(SpreadHashComparer.AllCollide);
        var map = empty.SetItem(new(1, 1)).SetItem(new(2, 2));
        var single = empty.SetItem(new(1, 1));

        Assert.True(empty.IsSameTrieAs(empty.Remove(1)));
        Assert.True(map.IsSameTrieAs(map.Remove(3))); // same hash as the bucket's keys, yet absent
        Assert.True(single.IsSameTrieAs(single.Remove(2))); // same hash as the stored value's key, yet absent

        var spread = IntMap.Empty().SetItem(new(1, 1)).SetItem(new(2, 2));
        Assert.True(spread.IsSameTrieAs(spread.Remove(3)));
    }

    [Fact]
    public void Add_ExistingKey_ThrowsWithParamNameValueEvenForAnEqualValue()
    {
        var map = StringMap.Empty(StringComparer.OrdinalIgnoreCase).Add(new("a", 1));

        var equal = Assert.Throws<ArgumentException>(() => map.Add(new("a", 1)));
        Assert.Equal("value", equal.ParamName);
        Assert.StartsWith("A value with the same key is already present.", equal.Message, StringComparison.Ordinal);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => map.Add(new("A", 2))).ParamName);
        Assert.False(map.TryAdd(new("A", 2), out var unchanged));
        Assert.True(map.IsSameTrieAs(unchanged));
        Assert.Equal([("a", 1)], Entries(map));
        Assert.Equal(2, map.Add(new("b", 2)).Count);
        Assert.True(map.TryAdd(new("b", 2), out var added));
        Assert.Equal([("a", 1), ("b", 2)], Entries(added));
    }

    [Fact]
    public void Builder_AddExistingKey_ThrowsAndChangesNothing()
    {
        var builder = IntMap.Empty(SpreadHashComparer.AllCollide).ToBuilder();
        var two = new Entry<int>(2, 2);
        builder.Add(new(1, 1));
        builder.Add(two);

        Assert.Equal("value", Assert.Throws<ArgumentException>(() => builder.Add(new(2, 3))).ParamName);
        Assert.False(builder.TryAdd(new(2, 4)));
        Assert.Equal(2, builder.Count);
        Assert.True(builder.TryGetValue(2, out var value));
        Assert.Same(two, value);

        Assert.True(builder.TryAdd(new(3, 3)));
        Assert.Equal(3, builder.Count);
        Assert.Equal(3, Value(builder.ToImmutable(), 3));
    }

    [Fact]
    public void ValuesThatCouldBeArrays_AreRefused()
    {
        // Nodes are object[] and buckets TValue[]: a value that could be an array could not be told from them.
        Assert.Throws<NotSupportedException>(() => PersistentMap<int, object, FirstItemKey<object>>.Empty());
        Assert.Throws<NotSupportedException>(() => PersistentMap<int, IList, FirstItemKey<IList>>.Empty());
        Assert.Throws<NotSupportedException>(() => PersistentMap<int, int[], FirstItemKey<int[]>>.Empty());
        // An object[] is not one of these, but a bucket (an array of them) is.
        Assert.Throws<NotSupportedException>(() => PersistentMap<int, IEnumerable<IEnumerable<object>>, FirstItemKey<IEnumerable<IEnumerable<object>>>>.Empty());
        Assert.Equal(0, PersistentMap<int, Entry<int>, EntryKey<int>>.Empty().Count);
    }

    [Fact]
    public void NullKeyOrValue_Throws()
    {
        var map = StringMap.Empty();
        var builder = map.ToBuilder();
        var keyless = new Entry<string>(null!, 1);
        var ada = new Entry<string>("ada", 1);

        ThrowsNull("value", () => map.SetItem(null!));
        ThrowsNull("key", () => map.SetItem(keyless));
        ThrowsNull("value", () => map.Add(null!));
        ThrowsNull("key", () => map.Add(keyless));
        ThrowsNull("value", () => map.TryAdd(null!, out _));
        ThrowsNull("key", () => map.TryAdd(keyless, out _));
        ThrowsNull("key", () => map.Remove(null!));
        ThrowsNull("key", () => map.TryGetValue(null!, out _));
        ThrowsNull("key", () => map.ContainsKey(null!));
        ThrowsNull("value", () => builder.SetItem(null!));
        ThrowsNull("key", () => builder.SetItem(keyless));
        ThrowsNull("value", () => builder.Add(null!));
        ThrowsNull("key", () => builder.Add(keyless));
        ThrowsNull("value", () => builder.TryAdd(null!));
        ThrowsNull("key", () => builder.TryAdd(keyless));
        ThrowsNull("key", () => builder.Remove(null!));
        ThrowsNull("key", () => builder.ContainsKey(null!));
        ThrowsNull("key", () => builder.TryGetValue(null!, out _));
        ThrowsNull("values", () => StringMap.CreateRange(null!));
        ThrowsNull("value", () => StringMap.CreateRange([ada, null!]));
        ThrowsNull("key", () => StringMap.CreateRange([ada, keyless]));
        ThrowsNull("value", () => StringMap.TryCreateDistinct(new[] { ada, null! }, null, out _, out _));
        ThrowsNull("key", () => StringMap.TryCreateDistinct(new[] { ada, keyless }, null, out _, out _));

        // A non-empty map and builder refuse them too, and nothing changes.
        var one = map.SetItem(ada);
        var filled = one.ToBuilder();
        ThrowsNull("value", () => one.SetItem(null!));
        ThrowsNull("key", () => one.SetItem(keyless));
        ThrowsNull("value", () => filled.SetItem(null!));
        ThrowsNull("key", () => filled.TryAdd(keyless));
        Assert.Equal(0, map.Count);
        Assert.Equal(0, builder.Count);
        Assert.Equal(1, filled.Count);
        Assert.True(one.IsSameTrieAs(filled.ToImmutable()));
    }

    [Fact]
    public void FullHashCollisions_ShareOneBucketUntilOneKeyIsLeft()
    {
        var keys = Enumerable.Range(0, 50).ToArray();
        var map = keys.Aggregate(IntMap.Empty(SpreadHashComparer.AllCollide), (m, k) => m.Add(new(k, 1_000 + k)));

        Assert.Equal(50, map.Count);
        Assert.Equal((1, 1), map.VerifyStructure()); // the root, holding one bucket
        Assert.All(keys, k => Assert.Equal(1_000 + k, Value(map, k)));
        Assert.False(map.ContainsKey(50));

        var replaced = map.SetItem(new(17, -17));
        Assert.Equal(-17, Value(replaced, 17));
        Assert.Equal(1_017, Value(map, 17));
        Assert.Equal(50, replaced.Count);
        Assert.True(replaced.IsSameTrieAs(replaced.SetItem(new(17, -17)))); // an equal value in a bucket

        var shrinking = map;
        foreach (var k in keys.Take(49))
        {
            shrinking = shrinking.Remove(k);
            shrinking.VerifyStructure();
            Assert.False(shrinking.ContainsKey(k));
        }

        Assert.Equal([(49, 1_049)], Entries(shrinking));
        Assert.Equal(50, map.Count);
        Assert.Same(IntMap.Empty().KeyComparer, IntMap.Empty().KeyComparer);
    }

    [Fact]
    public void PartialCollisions_BucketsAndSingleValuesSideBySide()
    {
        var map = IntMap.Empty(SpreadHashComparer.Modulo3);
        for (var k = 0; k < 30; k++)
        {
            map = map.SetItem(new(k, k * 10));
        }

        Assert.Equal(30, map.Count);
        Assert.All(Enumerable.Range(0, 30), k => Assert.Equal(k * 10, Value(map, k)));
        map.VerifyStructure();

        for (var k = 0; k < 30; k += 3)
        {
            map = map.Remove(k);
        }

        Assert.Equal(20, map.Count);
        Assert.All(Enumerable.Range(0, 30), k => Assert.Equal(k % 3 != 0, map.ContainsKey(k)));
        map.VerifyStructure();
    }

    [Fact]
    public void HashesThatDifferInTheLastBitOnly_GoElevenLevelsDeep_AndCollapseBackOnRemoval()
    {
        var one = IntMap.Empty(SpreadHashComparer.Deep).SetItem(new(0, 0));
        var two = one.SetItem(new(1, 1));

        Assert.Equal((11, 11), two.VerifyStructure()); // a chain of single-child nodes down to the last level
        Assert.Equal(1, Value(two, 1));

        var back = two.Remove(1);
        Assert.Equal((1, 1), back.VerifyStructure()); // the remaining value is pulled up to the root
        Assert.Equal([(0, 0)], Entries(back));
        Assert.Equal((11, 11), two.VerifyStructure());

        var builder = two.ToBuilder();
        builder.Remove(0);
        Assert.Equal((1, 1), builder.ToImmutable().VerifyStructure());
    }

    [Fact]
    public void RemovingEveryKey_LeavesAnEmptyMapWithNoNodes()
    {
        var random = new Random(20_240_601);
        var keys = Enumerable.Range(0, 10_000).Select(_ => random.Next()).Distinct().ToArray();
        var full = IntMap.CreateRange(keys.Select(k => new Entry<int>(k, k)));
        Assert.Equal(keys.Length, full.Count);

        var map = full;
        var builder = full.ToBuilder();
        var order = keys.OrderBy(_ => random.Next()).ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            map = map.Remove(order[i]);
            Assert.True(builder.Remove(order[i]));
            if (i % 1_000 == 0)
            {
                Assert.Equal(map.VerifyStructure(), builder.ToImmutable().VerifyStructure());
            }
        }

        Assert.Equal(0, map.Count);
        Assert.Equal((0, 0), map.VerifyStructure());
        Assert.Empty(map);
        Assert.Equal(0, builder.Count);
        Assert.False(builder.Remove(order[0]));
        Assert.Equal((0, 0), builder.ToImmutable().VerifyStructure());
        Assert.Equal(keys.Length, full.Count);
        Assert.All(keys, k => Assert.True(full.ContainsKey(k)));
    }

    [Fact]
    public void HundredThousandEmails_CaseInsensitive_AllFound()
    {
        var map = StringMap.Empty(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < 100_000; i++)
        {
            map = map.Add(new(Email(i), i));
        }

        Assert.Equal(100_000, map.Count);
        for (var i = 0; i < 100_000; i += 7)
        {
            Assert.Equal(i, Value(map, Email(i).ToUpperInvariant()));
        }

        Assert.False(map.ContainsKey(Email(100_000)));
        var (nodes, levels) = map.VerifyStructure();
        Assert.InRange(levels, 6, 11); // the deepest pair of 100,000 random hashes shares about 30 bits
        Assert.InRange(nodes, 100_000 / 8, 100_000 / 2);
        var enumerated = 0;
        foreach (var entry in map)
        {
            Assert.Equal(Email(entry.Value), entry.Key);
            enumerated++;
        }

        Assert.Equal(100_000, enumerated);
    }

    [Fact]
    public void Builder_ChangesNeverReachTheSourceOrAnyMapItReturned()
    {
        var source = StringMap.CreateRange(Enumerable.Range(0, 1_000).Select(i => new Entry<string>($"s{i}", i)));
        var builder = source.ToBuilder();
        Assert.True(source.TryGetValue("s4", out var s4));

        Assert.True(source.IsSameTrieAs(builder.ToImmutable())); // nothing changed yet

        builder.SetItem(new("s1", -1));
        builder.Remove("s2");
        builder.SetItem(new("s1000", 1_000));
        var first = builder.ToImmutable();
        Assert.True(first.IsSameTrieAs(builder.ToImmutable()));

        builder.SetItem(new("s1", -2));
        builder.Remove("s3");
        builder.Add(new("s1001", 1_001));
        builder.SetItem(new("s4", 4)); // equal value: no change
        var second = builder.ToImmutable();

        Assert.Equal(1_000, source.Count);
        Assert.Equal(1, Value(source, "s1"));
        Assert.True(source.ContainsKey("s2") && source.ContainsKey("s3") && !source.ContainsKey("s1000"));

        Assert.Equal(1_000, first.Count);
        Assert.Equal(-1, Value(first, "s1"));
        Assert.True(!first.ContainsKey("s2") && first.ContainsKey("s3") && first.ContainsKey("s1000") && !first.ContainsKey("s1001"));

        Assert.Equal(1_000, second.Count);
        Assert.Equal(-2, Value(second, "s1"));
        Assert.True(!second.ContainsKey("s3") && second.ContainsKey("s1001"));
        Assert.True(second.TryGetValue("s4", out var kept));
        Assert.Same(s4, kept); // the equal value did not replace the stored one

        builder.SetItem(new("s4", 4));
        Assert.True(second.IsSameTrieAs(builder.ToImmutable())); // an equal value is no change
        source.VerifyStructure();
        first.VerifyStructure();
        second.VerifyStructure();
    }

    [Fact]
    public void TwoBuildersFromOneMap_DoNotSeeEachOther()
    {
        var source = IntMap.CreateRange(Enumerable.Range(0, 100).Select(i => new Entry<int>(i, i)));
        var left = source.ToBuilder();
        var right = source.ToBuilder();

        for (var i = 0; i < 100; i += 2)
        {
            left.SetItem(new(i, -i));
            right.Remove(i);
        }

        Assert.Equal(100, left.Count);
        Assert.Equal(50, right.Count);
        Assert.Equal(-10, Value(left.ToImmutable(), 10));
        Assert.False(right.ContainsKey(10));
        Assert.Equal(10, Value(source, 10));
    }

    [Fact]
    public void CreateRange_LaterDuplicatesReplaceEarlierOnes()
    {
        var map = StringMap.CreateRange([new("a", 1), new("b", 2), new("A", 3)], StringComparer.OrdinalIgnoreCase);

        Assert.Equal([("A", 3), ("b", 2)], Entries(map));
        Assert.Same(StringComparer.OrdinalIgnoreCase, map.KeyComparer);

        // The same payload under another case is another Entry (record equality reads the key
        // ordinally), so the later one replaces the earlier one, key and all; an equal Entry does not.
        var first = new Entry<string>("a", 1);
        var caseOnly = StringMap.CreateRange([first, new("A", 1)], StringComparer.OrdinalIgnoreCase);
        var equal = StringMap.CreateRange([first, new("a", 1)], StringComparer.OrdinalIgnoreCase);
        Assert.Equal([("A", 1)], Entries(caseOnly));
        Assert.Same(first, Assert.Single(equal));
    }

    [Fact]
    public void TryCreateDistinct_ReadsEachValuesKey_AndReportsAKeyTwoValuesShare()
    {
        var ada = new Entry<string>("ada@acme.test", 1);
        var bo = new Entry<string>("bo@acme.test", 2);

        Assert.True(StringMap.TryCreateDistinct([ada, bo], StringComparer.OrdinalIgnoreCase, out var map, out var none));
        Assert.Null(none);
        Assert.Same(StringComparer.OrdinalIgnoreCase, map.KeyComparer);
        Assert.Equal(2, map.Count);
        Assert.True(map.TryGetValue("ADA@acme.test", out var found));
        Assert.Same(ada, found);
        Assert.Equal(StringMap.CreateRange([ada, bo], StringComparer.OrdinalIgnoreCase).VerifyStructure(), map.VerifyStructure());

        Assert.False(StringMap.TryCreateDistinct([ada, bo, new("ADA@ACME.TEST", 3)], StringComparer.OrdinalIgnoreCase, out var failed, out var twice));
        Assert.Equal("ada@acme.test", twice, ignoreCase: true);
        Assert.Equal(0, failed.Count);
        Assert.Same(StringComparer.OrdinalIgnoreCase, failed.KeyComparer);

        Assert.True(StringMap.TryCreateDistinct([ada, new("ADA@ACME.TEST", 3)], StringComparer.Ordinal, out var ordinal, out _));
        Assert.Equal(2, ordinal.Count);

        Assert.True(StringMap.TryCreateDistinct([], null, out var empty, out _));
        Assert.Equal(0, empty.Count);
        Assert.Same(EqualityComparer<string>.Default, empty.KeyComparer);
        Assert.Equal((0, 0), empty.VerifyStructure());
    }

    [Theory]
    [InlineData(IntMap.ComparisonSortLimit)]
    [InlineData(IntMap.ComparisonSortLimit + 1)]
    [InlineData(30_000)]
    public void TryCreateDistinct_OnEitherSideOfTheSortSwitch_BuildsTheBuildersTrie(int count)
    {
        foreach (var comparer in new IEqualityComparer<int>[] { EqualityComparer<int>.Default, SpreadHashComparer.DeepPairs, SpreadHashComparer.Deep })
        {
            var values = Enumerable.Range(0, count).Select(key => new Entry<int>((key * 7919) - 5_000, key)).ToArray();

            Assert.True(IntMap.TryCreateDistinct(values, comparer, out var map, out _), comparer.ToString());

            Assert.Equal(count, map.Count);
            Assert.Equal(IntMap.CreateRange(values, comparer).VerifyStructure(), map.VerifyStructure());
            Assert.All(values, value => Assert.True(map.TryGetValue(value.Key, out var found) && ReferenceEquals(found, value)));

            // The first and the last value share a key: the sort brings them together, wherever they were.
            var twiceOver = values.Append(new Entry<int>(values[0].Key, -1)).ToArray();
            Assert.False(IntMap.TryCreateDistinct(twiceOver, comparer, out var none, out var twice), comparer.ToString());
            Assert.Equal(values[0].Key, twice);
            Assert.Equal(0, none.Count);
        }
    }

    [Fact]
    public void Enumeration_StructAndInterface_AgreeAndReset()
    {
        var map = IntMap.CreateRange(Enumerable.Range(0, 500).Select(i => new Entry<int>(i, i * i)));

        var viaStruct = new List<Entry<int>>();
        foreach (var entry in map)
        {
            viaStruct.Add(entry);
        }

        var viaInterface = ((IEnumerable<Entry<int>>)map).ToList();
        var viaObject = ((IEnumerable)map).Cast<Entry<int>>().ToList();
        Assert.Equal<Entry<int>>(viaStruct, viaInterface, ReferenceEqualityComparer.Instance);
        Assert.Equal<Entry<int>>(viaStruct, viaObject, ReferenceEqualityComparer.Instance);
        Assert.Equal(Enumerable.Range(0, 500), viaStruct.Select(e => e.Key).Order());
        Assert.All(viaStruct, e => Assert.Equal(e.Key * e.Key, e.Value));

        var enumerator = map.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        var first = enumerator.Current;
        while (enumerator.MoveNext())
        {
        }

        Assert.False(enumerator.MoveNext());
        enumerator.Reset();
        Assert.True(enumerator.MoveNext());
        Assert.Same(first, enumerator.Current);
        enumerator.Dispose();
    }

    private static string Email(int i) => string.Create(CultureInfo.InvariantCulture, $"agent{i}@acme.test");

    private static void ThrowsNull(string parameterName, Action action) =>
        Assert.Equal(parameterName, Assert.Throws<ArgumentNullException>(action).ParamName);

    /// <summary>The payload stored under a key, checking that the stored value's key is equal to it.</summary>
    private static int Value<TKey>(PersistentMap<TKey, Entry<TKey>, EntryKey<TKey>> map, TKey key)
        where TKey : notnull
    {
        Assert.True(map.TryGetValue(key, out var entry), $"The map holds {key}.");
        Assert.True(map.KeyComparer.Equals(entry.Key, key), $"The value found for {key} has the key {entry.Key}.");
        return entry.Value;
    }

    private static (TKey Key, int Value)[] Entries<TKey>(PersistentMap<TKey, Entry<TKey>, EntryKey<TKey>> map)
        where TKey : notnull, IComparable<TKey> =>
        [.. map.Select(entry => (entry.Key, entry.Value)).OrderBy(entry => entry.Key)];

    /// <summary>A value whose equality ignores the case of its key, as a value type may choose.</summary>
    /// <param name="Key">The key.</param>
    /// <param name="Value">A payload.</param>
    private sealed record CaselessEntry(string Key, int Value)
    {
        /// <inheritdoc />
        public bool Equals(CaselessEntry? other) =>
            other is not null && StringComparer.OrdinalIgnoreCase.Equals(Key, other.Key) && Value == other.Value;

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Key), Value);
    }

    /// <summary>Reads a <see cref="CaselessEntry"/>'s key.</summary>
    private readonly struct CaselessEntryKey : IKeyOf<string, CaselessEntry>
    {
        /// <inheritdoc />
        public static string KeyOf(CaselessEntry value) => value.Key;
    }
}

/// <summary>A key reader for value types the map refuses; it is never called.</summary>
/// <typeparam name="TValue">The refused value type.</typeparam>
internal readonly struct FirstItemKey<TValue> : IKeyOf<int, TValue>
{
    /// <inheritdoc />
    public static int KeyOf(TValue value) => throw new InvalidOperationException("A refused map reads no key.");
}
