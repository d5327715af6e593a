using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace Kixie.SeatPolicy.Tests.Collections;

/// <summary>What a step does.</summary>
internal enum Kind
{
    Set,
    Remove,
    Add,
    TryAdd,
    ToImmutable,
}

/// <summary>One step of a run; <paramref name="Target"/> picks one of two builders.</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Key">The key it sets, adds or removes.</param>
/// <param name="Value">The payload it sets or adds.</param>
/// <param name="Target">The builder it changes (builder runs only).</param>
internal sealed record Step<TKey>(Kind Kind, TKey Key, int Value, int Target)
{
    /// <summary>The value the step sets or adds: one object per step, so that a run can tell which object a map keeps.</summary>
    public Entry<TKey> Entry { get; } = new(Key, Value);

    public override string ToString() => Kind switch
    {
        Kind.Set => $"{Target}:Set({Key}={Value})",
        Kind.Add => $"{Target}:Add({Key}={Value})",
        Kind.TryAdd => $"{Target}:TryAdd({Key}={Value})",
        Kind.Remove => $"{Target}:Remove({Key})",
        _ => $"{Target}:ToImmutable",
    };
}

/// <summary>A run: a comparer, the keys to probe, a source map's entries and the steps.</summary>
internal sealed record Scenario<TKey>(
    string ComparerName,
    IEqualityComparer<TKey> Comparer,
    TKey[] Probes,
    Step<TKey>[] Prefix,
    bool SourceFromBuilder,
    Step<TKey>[] Steps)
{
    public override string ToString() =>
        $"{ComparerName}; source {(SourceFromBuilder ? "built" : "set")} from [{string.Join(", ", Prefix.AsEnumerable())}]; steps [{string.Join(", ", Steps.AsEnumerable())}]";
}

/// <summary>Generators for the persistent map's model-based properties: runs of changes over small key spaces.</summary>
internal static class PersistentMapGenerators
{
    /// <summary>String keys: seat ids and emails, one with a non-ASCII letter.</summary>
    public static readonly string[] Names = ["a", "b", "ab", "s1", "s2", "s10", "agent1@acme.test", "agent2@acme.test", "agent12@acme.test", "Zoë@acme.test"];

    /// <summary>A key among <see cref="Names"/> in lower case, upper case or mixed case.</summary>
    public static Gen<string> StringKey =>
        from name in Gen.Elements(Names)
        from casing in Gen.Choose(0, 2)
        select casing switch { 0 => name, 1 => name.ToUpperInvariant(), _ => MixedCase(name) };

    /// <summary>An integer key among 0–23: a key space small enough that keys repeat and hashes collide under a coarse comparer.</summary>
    public static Gen<int> IntKey => Gen.Choose(0, 23);

    /// <summary>A name with every other character upper-cased.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The mixed-case name.</returns>
    public static string MixedCase(string name) =>
        string.Concat(name.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c));

    /// <summary>Runs of changes over <paramref name="keys"/> under one of <paramref name="comparers"/>; builder runs start from a prefix of sets.</summary>
    /// <param name="comparers">The comparers to pick from, with their names.</param>
    /// <param name="keys">The key space (small, so that keys repeat).</param>
    /// <param name="probes">The keys to probe after every step.</param>
    /// <param name="builder">Whether the run changes builders (then it may also turn one into a map).</param>
    /// <returns>The generator.</returns>
    public static Gen<Scenario<TKey>> Runs<TKey>(
        (string Name, IEqualityComparer<TKey> Comparer)[] comparers,
        Gen<TKey> keys,
        TKey[] probes,
        bool builder)
        where TKey : notnull
    {
        var step =
            from kind in Gen.Frequency<Kind>(
                builder
                    ? [(6, Gen.Constant(Kind.Set)), (4, Gen.Constant(Kind.Remove)), (2, Gen.Constant(Kind.Add)), (2, Gen.Constant(Kind.TryAdd)), (2, Gen.Constant(Kind.ToImmutable))]
                    : [(6, Gen.Constant(Kind.Set)), (4, Gen.Constant(Kind.Remove)), (2, Gen.Constant(Kind.Add)), (2, Gen.Constant(Kind.TryAdd))])
            from key in keys
            from value in Gen.Choose(0, 3)
            from target in Gen.Choose(0, 1)
            select new Step<TKey>(kind, key, value, target);

        var setStep =
            from key in keys
            from value in Gen.Choose(0, 3)
            select new Step<TKey>(Kind.Set, key, value, 0);

        return
            from comparer in Gen.Elements(comparers)
            from prefixLength in builder ? Gen.Choose(0, 30) : Gen.Constant(0)
            from prefix in Gen.ArrayOf(setStep, prefixLength)
            from sourceFromBuilder in Gen.Elements(false, true)
            from length in Gen.Choose(0, 80)
            from steps in Gen.ArrayOf(step, length)
            select new Scenario<TKey>(comparer.Name, comparer.Comparer, probes, prefix, sourceFromBuilder, steps);
    }

    /// <summary>A comparer and 0–400 keys from a range of 650, so that some repeat: the input of one-pass building.</summary>
    /// <param name="comparers">The comparers to pick from, with their names.</param>
    /// <returns>The generator.</returns>
    public static Gen<(string Name, IEqualityComparer<int> Comparer, int[] Keys)> KeyBatches((string Name, IEqualityComparer<int> Comparer)[] comparers) =>
        from comparer in Gen.Elements(comparers)
        from count in Gen.Choose(0, 400)
        from keys in Gen.ArrayOf(Gen.Choose(-50, 600), count)
        select (comparer.Name, comparer.Comparer, Keys: keys);
}
