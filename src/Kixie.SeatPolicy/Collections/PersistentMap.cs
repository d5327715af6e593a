using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Kixie.SeatPolicy;

/// <summary>How a <see cref="PersistentMap{TKey, TValue, TKeyOf}"/> reads the key a value is stored under.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal interface IKeyOf<TKey, TValue>
{
    /// <summary>
    /// The key of a value: the same for as long as the value is in a map. A map refuses a value whose
    /// key is null (<see cref="ArgumentNullException"/>).
    /// </summary>
    /// <param name="value">A value.</param>
    /// <returns>Its key.</returns>
    static abstract TKey KeyOf(TValue value);
}

/// <summary>
/// An immutable, persistent hash map of values that carry their own key (a seat its id, an event its
/// command id): every update returns a new map that shares all but one path of the old one, and the old
/// map never changes.
/// </summary>
/// <remarks>
/// <para>The map is a hash trie with eight-way branching. A node is a plain <c>object?[]</c> of eight
/// slots (nine when a <see cref="Builder"/> owns it, the ninth slot holding the builder's ownership
/// token); a slot is empty, a child node, a value, or a bucket (a <c>TValue[]</c> of two or more values
/// whose keys' 32-bit hashes are equal). Values sit in the slots themselves: the key is read from the
/// value (<typeparamref name="TKeyOf"/>) and its hash recomputed when needed, so an entry costs no object
/// of its own. Level <c>n</c> is indexed by three bits of the key's hash, most significant first, so a
/// map of 100,000 keys is about six levels deep and an update copies one 88-byte array per level.</para>
/// <para>A value must therefore be neither an <c>object[]</c> nor a <c>TValue[]</c> (those are nodes and
/// buckets): <typeparamref name="TValue"/> is a class that is not an array.</para>
/// <para>The comparer's hash is multiplied by an odd constant (Fibonacci hashing) before use: a
/// bijection, so keys collide exactly when their hashes do, but the bits the trie reads first depend on
/// every bit of the hash, which keeps the trie shallow for hashes that only vary in their low bits.</para>
/// <para>The trie is kept canonical: a value sits in the shallowest node where its hash prefix is
/// unique, and a removal that leaves a node with a single value or bucket and no child node pulls it up,
/// so the shape depends only on the set of keys, never on the history of updates, and no empty or dead
/// nodes are kept.</para>
/// <para>Immutable once published, so any number of threads may read a map concurrently. A
/// <see cref="Builder"/> is not thread-safe.</para>
/// <para>A struct of three fields (root, count, comparer), so that an update allocates only the
/// path it copies, not a wrapper. The default value is not a map: start from <see cref="Empty"/>.</para>
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type: a class, not an array, whose key <typeparamref name="TKeyOf"/> reads.</typeparam>
/// <typeparam name="TKeyOf">Reads a value's key (a struct, so that the call is direct).</typeparam>
[SuppressMessage("Performance", "CA1815:Override equals and operator equals on value types", Justification = "A map is compared by its entries where that matters (Account equality), never with ==.")]
internal readonly struct PersistentMap<TKey, TValue, TKeyOf> : IEnumerable<TValue>
    where TKey : notnull
    where TValue : class
    where TKeyOf : struct, IKeyOf<TKey, TValue>
{
    /// <summary>
    /// The odd constant the comparer's hash is multiplied by (2³² divided by the golden ratio). Visible
    /// to tests so that they can choose keys whose spread hashes share long prefixes.
    /// </summary>
    internal const uint HashMultiplier = 0x9E3779B9u;

    /// <summary>The number of slots of a node.</summary>
    private const int Width = 8;

    /// <summary>The hash bits that index one level.</summary>
    private const int BitsPerLevel = 3;

    /// <summary>The shift of the deepest level, which reads the hash's last two bits.</summary>
    private const int LastShift = 30;

    /// <summary>The most levels a trie can have (shifts 0, 3, …, 30).</summary>
    private const int MaxLevels = 11;

    /// <summary>Up to this many values, <see cref="TryCreateDistinct"/> sorts by comparison instead of by radix.</summary>
    internal const int ComparisonSortLimit = 4_096;

    private readonly object?[]? _root;
    private readonly IEqualityComparer<TKey> _comparer;

    /// <summary>Wraps a trie.</summary>
    /// <param name="root">The root node, or <see langword="null"/> when the map is empty.</param>
    /// <param name="count">The number of entries in the trie.</param>
    /// <param name="comparer">The key comparer the trie was built with.</param>
    private PersistentMap(object?[]? root, int count, IEqualityComparer<TKey> comparer)
    {
        Debug.Assert(root is null == (count == 0), "Only the empty map has no root.");
        _root = root;
        Count = count;
        _comparer = comparer;
    }

    /// <summary>The number of entries.</summary>
    public int Count { get; }

    /// <summary>The comparer that decides which keys are equal.</summary>
    public IEqualityComparer<TKey> KeyComparer => _comparer;

    /// <summary>
    /// Whether two maps are one trie (the same root and count): what an update that changed nothing
    /// returns, since it allocates nothing.
    /// </summary>
    /// <param name="other">Another map.</param>
    /// <returns><see langword="true"/> when both maps share their trie.</returns>
    public bool IsSameTrieAs(PersistentMap<TKey, TValue, TKeyOf> other) =>
        ReferenceEquals(_root, other._root) && Count == other.Count && ReferenceEquals(_comparer, other._comparer);

    /// <summary>Outcome of an add-or-replace on a trie.</summary>
    private enum Effect
    {
        /// <summary>The key was present with an equal value: nothing changed.</summary>
        None,

        /// <summary>The key was present and its value was replaced.</summary>
        Replaced,

        /// <summary>The key was absent and was added.</summary>
        Added,

        /// <summary>An add found the key present and changed nothing.</summary>
        Present,
    }

    /// <summary>An empty map.</summary>
    /// <param name="comparer">The key comparer; <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <returns>A new empty map (it allocates nothing).</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="TValue"/> is an array type, or one an <c>object[]</c> or a <c>TValue[]</c> converts to: its values could not be told from the trie's nodes and buckets.</exception>
    public static PersistentMap<TKey, TValue, TKeyOf> Empty(IEqualityComparer<TKey>? comparer = null)
    {
        if (typeof(TValue).IsArray
            || typeof(TValue).IsAssignableFrom(typeof(object[]))
            || typeof(TValue).IsAssignableFrom(typeof(TValue[])))
        {
            throw new NotSupportedException($"A persistent map cannot hold values of type {typeof(TValue)}: they could be arrays.");
        }

        return new(null, 0, comparer ?? EqualityComparer<TKey>.Default);
    }

    /// <summary>A map of the given values, built in place by a <see cref="Builder"/>.</summary>
    /// <param name="values">The values; a later value replaces an earlier one with an equal key.</param>
    /// <param name="comparer">The key comparer; <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/>, one of them or one of their keys is null.</exception>
    public static PersistentMap<TKey, TValue, TKeyOf> CreateRange(IEnumerable<TValue> values, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = Empty(comparer).ToBuilder();
        foreach (var value in values)
        {
            builder.SetItem(value);
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// A map of values whose keys must be distinct, built in one pass: the values are sorted by hash
    /// and every node is made once, in the canonical shape, instead of walking a large trie once per
    /// value as a <see cref="Builder"/> does.
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="comparer">The key comparer; <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <param name="map">The map, or an empty map when two keys are equal.</param>
    /// <param name="duplicate">A key that two values share, when there is one.</param>
    /// <returns>Whether the keys were distinct.</returns>
    /// <exception cref="ArgumentNullException">A value or its key is null.</exception>
    public static bool TryCreateDistinct(
        ReadOnlySpan<TValue> values,
        IEqualityComparer<TKey>? comparer,
        out PersistentMap<TKey, TValue, TKeyOf> map,
        [MaybeNullWhen(true)] out TKey duplicate)
    {
        comparer ??= EqualityComparer<TKey>.Default;
        map = Empty(comparer);
        duplicate = default;
        if (values.IsEmpty)
        {
            return true;
        }

        // Sorting by the unsigned hash makes the values of every slot of every level contiguous, since
        // a level reads the hash's bits most significant first.
        var sorted = new ulong[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            sorted[i] = ((ulong)unchecked((uint)HashOf(comparer, RequireValue(values[i]))) << 32) | (uint)i;
        }

        SortByHash(sorted);
        for (var end = 1; end <= sorted.Length; end++)
        {
            // Equal keys have equal hashes, so they meet in a run of one hash.
            var start = end - 1;
            while (end < sorted.Length && HashAt(sorted, end) == HashAt(sorted, start))
            {
                end++;
            }

            for (var j = start + 1; j < end; j++)
            {
                var key = TKeyOf.KeyOf(ValueAt(values, sorted, j));
                for (var k = start; k < j; k++)
                {
                    if (comparer.Equals(TKeyOf.KeyOf(ValueAt(values, sorted, k)), key))
                    {
                        duplicate = key;
                        return false;
                    }
                }
            }
        }

        var root = NewNode(null);
        FillNode(root, values, sorted, 0, sorted.Length, 0);
        map = new PersistentMap<TKey, TValue, TKeyOf>(root, sorted.Length, comparer);
        return true;
    }

    /// <summary>The spread hash of the <paramref name="i"/>-th value in hash order.</summary>
    private static int HashAt(ulong[] sorted, int i) => unchecked((int)(sorted[i] >> 32));

    /// <summary>The <paramref name="i"/>-th value in hash order.</summary>
    private static TValue ValueAt(ReadOnlySpan<TValue> values, ulong[] sorted, int i) => values[unchecked((int)(uint)sorted[i])];

    /// <summary>
    /// Sorts values given as <c>hash &lt;&lt; 32 | position</c> by hash: a least-significant-digit radix
    /// sort in two passes of 16 bits, linear in the number of values, or for a few values (where the
    /// radix sort's two 65,537-entry tables would cost more than they save) a comparison sort.
    /// </summary>
    private static void SortByHash(ulong[] entries)
    {
        if (entries.Length <= ComparisonSortLimit)
        {
            Array.Sort(entries);
            return;
        }

        var scratch = new ulong[entries.Length];
        RadixPass(entries, scratch, 32);
        RadixPass(scratch, entries, 48);
    }

    /// <summary>Moves the entries into <paramref name="to"/> ordered by the 16 bits at <paramref name="shift"/>, keeping the order of equal digits.</summary>
    private static void RadixPass(ulong[] from, ulong[] to, int shift)
    {
        const int digits = 1 << 16;
        var starts = new int[digits + 1];
        foreach (var entry in from)
        {
            starts[(int)((entry >> shift) & (digits - 1)) + 1]++;
        }

        for (var digit = 1; digit <= digits; digit++)
        {
            starts[digit] += starts[digit - 1];
        }

        foreach (var entry in from)
        {
            to[starts[(int)((entry >> shift) & (digits - 1))]++] = entry;
        }
    }

    /// <summary>Fills a node's slots with the values <c>[start, end)</c> in hash order, which share the bits read above <paramref name="shift"/>.</summary>
    private static void FillNode(object?[] node, ReadOnlySpan<TValue> values, ulong[] sorted, int start, int end, int shift)
    {
        while (start < end)
        {
            var index = Index(HashAt(sorted, start), shift);
            var next = start + 1;
            while (next < end && Index(HashAt(sorted, next), shift) == index)
            {
                next++;
            }

            node[index] = Slot(values, sorted, start, next, shift);
            start = next;
        }
    }

    /// <summary>
    /// What one slot holds for the values <c>[start, end)</c> in hash order: the value itself, a bucket
    /// when they all have one hash, or else a child node (the values part at some level below).
    /// </summary>
    private static object Slot(ReadOnlySpan<TValue> values, ulong[] sorted, int start, int end, int shift)
    {
        if (end - start == 1)
        {
            return ValueAt(values, sorted, start);
        }

        if (HashAt(sorted, start) == HashAt(sorted, end - 1))
        {
            var bucket = new TValue[end - start];
            for (var i = 0; i < bucket.Length; i++)
            {
                bucket[i] = ValueAt(values, sorted, start + i);
            }

            return bucket;
        }

        var child = NewNode(null);
        FillNode(child, values, sorted, start, end, shift + BitsPerLevel);
        return child;
    }

    /// <summary>Looks a key up.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value with that key when found; otherwise null.</param>
    /// <returns>Whether the map holds the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        RequireKey(key);
        value = Find(_root, key, _comparer);
        return value is not null;
    }

    /// <summary>Whether the map holds a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the map holds a value whose key equals <paramref name="key"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool ContainsKey(TKey key) => TryGetValue(key, out _);

    /// <summary>Adds a value, or replaces the one with an equal key.</summary>
    /// <remarks>
    /// When the map already holds an equal value (by <see cref="EqualityComparer{T}.Default"/>) under an
    /// equal key, returns this map and keeps the stored value; otherwise the map stores
    /// <paramref name="value"/> itself.
    /// </remarks>
    /// <param name="value">The value.</param>
    /// <returns>The map with the value; this map is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> or its key is null.</exception>
    public PersistentMap<TKey, TValue, TKeyOf> SetItem(TValue value) => Set(value, add: false, out _);

    /// <summary>Adds a value whose key must be absent.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The map with the value; this map is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> or its key is null.</exception>
    /// <exception cref="ArgumentException">The map already holds an equal key (whatever its value).</exception>
    public PersistentMap<TKey, TValue, TKeyOf> Add(TValue value) =>
        TryAdd(value, out var map) ? map : throw DuplicateKey();

    /// <summary>Adds a value unless its key is present, walking the trie once.</summary>
    /// <param name="value">The value.</param>
    /// <param name="map">The map with the value, or this map when the key was present.</param>
    /// <returns>Whether the key was absent and the value was added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> or its key is null.</exception>
    public bool TryAdd(TValue value, out PersistentMap<TKey, TValue, TKeyOf> map)
    {
        map = Set(value, add: true, out var effect);
        return effect != Effect.Present;
    }

    /// <summary>Removes a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The map without the key, or this very map when the key is absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public PersistentMap<TKey, TValue, TKeyOf> Remove(TKey key)
    {
        RequireKey(key);
        if (_root is null)
        {
            return this;
        }

        var removed = false;
        var result = RemoveFrom(_root, 0, Spread(_comparer, key), key, null, _comparer, ref removed);
        if (!removed)
        {
            return this;
        }

        return Count == 1 ? Empty(_comparer) : new(AsNode(result!), Count - 1, _comparer);
    }

    /// <summary>A builder that starts from this map's values; this map never changes.</summary>
    /// <returns>The builder.</returns>
    public Builder ToBuilder() => new(this);

    /// <summary>An enumerator over the values, in no particular order; it allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_root);

    /// <inheritdoc />
    IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Checks the trie's invariants (for tests): node sizes and tokens, every value on the path its key's
    /// hash selects, buckets of two or more distinct keys with one hash, no empty node and no node below
    /// the root holding only one value, and the count.
    /// </summary>
    /// <returns>The number of nodes and the number of levels.</returns>
    /// <exception cref="InvalidOperationException">An invariant does not hold.</exception>
    internal (int Nodes, int Levels) VerifyStructure()
    {
        if (_root is null)
        {
            Check(Count == 0, "an empty trie must have a zero count");
            return (0, 0);
        }

        var (nodes, levels, entries) = VerifyNode(_root, 0, 0, _comparer);
        Check(entries == Count, "the count must equal the number of values");
        Check(entries > 0, "a map with a root must have values");
        return (nodes, levels);
    }

    /// <summary>
    /// Adds or replaces a value, or with <paramref name="add"/> adds one whose key must be absent (an
    /// add that finds the key reports <see cref="Effect.Present"/> and returns this map).
    /// </summary>
    private PersistentMap<TKey, TValue, TKeyOf> Set(TValue value, bool add, out Effect effect)
    {
        var key = TKeyOf.KeyOf(RequireValue(value));
        var hash = Spread(_comparer, key);
        if (_root is null)
        {
            var root = NewNode(null);
            root[Index(hash, 0)] = value;
            effect = Effect.Added;
            return new(root, 1, _comparer);
        }

        effect = Effect.None;
        var newRoot = SetIn(_root, 0, hash, key, value, add, null, _comparer, ref effect);
        return effect switch
        {
            Effect.None or Effect.Present => this,
            Effect.Replaced => new(newRoot, Count, _comparer),
            _ => new(newRoot, Count + 1, _comparer),
        };
    }

    /// <summary>
    /// Throws when <paramref name="key"/> is null. Unlike <c>ArgumentNullException.ThrowIfNull(object)</c>,
    /// this never boxes a value-type key (the JIT folds the test away for structs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireKey(TKey key)
    {
        if (key is null)
        {
            ThrowNull("key");
        }
    }

    /// <summary>A value that is not null and has a key, or an <see cref="ArgumentNullException"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TValue RequireValue(TValue value)
    {
        if (value is null)
        {
            ThrowNull(nameof(value));
        }

        if (TKeyOf.KeyOf(value) is null)
        {
            ThrowNull("key");
        }

        return value;
    }

    [DoesNotReturn]
    private static void ThrowNull(string parameterName) => throw new ArgumentNullException(parameterName);

    /// <summary>The comparer's hash of a key, spread by <see cref="HashMultiplier"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Spread(IEqualityComparer<TKey> comparer, TKey key) =>
        unchecked((int)((uint)comparer.GetHashCode(key) * HashMultiplier));

    /// <summary>The spread hash of a value's key (values store no hash: it is computed again when needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashOf(IEqualityComparer<TKey> comparer, TValue value) => Spread(comparer, TKeyOf.KeyOf(value));

    /// <summary>The slot a hash selects in a node at the given shift: three bits, most significant first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(int hash, int shift) => unchecked((int)(((uint)hash << shift) >> (32 - BitsPerLevel)));

    /// <summary>Whether a non-null slot holds a child node (nodes are exactly <c>object[]</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNode(object slot) => slot.GetType() == typeof(object[]);

    /// <summary>Whether a non-null slot that is not a node holds a bucket (buckets are exactly <c>TValue[]</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBucket(object slot) => slot.GetType() == typeof(TValue[]);

    /// <summary>A slot known to hold a node, as a node.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static object?[] AsNode(object slot)
    {
        Debug.Assert(IsNode(slot), "The slot must hold a node.");
        return Unsafe.As<object?[]>(slot);
    }

    /// <summary>A slot known to hold a bucket, as a bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TValue[] AsBucket(object slot)
    {
        Debug.Assert(IsBucket(slot), "The slot must hold a bucket.");
        return Unsafe.As<TValue[]>(slot);
    }

    /// <summary>A slot known to hold one value, as that value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TValue AsValue(object slot)
    {
        Debug.Assert(slot is TValue && !IsNode(slot) && !IsBucket(slot), "The slot must hold a value.");
        return Unsafe.As<TValue>(slot);
    }

    /// <summary>A new empty node: eight slots, or nine with the owner's token when a builder owns it.</summary>
    private static object?[] NewNode(object? owner)
    {
        if (owner is null)
        {
            return new object?[Width];
        }

        var node = new object?[Width + 1];
        node[Width] = owner;
        return node;
    }

    /// <summary>
    /// A node that may be written: the node itself when <paramref name="owner"/> owns it, otherwise a copy
    /// (owned by <paramref name="owner"/> when it is not null).
    /// </summary>
    private static object?[] Writable(object?[] node, object? owner)
    {
        if (owner is not null && node.Length > Width && ReferenceEquals(node[Width], owner))
        {
            return node;
        }

        var copy = NewNode(owner);
        new ReadOnlySpan<object?>(node, 0, Width).CopyTo(copy);
        return copy;
    }

    /// <summary>Looks a key up in a trie: the value with that key, or null.</summary>
    private static TValue? Find(object?[]? node, TKey key, IEqualityComparer<TKey> comparer)
    {
        if (node is null)
        {
            return null;
        }

        var bits = unchecked((uint)Spread(comparer, key));
        while (true)
        {
            var slot = node[unchecked((int)(bits >> (32 - BitsPerLevel)))];
            if (slot is null)
            {
                return null;
            }

            if (IsNode(slot))
            {
                node = AsNode(slot);
                bits <<= BitsPerLevel;
                continue;
            }

            if (IsBucket(slot))
            {
                var bucket = AsBucket(slot);
                var at = IndexInBucket(bucket, key, comparer);
                return at >= 0 ? bucket[at] : null;
            }

            var value = AsValue(slot);
            return comparer.Equals(TKeyOf.KeyOf(value), key) ? value : null;
        }
    }

    /// <summary>The position of a key in a bucket, or −1.</summary>
    private static int IndexInBucket(TValue[] bucket, TKey key, IEqualityComparer<TKey> comparer)
    {
        for (var i = 0; i < bucket.Length; i++)
        {
            if (comparer.Equals(TKeyOf.KeyOf(bucket[i]), key))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Adds or replaces a value below a node. Returns the node itself when nothing changed or when the
    /// node is owned by <paramref name="owner"/> and was written in place; otherwise its updated copy.
    /// </summary>
    private static object?[] SetIn(
        object?[] node,
        int shift,
        int hash,
        TKey key,
        TValue value,
        bool add,
        object? owner,
        IEqualityComparer<TKey> comparer,
        ref Effect effect)
    {
        var index = Index(hash, shift);
        var slot = node[index];
        object replacement;
        if (slot is null)
        {
            replacement = value;
            effect = Effect.Added;
        }
        else if (IsNode(slot))
        {
            var child = AsNode(slot);
            var newChild = SetIn(child, shift + BitsPerLevel, hash, key, value, add, owner, comparer, ref effect);
            if (ReferenceEquals(newChild, child))
            {
                // Unchanged, or changed in place: an owned child always hangs from an owned parent.
                return node;
            }

            replacement = newChild;
        }
        else if (IsBucket(slot))
        {
            var bucket = AsBucket(slot);
            var bucketHash = HashOf(comparer, bucket[0]);
            if (bucketHash != hash)
            {
                replacement = Split(bucket, bucketHash, value, hash, shift + BitsPerLevel, owner);
                effect = Effect.Added;
            }
            else
            {
                var newBucket = SetInBucket(bucket, key, value, add, comparer, ref effect);
                if (ReferenceEquals(newBucket, bucket))
                {
                    return node;
                }

                replacement = newBucket;
            }
        }
        else
        {
            var present = AsValue(slot);
            if (comparer.Equals(TKeyOf.KeyOf(present), key))
            {
                if (add)
                {
                    effect = Effect.Present;
                    return node;
                }

                if (EqualityComparer<TValue>.Default.Equals(present, value))
                {
                    return node;
                }

                replacement = value;
                effect = Effect.Replaced;
            }
            else
            {
                var presentHash = HashOf(comparer, present);
                replacement = presentHash == hash
                    ? new[] { present, value }
                    : Split(present, presentHash, value, hash, shift + BitsPerLevel, owner);
                effect = Effect.Added;
            }
        }

        var target = Writable(node, owner);
        target[index] = replacement;
        return target;
    }

    /// <summary>Adds or replaces a value in a bucket of its hash; returns the bucket itself when nothing changed.</summary>
    private static TValue[] SetInBucket(
        TValue[] bucket,
        TKey key,
        TValue value,
        bool add,
        IEqualityComparer<TKey> comparer,
        ref Effect effect)
    {
        var at = IndexInBucket(bucket, key, comparer);
        if (at >= 0)
        {
            if (add)
            {
                effect = Effect.Present;
                return bucket;
            }

            if (EqualityComparer<TValue>.Default.Equals(bucket[at], value))
            {
                return bucket;
            }

            var replaced = (TValue[])bucket.Clone();
            replaced[at] = value;
            effect = Effect.Replaced;
            return replaced;
        }

        var grown = new TValue[checked(bucket.Length + 1)];
        bucket.CopyTo(grown, 0);
        grown[bucket.Length] = value;
        effect = Effect.Added;
        return grown;
    }

    /// <summary>
    /// A node (and as many single-child nodes below it as needed) holding two slots (values or buckets)
    /// whose different hashes agree on every bit read above <paramref name="shift"/>.
    /// </summary>
    private static object?[] Split(object first, int firstHash, object second, int secondHash, int shift, object? owner)
    {
        Debug.Assert(firstHash != secondHash && shift <= LastShift, "Different hashes part by the last level.");
        var node = NewNode(owner);
        var firstIndex = Index(firstHash, shift);
        var secondIndex = Index(secondHash, shift);
        if (firstIndex != secondIndex)
        {
            node[firstIndex] = first;
            node[secondIndex] = second;
        }
        else
        {
            node[firstIndex] = Split(first, firstHash, second, secondHash, shift + BitsPerLevel, owner);
        }

        return node;
    }

    /// <summary>
    /// Removes a key below a node and returns what should take the node's place: the node itself when the
    /// key is absent or the owned node was written in place, its updated copy, or — below the root, when
    /// the node is left with at most one value or bucket and no child node — that slot or <see langword="null"/>.
    /// </summary>
    private static object? RemoveFrom(
        object?[] node,
        int shift,
        int hash,
        TKey key,
        object? owner,
        IEqualityComparer<TKey> comparer,
        ref bool removed)
    {
        var index = Index(hash, shift);
        var slot = node[index];
        object? replacement;
        if (slot is null)
        {
            return node;
        }

        if (IsNode(slot))
        {
            var child = AsNode(slot);
            var result = RemoveFrom(child, shift + BitsPerLevel, hash, key, owner, comparer, ref removed);
            if (ReferenceEquals(result, child))
            {
                return node;
            }

            replacement = result;
        }
        else if (IsBucket(slot))
        {
            var bucket = AsBucket(slot);
            var at = IndexInBucket(bucket, key, comparer);
            if (at < 0)
            {
                return node;
            }

            replacement = bucket.Length == 2 ? bucket[1 - at] : Without(bucket, at);
            removed = true;
        }
        else
        {
            if (!comparer.Equals(TKeyOf.KeyOf(AsValue(slot)), key))
            {
                return node;
            }

            replacement = null;
            removed = true;
        }

        if (shift > 0 && (replacement is null || !IsNode(replacement)))
        {
            // Below the root, a node left with at most one value or bucket and no child node gives way to it.
            var others = 0;
            object? other = null;
            for (var i = 0; i < Width; i++)
            {
                if (i != index && node[i] is { } occupant)
                {
                    others++;
                    other = occupant;
                }
            }

            if (others == 0)
            {
                return replacement;
            }

            if (others == 1 && replacement is null && !IsNode(other!))
            {
                return other;
            }
        }

        var target = Writable(node, owner);
        target[index] = replacement;
        return target;
    }

    /// <summary>A bucket without one of its values.</summary>
    private static TValue[] Without(TValue[] bucket, int at)
    {
        var smaller = new TValue[bucket.Length - 1];
        Array.Copy(bucket, 0, smaller, 0, at);
        Array.Copy(bucket, at + 1, smaller, at, bucket.Length - at - 1);
        return smaller;
    }

    /// <summary>The exception of an <c>Add</c> whose key is present.</summary>
    private static ArgumentException DuplicateKey() =>
        new("A value with the same key is already present.", "value");

    /// <summary>Throws when a structural invariant does not hold.</summary>
    private static void Check([DoesNotReturnIf(false)] bool condition, string invariant)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Persistent map invariant broken: " + invariant + ".");
        }
    }

    /// <summary>Checks the invariants of a node and everything below it.</summary>
    /// <returns>The nodes, the levels and the values at and below the node.</returns>
    private static (int Nodes, int Levels, int Entries) VerifyNode(
        object?[] node,
        int shift,
        long prefix,
        IEqualityComparer<TKey> comparer)
    {
        Check(shift <= LastShift, "the trie must be at most eleven levels deep");
        Check(
            node.Length == Width || (node.Length == Width + 1 && node[Width] is not null),
            "a node must have eight slots, or nine with an owner's token");

        var (nodes, levels, entries, occupied, children) = (1, 1, 0, 0, 0);
        for (var i = 0; i < Width; i++)
        {
            if (node[i] is not { } slot)
            {
                continue;
            }

            occupied++;
            var path = (prefix << BitsPerLevel) | (long)i;
            if (IsNode(slot))
            {
                children++;
                var (n, l, e) = VerifyNode(AsNode(slot), shift + BitsPerLevel, path, comparer);
                nodes += n;
                levels = Math.Max(levels, l + 1);
                entries += e;
            }
            else if (IsBucket(slot))
            {
                var bucket = AsBucket(slot);
                Check(bucket.Length >= 2, "a bucket must hold two or more values");
                for (var j = 0; j < bucket.Length; j++)
                {
                    Check(bucket[j] is not null, "a bucket must hold no null");
                    VerifyValue(bucket[j], shift, path, comparer);
                    Check(HashOf(comparer, bucket[j]) == HashOf(comparer, bucket[0]), "a bucket's keys must share one hash");
                    for (var k = 0; k < j; k++)
                    {
                        Check(!comparer.Equals(TKeyOf.KeyOf(bucket[k]), TKeyOf.KeyOf(bucket[j])), "a bucket's keys must be distinct");
                    }
                }

                entries += bucket.Length;
            }
            else
            {
                Check(slot is TValue, "a slot must hold null, a node, a value or a bucket");
                VerifyValue(AsValue(slot), shift, path, comparer);
                entries++;
            }
        }

        if (shift > 0)
        {
            Check(occupied > 0, "a node below the root must not be empty");
            Check(occupied > 1 || children == 1, "a node below the root must not hold a single value alone");
        }

        return (nodes, levels, entries);
    }

    /// <summary>Checks that a value's key hash selects the path it sits on.</summary>
    /// <remarks>
    /// The path holds three bits per level from the root; the deepest level reads the hash's last two
    /// bits shifted left by one, so there the path is the hash shifted left by one.
    /// </remarks>
    private static void VerifyValue(TValue value, int shift, long path, IEqualityComparer<TKey> comparer)
    {
        var bits = shift + BitsPerLevel;
        var hash = (long)unchecked((uint)HashOf(comparer, value));
        var expected = bits <= 32 ? hash >> (32 - bits) : hash << (bits - 32);
        Check(expected == path, "a value must sit on the path its key's hash selects");
    }

    /// <summary>
    /// A batch of changes to a map: it copies a node the first time it changes it and then writes its own
    /// copies in place, so a run of changes costs little more than the nodes it touches.
    /// </summary>
    /// <remarks>
    /// <para>Ownership is marked inside the node: a node the builder copied has a ninth slot holding the
    /// builder's current token. <see cref="ToImmutable"/> hands the trie out and drops the token, so later
    /// changes copy again and a map the builder returned never changes; neither does the map it started
    /// from.</para>
    /// <para>Not thread-safe.</para>
    /// </remarks>
    public sealed class Builder
    {
        private readonly IEqualityComparer<TKey> _comparer;
        private object?[]? _root;
        private object? _owner;

        /// <summary>A builder holding a map's values.</summary>
        /// <param name="map">The map to start from.</param>
        internal Builder(PersistentMap<TKey, TValue, TKeyOf> map)
        {
            _comparer = map._comparer;
            _root = map._root;
            Count = map.Count;
        }

        /// <summary>The number of values.</summary>
        public int Count { get; private set; }

        /// <summary>The comparer that decides which keys are equal.</summary>
        public IEqualityComparer<TKey> KeyComparer => _comparer;

        /// <summary>
        /// An enumerator over the builder's values, in no particular order. Unlike enumerating
        /// <see cref="ToImmutable"/>, it hands nothing out, so later changes still write in place; the
        /// builder must not change while it is enumerated.
        /// </summary>
        /// <returns>The enumerator.</returns>
        public Enumerator GetEnumerator() => new(_root);

        /// <summary>Looks a key up.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value with that key when found; otherwise null.</param>
        /// <returns>Whether the builder holds the key.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
        {
            RequireKey(key);
            value = Find(_root, key, _comparer);
            return value is not null;
        }

        /// <summary>Whether the builder holds a key.</summary>
        /// <param name="key">The key.</param>
        /// <returns><see langword="true"/> when the builder holds a value whose key equals <paramref name="key"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        public bool ContainsKey(TKey key) => TryGetValue(key, out _);

        /// <summary>Adds a value or replaces the one with an equal key (see <see cref="PersistentMap{TKey, TValue, TKeyOf}.SetItem"/>).</summary>
        /// <param name="value">The value.</param>
        /// <exception cref="ArgumentNullException"><paramref name="value"/> or its key is null.</exception>
        public void SetItem(TValue value) => Set(value, add: false);

        /// <summary>Adds a value whose key must be absent.</summary>
        /// <param name="value">The value.</param>
        /// <exception cref="ArgumentNullException"><paramref name="value"/> or its key is null.</exception>
        /// <exception cref="ArgumentException">The builder already holds an equal key; nothing changes.</exception>
        public void Add(TValue value)
        {
            if (!TryAdd(value))
            {
                throw DuplicateKey();
            }
        }

        /// <summary>Adds a value unless its key is present, walking the trie once.</summary>
        /// <param name="value">The value.</param>
        /// <returns>Whether the key was absent and the value was added; when present, nothing changes.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="value"/> or its key is null.</exception>
        public bool TryAdd(TValue value) => Set(value, add: true) != Effect.Present;

        /// <summary>Removes a key.</summary>
        /// <param name="key">The key.</param>
        /// <returns>Whether the key was present.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        public bool Remove(TKey key)
        {
            RequireKey(key);
            if (_root is null)
            {
                return false;
            }

            var removed = false;
            var result = RemoveFrom(_root, 0, Spread(_comparer, key), key, _owner ??= new object(), _comparer, ref removed);
            if (!removed)
            {
                return false;
            }

            Count--;
            _root = Count == 0 ? null : AsNode(result!);
            return true;
        }

        /// <summary>
        /// The builder's values as a map: the same trie until the builder changes; later changes never
        /// alter a returned map (the builder gives up its ownership, so it copies before writing again).
        /// </summary>
        /// <returns>The map.</returns>
        public PersistentMap<TKey, TValue, TKeyOf> ToImmutable()
        {
            _owner = null;
            return new PersistentMap<TKey, TValue, TKeyOf>(_root, Count, _comparer);
        }

        /// <summary>Adds or replaces a value, or with <paramref name="add"/> adds one whose key must be absent.</summary>
        private Effect Set(TValue value, bool add)
        {
            var key = TKeyOf.KeyOf(RequireValue(value));
            var hash = Spread(_comparer, key);
            var owner = _owner ??= new object();
            if (_root is null)
            {
                var root = NewNode(owner);
                root[Index(hash, 0)] = value;
                _root = root;
                Count = 1;
                return Effect.Added;
            }

            var effect = Effect.None;
            _root = SetIn(_root, 0, hash, key, value, add, owner, _comparer, ref effect);
            if (effect == Effect.Added)
            {
                Count++;
            }

            return effect;
        }
    }

    /// <summary>
    /// Enumerates a map's values depth first without allocating: the path from the root is kept in
    /// inline arrays.
    /// </summary>
    public struct Enumerator : IEnumerator<TValue>
    {
        private readonly object?[]? _root;
        private NodePath _nodes;
        private SlotPath _next;
        private int _depth;
        private TValue[]? _bucket;
        private int _bucketNext;
        private TValue? _current;

        /// <summary>An enumerator positioned before the first value of a trie.</summary>
        /// <param name="root">The trie's root, or <see langword="null"/>.</param>
        internal Enumerator(object?[]? root)
        {
            _root = root;
            Reset();
        }

        /// <summary>The current value.</summary>
        public readonly TValue Current => _current!;

        /// <inheritdoc />
        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next value.</summary>
        /// <returns>Whether there was one.</returns>
        public bool MoveNext()
        {
            while (true)
            {
                if (_bucket is not null)
                {
                    if (_bucketNext < _bucket.Length)
                    {
                        _current = _bucket[_bucketNext++];
                        return true;
                    }

                    _bucket = null;
                }

                if (_depth < 0)
                {
                    return false;
                }

                var slotIndex = _next[_depth];
                if (slotIndex == Width)
                {
                    _nodes[_depth] = null;
                    _depth--;
                    continue;
                }

                _next[_depth] = slotIndex + 1;
                var slot = _nodes[_depth]![slotIndex];
                if (slot is null)
                {
                    continue;
                }

                if (IsNode(slot))
                {
                    _depth++;
                    _nodes[_depth] = AsNode(slot);
                    _next[_depth] = 0;
                }
                else if (IsBucket(slot))
                {
                    _bucket = AsBucket(slot);
                    _bucketNext = 0;
                }
                else
                {
                    _current = AsValue(slot);
                    return true;
                }
            }
        }

        /// <summary>Moves back before the first value.</summary>
        public void Reset()
        {
            _nodes = default;
            _next = default;
            _bucket = null;
            _bucketNext = 0;
            _current = null;
            _depth = _root is null ? -1 : 0;
            _nodes[0] = _root;
        }

        /// <summary>Does nothing: the enumerator holds no resources.</summary>
        public readonly void Dispose()
        {
        }
    }

    /// <summary>The nodes on the path from the root to the enumerator's position.</summary>
    [InlineArray(MaxLevels)]
    private struct NodePath
    {
        private object?[]? _element;
    }

    /// <summary>For each node on the enumerator's path, the next slot to visit.</summary>
    [InlineArray(MaxLevels)]
    private struct SlotPath
    {
        private int _element;
    }
}
