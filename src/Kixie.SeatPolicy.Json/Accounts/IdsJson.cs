using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// The ids as plain JSON values: <see cref="SeatId"/>, <see cref="CommandId"/> and <see cref="Actor"/> as strings
/// (JSON null for their default, "none"), <see cref="AgentId"/> as a number.
/// </summary>
internal static class IdsJson
{
    public static void WriteSeatId(Utf8JsonWriter writer, SeatId value) => WriteText(writer, value.Value);

    public static SeatId ReadSeatId(Node node) => new(node.StringOrNull()!);

    public static void WriteCommandId(Utf8JsonWriter writer, CommandId value) => WriteText(writer, value.Value);

    public static CommandId ReadCommandId(Node node) => new(node.StringOrNull()!);

    public static void WriteActor(Utf8JsonWriter writer, Actor value) => WriteText(writer, value.Name);

    public static Actor ReadActor(Node node) => new(node.StringOrNull()!);

    public static void WriteAgentId(Utf8JsonWriter writer, AgentId value) => writer.WriteNumberValue(value.Value);

    public static AgentId ReadAgentId(Node node) => new(node.Int64());

    /// <summary>Writes a seat id member.</summary>
    public static void WriteSeatId(this Utf8JsonWriter writer, string name, SeatId value)
    {
        writer.WritePropertyName(name);
        WriteSeatId(writer, value);
    }

    private static void WriteText(Utf8JsonWriter writer, string? text)
    {
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }
}
