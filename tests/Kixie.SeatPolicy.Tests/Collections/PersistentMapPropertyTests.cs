using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using Xunit;

namespace Kixie.SeatPolicy.Tests.Collections;

/// <summary>
/// Model-based properties of <see cref="PersistentMap{TKey, TValue, TKeyOf}"/> and its builder: random
/// runs of changes over a small key space (so keys repeat) are applied to a map of <see cref="Entry{TKey}"/>
/// values and to a dictionary, and after every step the map must agree with the dictionary (holding the
/// very value objects the dictionary holds) and every earlier version must be unchanged.
/// </summary>
public sealed class PersistentMapPropertyTests
{
    private static readonly int[] IntProbes = [.. Enumerable.Range(-2, 36)];

    private static readonly string[] StringProbes =
        [.. PersistentMapGenerators.Names.SelectMany(name => new[] { name, name.ToUpperInvariant(), PersistentMapGenerators.MixedCase(name) }).Distinct(StringComparer.Ordinal), "zz", "agent99@acme.test", "s3"];

    private static readonly (string Name, IEqualityComparer<int> Comparer)[] IntComparers =
    [
        ("default", EqualityComparer<int>.Default),
        (SpreadHashComparer.Deep.ToString(), SpreadHashComparer.Deep),
        (SpreadHashComparer.DeepPairs.ToString(), SpreadHashComparer.DeepPairs),
        (SpreadHashComparer.Modulo3.ToString(), SpreadHashComparer.Modulo3),
        (SpreadHashComparer.AllCollide.ToString(), SpreadHashComparer.AllCollide),
        (SpreadHashComparer.TopBits.ToString(), SpreadHashComparer.TopBits),
    ];

    private static readonly (string Name, IEqualityComparer<string> Comparer)[] StringComparers =
    [
        ("ordinal ignore case", StringComparer.OrdinalIgnoreCase),
        (CaseInsensitiveLengthComparer.Instance.ToString(), CaseInsensitiveLengthComparer.Instance),
    ];

    [SeatPolicyProperty]
    public Property Map_agrees_with_a_dictionary_and_keeps_every_earlier_version_over_int_keys() =>
        Prop.ForAll(PersistentMapGenerators.Runs(IntComparers, PersistentMapGenerators.IntKey, IntProbes, builder: false).ToArbitrary(), RunMap);

    [SeatPolicyProperty]
    public Property Map_agrees_with_a_dictionary_and_keeps_every_earlier_version_over_case_insensitive_strings() =>
        Prop.ForAll(PersistentMapGenerators.Runs(StringComparers, PersistentMapGenerators.StringKey, StringProbes, builder: false).ToArbitrary(), RunMap);

    [SeatPolicyProperty]
    public Property Builders_agree_with_a_dictionary_and_never_change_a_map_over_int_keys() =>
        Prop.ForAll(PersistentMapGenerators.Runs(IntComparers, PersistentMapGenerators.IntKey, IntProbes, builder: true).ToArbitrary(), RunBuilders);

    [SeatPolicyProperty]
    public Property Builders_agree_with_a_dictionary_and_never_change_a_map_over_case_insensitive_strings() =>
        Prop.ForAll(PersistentMapGenerators.Runs(StringComparers, PersistentMapGenerators.StringKey, StringProbes, builder: true).ToArbitrary(), RunBuilders);

    [SeatPolicyProperty]
    public Property Building_distinct_keys_in_one_pass_gives_the_map_a_builder_gives() =>
        Prop.ForAll(
            PersistentMapGenerators.KeyBatches(IntComparers).ToArbitrary(),
            scenario =>
            {
                var distinct = scenario.Keys.Distinct().Select(key => new Entry<int>(key, -key)).ToArray();
                var all = scenario.Keys.Select(key => new Entry<int>(key, -key)).ToArray();

                var built = PersistentMap<int, Entry<int>, EntryKey<int>>.TryCreateDistinct(distinct, scenario.Comparer, out var map, out _);
                var withDuplicates = PersistentMap<int, Entry<int>, EntryKey<int>>.TryCreateDistinct(all, scenario.Comparer, out var none, out var twice);

                var expected = PersistentMap<int, Entry<int>, EntryKey<int>>.CreateRange(distinct, scenario.Comparer);
                Assert.True(built, scenario.Name);
                Assert.Same(scenario.Comparer, map.KeyComparer);
                Assert.Equal(expected.VerifyStructure(), map.VerifyStructure());
                Assert.Equal(distinct.Length, map.Count);
                Assert.All(distinct, entry => Assert.True(map.TryGetValue(entry.Key, out var value) && ReferenceEquals(value, entry), $"{entry.Key} ({scenario.Name})"));
                Assert.Equal(distinct.Length == scenario.Keys.Length, withDuplicates);
                if (!withDuplicates)
                {
                    Assert.True(scenario.Keys.Count(key => key == twice) > 1, $"{twice} is not a duplicate ({scenario.Name})");
                    Assert.Equal(0, none.Count);
                }
                else
                {
                    Assert.Equal(expected.VerifyStructure(), none.VerifyStructure());
                }
            });

    private static void RunMap<TKey>(Scenario<TKey> scenario)
        where TKey : notnull
    {
        var map = PersistentMap<TKey, Entry<TKey>, EntryKey<TKey>>.Empty(scenario.Comparer);
        var model = new Model<TKey>(scenario.Comparer);
        var versions = new List<Version<TKey>> { Agrees(map, model, scenario) };

        foreach (var step in scenario.Steps)
        {
            var before = map;
            switch (step.Kind)
            {
                case Kind.Set:
                    map = map.SetItem(step.Entry);
                    Assert.Equal(model.Set(step.Entry), !before.IsSameTrieAs(map)); // a new trie exactly when something changed
                    break;
                case Kind.Remove:
                    map = map.Remove(step.Key);
                    Assert.Equal(model.Remove(step.Key), !before.IsSameTrieAs(map));
                    break;
                case Kind.Add:
                    if (model.Contains(step.Key))
                    {
                        var thrown = Assert.Throws<ArgumentException>(() => map.Add(step.Entry));
                        Assert.Equal("value", thrown.ParamName);
                    }
                    else
                    {
                        map = map.Add(step.Entry);
                        model.Set(step.Entry);
                    }

                    break;
                default:
                    var absent = !model.Contains(step.Key);
                    Assert.Equal(absent, map.TryAdd(step.Entry, out var next));
                    Assert.Equal(absent, !before.IsSameTrieAs(next)); // a present key leaves the map as it was
                    if (absent)
                    {
                        model.Set(step.Entry);
                    }

                    map = next;
                    break;
            }

            versions.Add(Agrees(map, model, scenario));
            Assert.Equal(
                PersistentMap<TKey, Entry<TKey>, EntryKey<TKey>>.CreateRange(model.Entries, scenario.Comparer).VerifyStructure(),
                map.VerifyStructure());
            AllUnchanged(versions);
        }
    }

    private static void RunBuilders<TKey>(Scenario<TKey> scenario)
        where TKey : notnull
    {
        var sourceModel = new Model<TKey>(scenario.Comparer);
        foreach (var step in scenario.Prefix)
        {
            sourceModel.Set(step.Entry);
        }

        var source = scenario.SourceFromBuilder
            ? PersistentMap<TKey, Entry<TKey>, EntryKey<TKey>>.CreateRange(scenario.Prefix.Select(s => s.Entry), scenario.Comparer)
            : scenario.Prefix.Aggregate(PersistentMap<TKey, Entry<TKey>, EntryKey<TKey>>.Empty(scenario.Comparer), (map, s) => map.SetItem(s.Entry));
        var versions = new List<Version<TKey>> { Agrees(source, sourceModel, scenario) };

        var builders = new[] { source.ToBuilder(), source.ToBuilder() };
        var models = new[] { sourceModel.Copy(), sourceModel.Copy() };
        var lastBuilt = new[] { source, source };
        var changed = new[] { false, false };

        foreach (var step in scenario.Steps)
        {
            var (builder, model, t) = (builders[step.Target], models[step.Target], step.Target);
            switch (step.Kind)
            {
                case Kind.Set:
                    builder.SetItem(step.Entry);
                    changed[t] |= model.Set(step.Entry);
                    break;
                case Kind.Remove:
                    var removed = model.Remove(step.Key);
                    Assert.Equal(removed, builder.Remove(step.Key));
                    changed[t] |= removed;
                    break;
                case Kind.Add:
                    if (model.Contains(step.Key))
                    {
                        var thrown = Assert.Throws<ArgumentException>(() => builder.Add(step.Entry));
                        Assert.Equal("value", thrown.ParamName);
                    }
                    else
                    {
                        builder.Add(step.Entry);
                        model.Set(step.Entry);
                        changed[t] = true;
                    }

                    break;
                case Kind.TryAdd:
                    var absent = !model.Contains(step.Key);
                    Assert.Equal(absent, builder.TryAdd(step.Entry));
                    if (absent)
                    {
                        model.Set(step.Entry);
                        changed[t] = true;
                    }

                    break;
                default:
                    var built = builder.ToImmutable();
                    if (!changed[t])
                    {
                        Assert.True(lastBuilt[t].IsSameTrieAs(built));
                    }

                    Assert.True(built.IsSameTrieAs(builder.ToImmutable()));
                    (lastBuilt[t], changed[t]) = (built, false);
                    versions.Add(Agrees(built, model, scenario));
                    break;
            }

            for (var i = 0; i < builders.Length; i++)
            {
                BuilderAgrees(builders[i], models[i], scenario);
            }

            AllUnchanged(versions);
        }

        for (var i = 0; i < builders.Length; i++)
        {
            var final = builders[i].ToImmutable();
            Agrees(final, models[i], scenario);
            var folded = models[i].Entries.Aggregate(
                PersistentMap<TKey, Entry<TKey>, EntryKey<TKey>>.Empty(scenario.Comparer),
                (map, entry) => map.SetItem(entry));
            Assert.Equal(folded.VerifyStructure(), final.VerifyStructure());
        }

        AllUnchanged(versions);
    }

    /// <summary>Checks a map against the model and records its enumeration to check it later.</summary>
    private static Version<TKey> Agrees<TKey>(PersistentMap<TKey, Entry<TKey>, EntryKey<TKey>> map, Model<TKey> model, Scenario<TKey> scenario)
        where TKey : notnull
    {
        Assert.Equal(model.Count, map.Count);
        Assert.Same(scenario.Comparer, map.KeyComparer);
        foreach (var probe in scenario.Probes.Concat(model.Entries.Select(entry => entry.Key)))
        {
            var expected = model.TryGetValue(probe, out var expectedEntry);
            Assert.Equal(expected, map.TryGetValue(probe, out var actual));
            Assert.Same(expectedEntry, actual); // the very object the model holds, or null for both
            Assert.Equal(expected, map.ContainsKey(probe));
        }

        var enumerated = new List<Entry<TKey>>();
        foreach (var entry in map)
        {
            enumerated.Add(entry);
        }

        Assert.Equal(model.Count, enumerated.Count);
        Assert.True(
            new HashSet<Entry<TKey>>(enumerated, ReferenceEqualityComparer.Instance).SetEquals(model.Entries),
            "The map enumerates exactly the model's values, the very objects it was given (so with the keys they carry).");
        map.VerifyStructure();
        return new Version<TKey>(map, [.. enumerated]);
    }

    private static void BuilderAgrees<TKey>(PersistentMap<TKey, Entry<TKey>, EntryKey<TKey>>.Builder builder, Model<TKey> model, Scenario<TKey> scenario)
        where TKey : notnull
    {
        Assert.Equal(model.Count, builder.Count);
        Assert.Same(scenario.Comparer, builder.KeyComparer);
        foreach (var probe in scenario.Probes.Concat(model.Entries.Select(entry => entry.Key)))
        {
            var expected = model.TryGetValue(probe, out var expectedEntry);
            Assert.Equal(expected, builder.TryGetValue(probe, out var actual));
            Assert.Same(expectedEntry, actual);
            Assert.Equal(expected, builder.ContainsKey(probe));
        }

        var enumerated = new List<Entry<TKey>>();
        foreach (var entry in builder)
        {
            enumerated.Add(entry);
        }

        Assert.Equal(model.Count, enumerated.Count);
        Assert.All(enumerated, entry => Assert.True(model.TryGetValue(entry.Key, out var expected) && ReferenceEquals(expected, entry), "The builder enumerates exactly the model's values."));
    }

    /// <summary>Every recorded version still has its count and enumerates the same value objects in the same order.</summary>
    private static void AllUnchanged<TKey>(List<Version<TKey>> versions)
        where TKey : notnull
    {
        foreach (var version in versions)
        {
            Assert.Equal(version.Entries.Length, version.Map.Count);
            var i = 0;
            foreach (var entry in version.Map)
            {
                Assert.True(i < version.Entries.Length, "An earlier version gained an entry.");
                Assert.Same(version.Entries[i], entry);
                i++;
            }

            Assert.Equal(version.Entries.Length, i);
        }
    }

    /// <summary>A map and the values it enumerated, in order, when it was made.</summary>
    private sealed record Version<TKey>(PersistentMap<TKey, Entry<TKey>, EntryKey<TKey>> Map, Entry<TKey>[] Entries)
        where TKey : notnull;

    /// <summary>
    /// The model: a dictionary of values by key, with the map's rules. Setting a value equal to the stored
    /// one by the value's own equality changes nothing and keeps the stored object. For an
    /// <see cref="Entry{TKey}"/> (a record) that equality compares the keys by the key type's default
    /// comparer (ordinal for strings), not by the map's comparer, and then the payloads. Any other set
    /// stores the object it was given, and so that object's key: with a case-insensitive comparer,
    /// setting ("A", 1) and then ("a", 1) leaves ("a", 1).
    /// </summary>
    private sealed class Model<TKey>(IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        private readonly Dictionary<TKey, Entry<TKey>> _entries = new(comparer);

        public int Count => _entries.Count;

        /// <summary>The stored values; their keys are the ones the map must enumerate.</summary>
        public IEnumerable<Entry<TKey>> Entries => _entries.Values;

        public bool Contains(TKey key) => _entries.ContainsKey(key);

        public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out Entry<TKey> entry) => _entries.TryGetValue(key, out entry);

        /// <summary>Sets a value under its key; returns whether anything changed.</summary>
        public bool Set(Entry<TKey> entry)
        {
            if (_entries.TryGetValue(entry.Key, out var stored)
                && EqualityComparer<TKey>.Default.Equals(stored.Key, entry.Key)
                && stored.Value == entry.Value)
            {
                return false;
            }

            // The dictionary may keep its first spelling of the key; the model reads keys from the values.
            _entries[entry.Key] = entry;
            return true;
        }

        public bool Remove(TKey key) => _entries.Remove(key);

        public Model<TKey> Copy()
        {
            var copy = new Model<TKey>(comparer);
            foreach (var (key, entry) in _entries)
            {
                copy._entries.Add(key, entry);
            }

            return copy;
        }
    }
}
