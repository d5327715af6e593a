using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// Every <see cref="SeatCommand"/> as one object with a <c>"type"</c> discriminator (the record's name) and
/// its members in camelCase: <c>{"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test",
/// "name":"Bo Li","email":"bo@acme.test","role":"Agent"}</c>. Members that are null are left out;
/// <c>id</c>, <c>actor</c> and (except for adds) <c>seat</c> must be present but may be null, as the
/// command records allow.
/// </summary>
internal static class CommandJson
{
    /// <summary>The discriminator's name.</summary>
    public const string Discriminator = "type";

    private static readonly string[] AddNames = ["type", "id", "at", "actor", "name", "email", "role", "seat", "assets", "expectedVersion"];
    private static readonly string[] ReplaceNames = ["type", "id", "at", "actor", "seat", "name", "email", "role", "expectedVersion"];
    private static readonly string[] SeatOnlyNames = ["type", "id", "at", "actor", "seat", "expectedVersion"];
    private static readonly string[] UpdateNames = ReplaceNames;
    private static readonly string[] MalformedNames = ["type", "id", "at", "actor", "field", "reason", "expectedVersion"];

    /// <summary>The discriminator values, in the order the docs list them.</summary>
    public static readonly string[] Types =
        [nameof(AddAgent), nameof(ReplaceAgent), nameof(DeactivateAgent), nameof(UpdateAgent), nameof(DeleteAgent), nameof(MalformedCommand)];

    public static void Write(Utf8JsonWriter writer, SeatCommand value)
    {
        writer.WriteStartObject();
        writer.WriteString(Discriminator, value.GetType().Name);
        writer.WritePropertyName("id");
        IdsJson.WriteCommandId(writer, value.Id);
        writer.WriteInstant("at", value.At);
        writer.WritePropertyName("actor");
        IdsJson.WriteActor(writer, value.Actor);
        switch (value)
        {
            case AddAgent add:
                writer.WriteOptionalString("name", add.Name);
                writer.WriteOptionalString("email", add.Email);
                writer.WriteOptionalEnum("role", add.Role);
                if (add.Seat is { } seat)
                {
                    writer.WriteSeatId("seat", seat);
                }

                writer.WriteOptionalObject("assets", add.Assets, AgentJson.WriteAssets);
                break;
            case ReplaceAgent replace:
                writer.WriteSeatId("seat", replace.Seat);
                writer.WriteOptionalString("name", replace.Name);
                writer.WriteOptionalString("email", replace.Email);
                writer.WriteOptionalEnum("role", replace.Role);
                break;
            case DeactivateAgent deactivate:
                writer.WriteSeatId("seat", deactivate.Seat);
                break;
            case UpdateAgent update:
                writer.WriteSeatId("seat", update.Seat);
                writer.WriteOptionalString("name", update.Name);
                writer.WriteOptionalString("email", update.Email);
                writer.WriteOptionalEnum("role", update.Role);
                break;
            case DeleteAgent delete:
                writer.WriteSeatId("seat", delete.Seat);
                break;
            case MalformedCommand malformed:
                writer.WriteString("field", malformed.Field);
                writer.WriteString("reason", malformed.Reason);
                break;
            default:
                throw new JsonException($"Cannot write a {value.GetType().Name}: only the library's own command types have a JSON shape.");
        }

        writer.WriteOptionalNumber("expectedVersion", value.ExpectedVersion);
        writer.WriteEndObject();
    }

    public static SeatCommand Read(Node node)
    {
        var command = node.Object();
        var typeNode = command.Required(Discriminator);
        var type = typeNode.String();
        return type switch
        {
            nameof(AddAgent) => ReadAdd(command),
            nameof(ReplaceAgent) => ReadReplace(command),
            nameof(DeactivateAgent) => ReadDeactivate(command),
            nameof(UpdateAgent) => ReadUpdate(command),
            nameof(DeleteAgent) => ReadDelete(command),
            nameof(MalformedCommand) => ReadMalformed(command),
            _ => throw typeNode.Fail($"unknown command type '{type}' (expected {string.Join(", ", Types)})"),
        };
    }

    private static AddAgent ReadAdd(ObjectNode command)
    {
        command.OnlyKnown(nameof(AddAgent), AddNames);
        return new AddAgent(
            IdsJson.ReadCommandId(command.Required("id")),
            command.Required("at").Instant(),
            IdsJson.ReadActor(command.Required("actor")),
            command.Optional("name")?.String(),
            command.Optional("email")?.String(),
            command.Optional("role")?.Enum<Role>(),
            command.Optional("seat") is { } seat ? IdsJson.ReadSeatId(seat) : null,
            command.Optional("assets") is { } assets ? AgentJson.ReadAssets(assets) : null,
            ExpectedVersion(command));
    }

    private static ReplaceAgent ReadReplace(ObjectNode command)
    {
        command.OnlyKnown(nameof(ReplaceAgent), ReplaceNames);
        return new ReplaceAgent(
            IdsJson.ReadCommandId(command.Required("id")),
            command.Required("at").Instant(),
            IdsJson.ReadActor(command.Required("actor")),
            IdsJson.ReadSeatId(command.Required("seat")),
            command.Optional("name")?.String(),
            command.Optional("email")?.String(),
            command.Optional("role")?.Enum<Role>(),
            ExpectedVersion(command));
    }

    private static DeactivateAgent ReadDeactivate(ObjectNode command)
    {
        command.OnlyKnown(nameof(DeactivateAgent), SeatOnlyNames);
        return new DeactivateAgent(
            IdsJson.ReadCommandId(command.Required("id")),
            command.Required("at").Instant(),
            IdsJson.ReadActor(command.Required("actor")),
            IdsJson.ReadSeatId(command.Required("seat")),
            ExpectedVersion(command));
    }

    private static UpdateAgent ReadUpdate(ObjectNode command)
    {
        command.OnlyKnown(nameof(UpdateAgent), UpdateNames);
        return new UpdateAgent(
            IdsJson.ReadCommandId(command.Required("id")),
            command.Required("at").Instant(),
            IdsJson.ReadActor(command.Required("actor")),
            IdsJson.ReadSeatId(command.Required("seat")),
            command.Optional("name")?.String(),
            command.Optional("email")?.String(),
            command.Optional("role")?.Enum<Role>(),
            ExpectedVersion(command));
    }

    private static DeleteAgent ReadDelete(ObjectNode command)
    {
        command.OnlyKnown(nameof(DeleteAgent), SeatOnlyNames);
        return new DeleteAgent(
            IdsJson.ReadCommandId(command.Required("id")),
            command.Required("at").Instant(),
            IdsJson.ReadActor(command.Required("actor")),
            IdsJson.ReadSeatId(command.Required("seat")),
            ExpectedVersion(command));
    }

    private static MalformedCommand ReadMalformed(ObjectNode command)
    {
        command.OnlyKnown(nameof(MalformedCommand), MalformedNames);
        return new MalformedCommand(
            IdsJson.ReadCommandId(command.Required("id")),
            command.Required("at").Instant(),
            IdsJson.ReadActor(command.Required("actor")),
            command.Required("field").String(),
            command.Required("reason").String(),
            ExpectedVersion(command));
    }

    private static long? ExpectedVersion(ObjectNode command) => command.Optional("expectedVersion")?.Int64();
}
