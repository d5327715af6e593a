using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;
using IntMap = Kixie.SeatPolicy.PersistentMap<int, Kixie.SeatPolicy.Tests.Collections.Entry<int>, Kixie.SeatPolicy.Tests.Collections.EntryKey<int>>;

namespace Kixie.SeatPolicy.Tests.Collections;

/// <summary>
/// The trie's shape as the properties rely on it: a builder writes the nodes it copied in place and
/// copies again once it handed them out, and <see cref="IntMap.VerifyStructure"/>, the oracle every
/// map property checks, refuses every broken trie it claims to refuse.
/// </summary>
public sealed class PersistentMapStructureTests
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

    [Fact]
    public void Builder_WritesTheNodesItCopiedInPlace_AndCopiesAgainAfterHandingThemOut()
    {
        var map = IntMap.CreateRange(Enumerable.Range(0, 64).Select(i => new Entry<int>(i, i)));
        var builder = map.ToBuilder();
        Assert.Same(MapRoot(map), BuilderRoot(builder)); // nothing copied before a change

        builder.SetItem(new(1, -1));
        var owned = BuilderRoot(builder);
        Assert.NotSame(MapRoot(map), owned);
        Assert.Equal(9, owned.Length); // an owned node carries the builder's token in a ninth slot

        builder.SetItem(new(2, -2));
        builder.Remove(3);
        builder.Add(new(100, 100));
        Assert.True(builder.TryAdd(new(101, 101)));
        Assert.Same(owned, BuilderRoot(builder)); // every later change wrote the same root in place

        var handed = builder.ToImmutable();
        Assert.Same(owned, MapRoot(handed));
        builder.SetItem(new(4, -4));
        Assert.NotSame(owned, BuilderRoot(builder)); // handed out: the next change copies again
        var again = BuilderRoot(builder);
        builder.Remove(5);
        Assert.Same(again, BuilderRoot(builder));

        Assert.Equal(4, Value(handed, 4));
        Assert.True(handed.ContainsKey(5));
        Assert.Equal(64, map.Count);
        Assert.Equal(1, Value(map, 1));
        handed.VerifyStructure();
    }

    [Fact]
    public void Builder_RemovingFirst_OwnsTheNodesItCopiedAsSettingDoes()
    {
        var map = IntMap.CreateRange(Enumerable.Range(0, 64).Select(i => new Entry<int>(i, i)));
        var builder = map.ToBuilder();

        Assert.False(builder.Remove(1_000));
        Assert.Same(MapRoot(map), BuilderRoot(builder)); // an absent key copies nothing
        Assert.True(builder.Remove(1));
        var owned = BuilderRoot(builder);
        Assert.True(builder.Remove(2));
        builder.SetItem(new(3, -3));
        Assert.Same(owned, BuilderRoot(builder));
        Assert.Equal(62, builder.Count);
    }

    [Fact]
    public void Builder_FromAnEmptyMap_OwnsItsFirstRoot()
    {
        var builder = IntMap.Empty().ToBuilder();
        builder.SetItem(new(1, 1));
        var owned = BuilderRoot(builder);
        builder.SetItem(new(2, 2));

        Assert.Same(owned, BuilderRoot(builder));
        Assert.Equal(2, builder.Count);
    }

    [Fact]
    public void PersistentUpdates_NeverWriteANodeInPlace()
    {
        var map = IntMap.CreateRange(Enumerable.Range(0, 64).Select(i => new Entry<int>(i, i)));
        var root = MapRoot(map);
        var snapshot = root.ToArray();

        var changed = map.SetItem(new(1, -1)).Remove(2).Add(new(100, 100));

        Assert.Equal(snapshot, root);
        Assert.Equal(8, MapRoot(changed).Length); // a map's own nodes carry no token
    }

    [Fact]
    public void VerifyStructure_CountsNodesAndLevels()
    {
        var deep = IntMap.Empty(SpreadHashComparer.Deep);

        Assert.Equal((1, 1), deep.SetItem(new(1 << 29, 0)).VerifyStructure());
        Assert.Equal((2, 2), deep.SetItem(new(0, 0)).SetItem(new(1 << 26, 1)).VerifyStructure());
        Assert.Equal((3, 3), deep.SetItem(new(0, 0)).SetItem(new(1 << 23, 1)).SetItem(new(1 << 29, 2)).VerifyStructure());
    }

    [Fact]
    public void VerifyStructure_EmptyRootWithACount_IsRefused() =>
        Refused("an empty trie must have a zero count", Map(null, 1));

    [Fact]
    public void VerifyStructure_CountThatIsNotTheNumberOfValues_IsRefused() =>
        Refused("the count must equal the number of values", Map(Node((0, E(0))), 2));

    [Fact]
    public void VerifyStructure_RootWithoutValues_IsRefused() =>
        Refused("a map with a root must have values", Map(Node(), 0));

    [Fact]
    public void VerifyStructure_NodeOfTheWrongSize_IsRefused()
    {
        Refused("a node must have eight slots, or nine with an owner's token", Map(new object?[7], 0));
        Refused("a node must have eight slots, or nine with an owner's token", Map(new object?[9], 0));
        Refused("a node must have eight slots, or nine with an owner's token", Map(new object?[10], 0));

        var owned = new object?[9];
        owned[0] = E(0);
        owned[8] = new object();
        Assert.Equal((1, 1), Map(owned, 1).VerifyStructure());
    }

    [Fact]
    public void VerifyStructure_ValueOffItsPath_IsRefused()
    {
        // With the Deep comparer a key's spread hash is the key: 0 belongs in slot 0, 1 << 29 in slot 1.
        Refused("a value must sit on the path its key's hash selects", Map(Node((5, E(0))), 1));
        Refused("a value must sit on the path its key's hash selects", Map(Node((0, E(1 << 29))), 1));
        Refused("a value must sit on the path its key's hash selects", Map(Node((0, Node((1, E(0)), (2, E(1 << 23))))), 2));
        Assert.Equal((1, 1), Map(Node((1, E(1 << 29))), 1).VerifyStructure());
        Assert.Equal((2, 2), Map(Node((0, Node((0, E(0)), (1, E(1 << 26))))), 2).VerifyStructure());
    }

    [Fact]
    public void VerifyStructure_ValueAtTheLastLevelOffItsPath_IsRefused()
    {
        // Keys 0 and 1 share every bit but the last: eleven levels, the last reading two bits.
        var two = IntMap.Empty(SpreadHashComparer.Deep).SetItem(new(0, 0)).SetItem(new(1, 1));
        var bottom = MapRoot(two);
        for (var level = 1; level < 11; level++)
        {
            bottom = (object?[])bottom[0]!;
        }

        Assert.Same(two.TryGetValue(1, out var one) ? one : null, bottom[2]); // the last two bits shifted left by one
        bottom[3] = bottom[2];
        bottom[2] = null;
        Refused("a value must sit on the path its key's hash selects", two);
    }

    [Fact]
    public void VerifyStructure_BrokenBuckets_AreRefused()
    {
        var collide = SpreadHashComparer.AllCollide;
        var slot = (0x1234_5678u >> 29) & 7;

        Refused("a bucket must hold two or more values", Map(Node(((int)slot, new[] { E(1) })), 1, collide));
        Refused("a bucket must hold no null", Map(Node(((int)slot, new[] { E(1), null! })), 2, collide));
        Refused("a bucket's keys must be distinct", Map(Node(((int)slot, new[] { E(1), E(1) })), 2, collide));
        Refused("a bucket's keys must share one hash", Map(Node((0, new[] { E(0), E(1) })), 2));
        Assert.Equal((1, 1), Map(Node(((int)slot, new[] { E(1), E(2), E(3) })), 3, collide).VerifyStructure());
    }

    [Fact]
    public void VerifyStructure_DeadNodesBelowTheRoot_AreRefused()
    {
        Refused("a node below the root must not be empty", Map(Node((0, Node()), (1, E(1 << 29))), 1));
        Refused("a node below the root must not hold a single value alone", Map(Node((0, Node((0, E(0)))), (1, E(1 << 29))), 2));
        var hash = 0x1234_5678u; // every key's spread hash under AllCollide
        var bucketAlone = Node(((int)(hash >> 29), Node(((int)((hash << 3) >> 29), new[] { E(0), E(1) }))));
        Refused("a node below the root must not hold a single value alone", Map(bucketAlone, 2, SpreadHashComparer.AllCollide));
        Assert.Equal((3, 3), Map(Node((0, Node((0, Node((0, E(0)), (1, E(1 << 23))))))), 2).VerifyStructure());
    }

    [Fact]
    public void VerifyStructure_SlotHoldingSomethingElse_IsRefused() =>
        Refused("a slot must hold null, a node, a value or a bucket", Map(Node((0, "not an entry")), 1));

    [Fact]
    public void VerifyStructure_MoreThanElevenLevels_IsRefused()
    {
        object?[] chain = Node((0, E(0)), (1, E(1)));
        for (var level = 0; level < 11; level++)
        {
            chain = Node((0, chain));
        }

        Refused("the trie must be at most eleven levels deep", Map(chain, 2));
    }

    private static Entry<int> E(int key) => new(key, key);

    private static object?[] Node(params (int Slot, object Content)[] slots)
    {
        var node = new object?[8];
        foreach (var (slot, content) in slots)
        {
            node[slot] = content;
        }

        return node;
    }

    /// <summary>A map around a hand-made trie (the Deep comparer unless told), as only a bug could make one.</summary>
    private static IntMap Map(object?[]? root, int count, IEqualityComparer<int>? comparer = null)
    {
        object boxed = default(IntMap);
        typeof(IntMap).GetField("_root", Private)!.SetValue(boxed, root);
        typeof(IntMap).GetField("<Count>k__BackingField", Private)!.SetValue(boxed, count);
        typeof(IntMap).GetField("_comparer", Private)!.SetValue(boxed, comparer ?? SpreadHashComparer.Deep);
        return (IntMap)boxed;
    }

    private static void Refused(string invariant, IntMap map) =>
        Assert.Equal(
            "Persistent map invariant broken: " + invariant + ".",
            Assert.Throws<InvalidOperationException>(() => map.VerifyStructure()).Message);

    private static object?[] MapRoot(IntMap map) => (object?[])typeof(IntMap).GetField("_root", Private)!.GetValue(map)!;

    private static object?[] BuilderRoot(IntMap.Builder builder) => (object?[])typeof(IntMap.Builder).GetField("_root", Private)!.GetValue(builder)!;

    private static int Value(IntMap map, int key) => map.TryGetValue(key, out var entry) ? entry.Value : throw new KeyNotFoundException(key.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
