using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// Every <see cref="SeatEvent"/> as one object with a <c>"type"</c> discriminator (the record's name), its
/// <c>version</c>, <c>seat</c>, the whole <c>command</c> that caused it, and its own members:
/// <c>{"type":"SeatDeleted","version":4,"seat":"s3","command":{…},"formerAgent":{…},"released":{…},"offBillFrom":"2026-04-01"}</c>.
/// </summary>
internal static class EventJson
{
    /// <summary>The discriminator's name.</summary>
    public const string Discriminator = "type";

    private static readonly string[] AddedNames = ["type", "version", "seat", "command", "agent", "assets", "charge"];
    private static readonly string[] ReplacedNames = ["type", "version", "seat", "command", "newAgent", "previousAgent", "inherited"];
    private static readonly string[] DeactivatedNames = ["type", "version", "seat", "command", "formerAgent", "kept"];
    private static readonly string[] UpdatedNames = ["type", "version", "seat", "command", "before", "after"];
    private static readonly string[] DeletedNames = ["type", "version", "seat", "command", "formerAgent", "released", "offBillFrom"];

    /// <summary>The discriminator values, in the order the docs list them.</summary>
    public static readonly string[] Types = DialectNames.Events;

    public static void Write(Utf8JsonWriter writer, SeatEvent value)
    {
        writer.WriteStartObject();
        writer.WriteString(Discriminator, DialectNames.Of(value));
        writer.WriteNumber("version", value.Version);
        writer.WriteSeatId("seat", value.Seat);
        writer.WriteObject("command", value.Command, CommandJson.Write);
        switch (value)
        {
            case SeatAdded added:
                writer.WriteObject("agent", added.Agent, AgentJson.WriteAgent);
                writer.WriteObject("assets", added.Assets, AgentJson.WriteAssets);
                writer.WriteObject("charge", added.Charge, CalendarJson.WriteIncurred);
                break;
            case AgentReplaced replaced:
                writer.WriteObject("newAgent", replaced.NewAgent, AgentJson.WriteAgent);
                writer.WriteOptionalObject("previousAgent", replaced.PreviousAgent, AgentJson.WriteAgent);
                writer.WriteObject("inherited", replaced.Inherited, AgentJson.WriteAssets);
                break;
            case AgentDeactivated deactivated:
                writer.WriteObject("formerAgent", deactivated.FormerAgent, AgentJson.WriteAgent);
                writer.WriteObject("kept", deactivated.Kept, AgentJson.WriteAssets);
                break;
            case AgentUpdated updated:
                writer.WriteObject("before", updated.Before, AgentJson.WriteAgent);
                writer.WriteObject("after", updated.After, AgentJson.WriteAgent);
                break;
            case SeatDeleted deleted:
                writer.WriteOptionalObject("formerAgent", deleted.FormerAgent, AgentJson.WriteAgent);
                writer.WriteObject("released", deleted.Released, AgentJson.WriteAssets);
                writer.WriteDate("offBillFrom", deleted.OffBillFrom);
                break;
            default:
                throw new JsonException($"Cannot write a {value.GetType().Name}: only the library's own event types have a JSON shape.");
        }

        writer.WriteEndObject();
    }

    public static SeatEvent Read(Node node)
    {
        var change = node.Object();
        var typeNode = change.Required(Discriminator);
        var type = typeNode.String();
        switch (type)
        {
            case DialectNames.SeatAdded:
            {
                change.OnlyKnown(type, AddedNames);
                var (command, version, seat) = Common(change);
                return new SeatAdded(
                    command,
                    version,
                    seat,
                    AgentJson.ReadAgent(change.Required("agent")),
                    AgentJson.ReadAssets(change.Required("assets")),
                    CalendarJson.ReadIncurred(change.Required("charge")));
            }

            case DialectNames.AgentReplaced:
            {
                change.OnlyKnown(type, ReplacedNames);
                var (command, version, seat) = Common(change);
                return new AgentReplaced(
                    command,
                    version,
                    seat,
                    AgentJson.ReadAgent(change.Required("newAgent")),
                    change.Optional("previousAgent") is { } previous ? AgentJson.ReadAgent(previous) : null,
                    AgentJson.ReadAssets(change.Required("inherited")));
            }

            case DialectNames.AgentDeactivated:
            {
                change.OnlyKnown(type, DeactivatedNames);
                var (command, version, seat) = Common(change);
                return new AgentDeactivated(
                    command,
                    version,
                    seat,
                    AgentJson.ReadAgent(change.Required("formerAgent")),
                    AgentJson.ReadAssets(change.Required("kept")));
            }

            case DialectNames.AgentUpdated:
            {
                change.OnlyKnown(type, UpdatedNames);
                var (command, version, seat) = Common(change);
                return new AgentUpdated(
                    command,
                    version,
                    seat,
                    AgentJson.ReadAgent(change.Required("before")),
                    AgentJson.ReadAgent(change.Required("after")));
            }

            case DialectNames.SeatDeleted:
            {
                change.OnlyKnown(type, DeletedNames);
                var (command, version, seat) = Common(change);
                return new SeatDeleted(
                    command,
                    version,
                    seat,
                    change.Optional("formerAgent") is { } former ? AgentJson.ReadAgent(former) : null,
                    AgentJson.ReadAssets(change.Required("released")),
                    change.Required("offBillFrom").LocalDate());
            }

            default:
                throw typeNode.Fail($"unknown event type '{type}' (expected {string.Join(", ", Types)})");
        }
    }

    private static (SeatCommand Command, long Version, SeatId Seat) Common(ObjectNode change)
    {
        var version = change.Required("version").Int64();
        var seat = IdsJson.ReadSeatId(change.Required("seat"));
        var command = CommandJson.Read(change.Required("command"));
        return (command, version, seat);
    }
}
