using System;
using System.Linq;
using System.Text.Json;
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
