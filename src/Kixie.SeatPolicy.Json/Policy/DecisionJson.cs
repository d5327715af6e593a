using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// <see cref="Decision"/> as <c>{"outcome":{…},"events":[…],"isReplay":false}</c>: the outcome as
/// <see cref="OutcomeJson"/> writes it and the events as <see cref="EventJson"/> does.
/// </summary>
internal static class DecisionJson
{
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

    /// <summary>
    /// A decision is the policy's answer to one command on one account: it is written for callers and never
    /// read back, so a deserialized value can never pose as one the policy gave. Store its events, send its
    /// outcome, and read those.
    /// </summary>
    public static Decision Read(Node node) =>
        throw node.Fail("a Decision is written, never read: read its outcome (TurnoverOutcome) or its events (SeatEvent) instead");
}
