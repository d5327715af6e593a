using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;

namespace Kixie.SeatPolicy.Tests.Collections;

/// <summary>Examples of <see cref="PersistentMap{TKey, TValue}"/> and its builder.</summary>
public sealed class PersistentMapTests
{
    [Fact]
    public void Empty_HoldsNothing()
    {
        var map = PersistentMap<string, int>.Empty();

        Assert.Equal(0, map.Count);
        Assert.False(map.TryGetValue("a", out var value));
        Assert.Equal(0, value);
        Assert.False(map.ContainsKey("a"));
        Assert.Empty(map);
        Assert.Same(EqualityComparer<string>.Default, map.KeyComparer);
        Assert.Same(StringComparer.OrdinalIgnoreCase, PersistentMap<string, int>.Empty(StringComparer.OrdinalIgnoreCase).KeyComparer);
        Assert.Equal((0, 0), map.VerifyStructure());
    }

    [Fact]
    public void SetItem_NewAndExistingKeys_ReturnsNewMapsAndLeavesTheOldOnesUnchanged()
    {
        var empty = PersistentMap<string, int>.Empty();
        var one = empty.SetItem("a", 1);
        var two = one.SetItem("b", 2);
        var replaced = two.SetItem("a", 10);

        Assert.Equal(0, empty.Count);
        Assert.Equal([("a", 1)], Entries(one));
        Assert.Equal([("a", 1), ("b", 2)], Entries(two));
        Assert.Equal([("a", 10), ("b", 2)], Entries(replaced));
        Assert.Equal(2, replaced.Count);
    }

    [Fact]
    public void SetItem_EqualValue_ReturnsTheSameInstanceAndKeepsTheStoredKey()
    {
        var map = PersistentMap<string, int>.Empty(StringComparer.OrdinalIgnoreCase).SetItem("Ada@acme.test", 1);

        Assert.True((map).IsSameTrieAs(map.SetItem("Ada@acme.test", 1)));
        Assert.True((map).IsSameTrieAs(map.SetItem("ADA@ACME.TEST", 1)));
        Assert.Equal([("Ada@acme.test", 1)], Entries(map));
    }

    [Fact]
    public void SetItem_EqualKeyInAnotherCaseWithANewValue_StoresTheNewKey()
    {
        var map = PersistentMap<string, int>.Empty(StringComparer.OrdinalIgnoreCase).SetItem("Ada@acme.test", 1);

        var updated = map.SetItem("ADA@acme.test", 2);

        Assert.Equal([("ADA@acme.test", 2)], Entries(updated));
        Assert.True(updated.TryGetValue("ada@ACME.test", out var value));
        Assert.Equal(2, value);
        Assert.Equal([("Ada@acme.test", 1)], Entries(map));
    }

    [Fact]
    public void Remove_AbsentKey_ReturnsTheSameInstance()
    {
        var empty = PersistentMap<int, int>.Empty(SpreadHashComparer.AllCollide);
        var map = empty.SetItem(1, 1).SetItem(2, 2);
        var single = empty.SetItem(1, 1);

        Assert.True((empty).IsSameTrieAs(empty.Remove(1)));
        Assert.True((map).IsSameTrieAs(map.Remove(3))); // same hash as the bucket's keys, yet absent
        Assert.True((single).IsSameTrieAs(single.Remove(2))); // same hash as the leaf's key, yet absent

        var spread = PersistentMap<int, int>.Empty().SetItem(1, 1).SetItem(2, 2);
        Assert.True((spread).IsSameTrieAs(spread.Remove(3)));
    }

    [Fact]
    public void Add_ExistingKey_ThrowsWithParamNameKeyEvenForAnEqualValue()
    {
        var map = PersistentMap<string, int>.Empty(StringComparer.OrdinalIgnoreCase).Add("a", 1);

        Assert.Equal("key", Assert.Throws<ArgumentException>(() => map.Add("a", 1)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => map.Add("A", 2)).ParamName);
        Assert.Equal([("a", 1)], Entries(map));
        Assert.Equal(2, map.Add("b", 2).Count);
    }

    [Fact]
    public void Builder_AddExistingKey_ThrowsAndChangesNothing()
    {
        var builder = PersistentMap<int, int>.Empty(SpreadHashComparer.AllCollide).ToBuilder();
        builder.Add(1, 1);
        builder.Add(2, 2);

        Assert.Equal("key", Assert.Throws<ArgumentException>(() => builder.Add(2, 3)).ParamName);
        Assert.Equal(2, builder.Count);
        Assert.True(builder.TryGetValue(2, out var value));
        Assert.Equal(2, value);
    }

    [Fact]
    public void NullKey_Throws()
    {
        var map = PersistentMap<string, int>.Empty();
        var builder = map.ToBuilder();

        Assert.Throws<ArgumentNullException>(() => map.SetItem(null!, 1));
        Assert.Throws<ArgumentNullException>(() => map.Add(null!, 1));
        Assert.Throws<ArgumentNullException>(() => map.Remove(null!));
        Assert.Throws<ArgumentNullException>(() => map.TryGetValue(null!, out _));
        Assert.Throws<ArgumentNullException>(() => builder.SetItem(null!, 1));
        Assert.Throws<ArgumentNullException>(() => builder.Remove(null!));
        Assert.Throws<ArgumentNullException>(() => builder.ContainsKey(null!));
        Assert.Throws<ArgumentNullException>(() => PersistentMap<string, int>.CreateRange(null!));
    }

    [Fact]
    public void FullHashCollisions_ShareOneBucketUntilOneKeyIsLeft()
    {
        var keys = Enumerable.Range(0, 50).ToArray();
        var map = keys.Aggregate(PersistentMap<int, string>.Empty(SpreadHashComparer.AllCollide), (m, k) => m.Add(k, $"v{k}"));

        Assert.Equal(50, map.Count);
        Assert.Equal((1, 1), map.VerifyStructure()); // the root, holding one bucket
        Assert.All(keys, k => Assert.Equal($"v{k}", Value(map, k)));
        Assert.False(map.ContainsKey(50));

        var replaced = map.SetItem(17, "new");
        Assert.Equal("new", Value(replaced, 17));
        Assert.Equal("v17", Value(map, 17));
        Assert.Equal(50, replaced.Count);

        var shrinking = map;
        foreach (var k in keys.Take(49))
        {
            shrinking = shrinking.Remove(k);
            shrinking.VerifyStructure();
            Assert.False(shrinking.ContainsKey(k));
        }

        Assert.Equal([(49, "v49")], Entries(shrinking));
        Assert.Equal(50, map.Count);
        Assert.Same(PersistentMap<int, string>.Empty().KeyComparer, PersistentMap<int, string>.Empty().KeyComparer);
    }

    [Fact]
    public void PartialCollisions_BucketsAndLeavesSideBySide()
    {
        var map = PersistentMap<int, int>.Empty(SpreadHashComparer.Modulo3);
        for (var k = 0; k < 30; k++)
        {
            map = map.SetItem(k, k * 10);
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
        var one = PersistentMap<int, int>.Empty(SpreadHashComparer.Deep).SetItem(0, 0);
        var two = one.SetItem(1, 1);

        Assert.Equal((11, 11), two.VerifyStructure()); // a chain of single-child nodes down to the last level
        Assert.Equal(1, Value(two, 1));

        var back = two.Remove(1);
        Assert.Equal((1, 1), back.VerifyStructure()); // the remaining leaf is pulled up to the root
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
        var full = PersistentMap<int, int>.CreateRange(keys.Select(k => KeyValuePair.Create(k, k)));
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
        var map = PersistentMap<string, int>.Empty(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < 100_000; i++)
        {
            map = map.Add(Email(i), i);
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
        foreach (var (key, value) in map)
        {
            Assert.Equal(Email(value), key);
            enumerated++;
        }

        Assert.Equal(100_000, enumerated);
    }

    [Fact]
    public void Builder_ChangesNeverReachTheSourceOrAnyMapItReturned()
    {
        var source = PersistentMap<string, int>.CreateRange(Enumerable.Range(0, 1_000).Select(i => KeyValuePair.Create($"s{i}", i)));
        var builder = source.ToBuilder();

        Assert.True((source).IsSameTrieAs(builder.ToImmutable())); // nothing changed yet

        builder.SetItem("s1", -1);
        builder.Remove("s2");
        builder.SetItem("s1000", 1_000);
        var first = builder.ToImmutable();
        Assert.True((first).IsSameTrieAs(builder.ToImmutable()));

        builder.SetItem("s1", -2);
        builder.Remove("s3");
        builder.Add("s1001", 1_001);
        builder.SetItem("s4", 4); // equal value: no change
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

        builder.SetItem("s4", 4);
        Assert.True((second).IsSameTrieAs(builder.ToImmutable())); // an equal value is no change
        source.VerifyStructure();
        first.VerifyStructure();
        second.VerifyStructure();
    }

    [Fact]
    public void TwoBuildersFromOneMap_DoNotSeeEachOther()
    {
        var source = PersistentMap<int, int>.CreateRange(Enumerable.Range(0, 100).Select(i => KeyValuePair.Create(i, i)));
        var left = source.ToBuilder();
        var right = source.ToBuilder();

        for (var i = 0; i < 100; i += 2)
        {
            left.SetItem(i, -i);
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
        var map = PersistentMap<string, int>.CreateRange(
            [KeyValuePair.Create("a", 1), KeyValuePair.Create("b", 2), KeyValuePair.Create("A", 3)],
            StringComparer.OrdinalIgnoreCase);

        Assert.Equal([("A", 3), ("b", 2)], Entries(map));
        Assert.Same(StringComparer.OrdinalIgnoreCase, map.KeyComparer);
    }

    [Fact]
    public void Enumeration_StructAndInterface_AgreeAndReset()
    {
        var map = PersistentMap<int, int>.CreateRange(Enumerable.Range(0, 500).Select(i => KeyValuePair.Create(i, i * i)));

        var viaStruct = new List<KeyValuePair<int, int>>();
        foreach (var entry in map)
        {
            viaStruct.Add(entry);
        }

        var viaInterface = ((IEnumerable<KeyValuePair<int, int>>)map).ToList();
        var viaObject = ((IEnumerable)map).Cast<KeyValuePair<int, int>>().ToList();
        Assert.Equal(viaStruct, viaInterface);
        Assert.Equal(viaStruct, viaObject);
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
        Assert.Equal(first, enumerator.Current);
        enumerator.Dispose();
    }

    private static string Email(int i) => string.Create(CultureInfo.InvariantCulture, $"agent{i}@acme.test");

    private static TValue Value<TKey, TValue>(PersistentMap<TKey, TValue> map, TKey key)
        where TKey : notnull
    {
        Assert.True(map.TryGetValue(key, out var value), $"The map holds {key}.");
        return value;
    }

    private static (TKey, TValue)[] Entries<TKey, TValue>(PersistentMap<TKey, TValue> map)
        where TKey : notnull, IComparable<TKey> =>
        [.. map.Select(entry => (entry.Key, entry.Value)).OrderBy(entry => entry.Key)];
}
