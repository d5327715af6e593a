using System.Linq;
using System.Text.Json;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>Serialization with <see cref="SeatPolicyJson.Options"/>, and value comparisons records cannot do alone.</summary>
internal static class Same
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, SeatPolicyJson.Options);

    public static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value, SeatPolicyJson.Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, SeatPolicyJson.Options)!;

    public static T RoundTrip<T>(T value) => Read<T>(Write(value));

    /// <summary>
    /// Whether two outcome cases are the same value. Records compare an <c>ImmutableArray</c> member by
    /// reference, so <see cref="DeletionBlocked.Alternatives"/> is compared item by item.
    /// </summary>
    public static bool Case(OutcomeCase expected, OutcomeCase actual) => (expected, actual) switch
    {
        (DeletionBlocked left, DeletionBlocked right) =>
            left with { Alternatives = [] } == right with { Alternatives = [] }
            && left.Alternatives.SequenceEqual(right.Alternatives),
        _ => expected.Equals(actual),
    };

    /// <summary>Whether two decisions have the same outcome, events and replay flag.</summary>
    public static bool Decision(Decision expected, Decision actual) =>
        Case(expected.Outcome.Case, actual.Outcome.Case)
        && expected.Outcome.Kind == actual.Outcome.Kind
        && expected.Events.SequenceEqual(actual.Events)
        && expected.IsReplay == actual.IsReplay;
}
