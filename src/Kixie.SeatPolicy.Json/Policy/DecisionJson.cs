using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// <see cref="Decision"/> as <c>{"outcome":{…},"events":[…],"isReplay":false}</c>: the outcome as
/// <see cref="OutcomeJson"/> writes it and the events as <see cref="EventJson"/> does.
/// </summary>
internal static class DecisionJson
{
    private static readonly string[] Names = ["outcome", "events", "isReplay"];

    public static void Write(Utf8JsonWriter writer, Decision value)
    {
        writer.WriteStartObject();
        writer.WriteObject("outcome", value.Outcome, OutcomeJson.WriteOutcome);
        writer.WriteStartArray("events");
        if (!value.Events.IsDefault)
        {
            foreach (var change in value.Events)
            {
                EventJson.Write(writer, change);
            }
        }

        writer.WriteEndArray();
        writer.WriteBoolean("isReplay", value.IsReplay);
        writer.WriteEndObject();
    }

    public static Decision Read(Node node)
    {
        var decision = node.Object("a decision", Names);
        return new Decision(
            OutcomeJson.ReadOutcome(decision.Required("outcome")),
            decision.Required("events").Array(EventJson.Read),
            decision.Required("isReplay").Boolean());
    }
}
