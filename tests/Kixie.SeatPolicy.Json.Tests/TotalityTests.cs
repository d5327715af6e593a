using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Json.Tests.Generators;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>
/// Totality of reading: a real document spoiled at random (a property removed, renamed or duplicated, a
/// value replaced by one of another kind or a near miss, array items swapped) either reads as a valid
/// value or throws a <see cref="SeatPolicyJsonException"/> that names a path (or System.Text.Json's own
/// <see cref="JsonException"/> for text that is not JSON), and never anything else.
/// </summary>
public sealed class TotalityTests
{
    [SeatPolicyJsonProperty]
    public void A_spoiled_account_reads_as_an_account_or_fails_with_a_json_exception_naming_a_path(Spoiled spoiled)
    {
        var json = spoiled.Apply(Same.Write(spoiled.Run.Final));

        ReadsOrFailsCleanly<Account>(json, SeatPolicyJson.Options);
    }

    [SeatPolicyJsonProperty]
    public void A_spoiled_outcome_event_or_command_reads_as_one_or_fails_with_a_json_exception_naming_a_path(Spoiled spoiled)
    {
        foreach (var decision in spoiled.Run.Decisions.Take(3))
        {
            ReadsOrFailsCleanly<TurnoverOutcome>(spoiled.Apply(Same.Write(decision.Outcome)), SeatPolicyJson.Options);
            ReadsOrFailsCleanly<SeatEvent[]>(spoiled.Apply(Same.Write(decision.Events.ToArray())), SeatPolicyJson.Options);
        }

        foreach (var command in spoiled.Run.Commands.Take(3))
        {
            ReadsOrFailsCleanly<SeatCommand>(spoiled.Apply(Same.Write(command)), SeatPolicyJson.Options);
        }
    }

    [SeatPolicyJsonProperty]
    public void A_spoiled_command_read_leniently_reads_as_a_command_or_fails_at_its_type_id_at_actor_or_itself(Spoiled spoiled)
    {
        foreach (var command in spoiled.Run.Commands.Take(3))
        {
            var json = spoiled.Apply(Same.Write(command));
            var failure = ReadsOrFailsCleanly<SeatCommand>(json, SeatPolicyJson.LenientOptions);

            // Leniently, only the envelope (or what is not a command object at all) can fail the read.
            Assert.True(
                failure is null or { Member: "$" or "$.type" or "$.id" or "$.at" or "$.actor" },
                $"{json}: {failure?.Message}");
        }
    }

    [SeatPolicyJsonProperty]
    public void Reading_a_spoiled_decision_always_fails_with_the_same_refusal(Spoiled spoiled)
    {
        foreach (var decision in spoiled.Run.Decisions.Take(3))
        {
            var json = spoiled.Apply(Same.Write(decision));

            var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Decision>(json));

            Assert.StartsWith("$: a Decision is written, never read", exception.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Reads <paramref name="json"/>: a value that writes again, or a clean failure, returned (null when it read).</summary>
    private static SeatPolicyJsonException? ReadsOrFailsCleanly<T>(string json, JsonSerializerOptions options)
    {
        T value;
        try
        {
            value = JsonSerializer.Deserialize<T>(json, options)!;
        }
        catch (SeatPolicyJsonException exception)
        {
            Assert.StartsWith("$", exception.Member, StringComparison.Ordinal);
            Assert.Equal($"{exception.Member}: {exception.Problem}", exception.Message);
            return exception;
        }
        catch (JsonException exception) when (exception.GetType() == typeof(JsonException))
        {
            // System.Text.Json's own: a value that is not what a collection or a converter was handed.
            Assert.NotNull(exception.Path);
            return null;
        }

        // What reads is a real value: it writes again without trouble.
        Assert.NotNull(JsonSerializer.Serialize(value, options));
        return null;
    }
}

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
