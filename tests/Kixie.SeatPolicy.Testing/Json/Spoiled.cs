using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Kixie.SeatPolicy.Json.Tests.Generators;

/// <summary>An account run and the spoils to apply to documents written from it.</summary>
/// <param name="Run">The run.</param>
/// <param name="Spoils">One to three spoils, each a (target, how, value) triple of picks.</param>
public sealed record Spoiled(AccountRun Run, ImmutableArray<(int Target, int How, int Value)> Spoils)
{
    private static readonly Func<JsonNode?>[] Values =
    [
        () => null, () => 0, () => -1, () => 1.5, () => JsonNode.Parse("1e30"), () => string.Empty, () => "Foo", () => true,
        () => new JsonArray(), () => new JsonObject(), () => "2026-02-30", () => "USD", () => "Admin", () => "s1", () => long.MaxValue,
        () => "2026-03-17T19:00:00Z", () => new JsonObject { ["amount"] = "1.00", ["currency"] = "USD" },
    ];

    /// <summary>The generator: a run, then one to three spoils.</summary>
    public static Gen<Spoiled> Generator { get; } =
        from run in JsonGenerators.Run
        from count in Gen.Choose(1, 3)
        from spoils in Gen.ArrayOf(
            from target in Gen.Choose(0, 100_000)
            from how in Gen.Choose(0, 6)
            from value in Gen.Choose(0, 100)
            select (target, how, value),
            count)
        select new Spoiled(run, [.. spoils]);

    /// <summary>Spoils a document.</summary>
    /// <param name="json">The document as written.</param>
    /// <returns>The spoiled document.</returns>
    public string Apply(string json)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var (target, how, value) in Spoils)
        {
            var places = new List<(JsonNode Parent, string? Name, int Index)>();
            Collect(root, places);
            if (places.Count == 0)
            {
                continue;
            }

            var (parent, name, index) = places[target % places.Count];
            var current = name is null ? parent.AsArray()[index] : parent.AsObject()[name];
            switch (how)
            {
                case 0:
                    Remove(parent, name, index);
                    break;
                case 1 when name is not null:
                    var renamed = parent.AsObject();
                    renamed.Remove(name);
                    renamed[value % 2 == 0 ? "bogus" : name.ToUpperInvariant()] = current;
                    break;
                case 2 when name is null:
                    parent.AsArray().Insert(index, current?.DeepClone());
                    break;
                case 3 when name is null && parent.AsArray().Count > 1:
                    var array = parent.AsArray();
                    var other = (index + 1 + value) % array.Count;
                    var swapped = array[other]?.DeepClone();
                    array[other] = current?.DeepClone();
                    array[index] = swapped;
                    break;
                case 4 when current is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > 0:
                    Replace(parent, name, index, (value % 3) switch
                    {
                        0 => s[..^1],
                        1 => s + "x",
                        _ => char.IsUpper(s[0]) ? s.ToLowerInvariant() : s.ToUpperInvariant(),
                    });
                    break;
                case 5 when current is JsonValue number && number.TryGetValue<long>(out var n):
                    Replace(parent, name, index, unchecked((value % 3) switch { 0 => n + 1, 1 => n - 1, _ => -n }));
                    break;
                default:
                    Replace(parent, name, index, Values[value % Values.Length]());
                    break;
            }
        }

        return root.ToJsonString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Run} spoiled by [{string.Join(", ", Spoils)}]";

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Name, int Index)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    places.Add((obj, name, -1));
                    if (child is not null)
                    {
                        Collect(child, places);
                    }
                }

                break;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    places.Add((array, null, index));
                    if (array[index] is { } child)
                    {
                        Collect(child, places);
                    }
                }

                break;
        }
    }

    private static void Remove(JsonNode parent, string? name, int index)
    {
        if (name is null)
        {
            parent.AsArray().RemoveAt(index);
        }
        else
        {
            parent.AsObject().Remove(name);
        }
    }

    private static void Replace(JsonNode parent, string? name, int index, JsonNode? value)
    {
        if (name is null)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[name] = value;
        }
    }
}
