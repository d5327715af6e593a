using System;
using System.Text.Json;
using NodaTime;

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

    private static readonly string[] AddNames =
        ["type", "id", "at", "actor", "seat", "name", "email", "role", "plan", "directNumber", "callerId", "ringGroups", "devices", "expectedVersion"];
    private static readonly string[] ReplaceNames = ["type", "id", "at", "actor", "seat", "name", "email", "role", "expectedVersion"];
    private static readonly string[] SeatOnlyNames = ["type", "id", "at", "actor", "seat", "expectedVersion"];
    private static readonly string[] DeleteNames = ["type", "id", "at", "actor", "seat", "effective", "expectedVersion"];
    private static readonly string[] ChangePlanNames = ["type", "id", "at", "actor", "seat", "plan", "expectedVersion"];
    private static readonly string[] UpdateNames = ReplaceNames;
    private static readonly string[] MalformedNames = ["type", "id", "at", "actor", "field", "reason", "seat", "expectedVersion"];

    /// <summary>The discriminator values, in the order the docs list them.</summary>
    public static readonly string[] Types = DialectNames.Commands;

    public static void Write(Utf8JsonWriter writer, SeatCommand value)
    {
        writer.WriteStartObject();
        writer.WriteString(Discriminator, DialectNames.Of(value));
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

                writer.WriteOptionalString("plan", add.Plan);
                if (add.Assets is { } assets)
                {
                    AgentJson.WriteFlatAssets(writer, assets, lists: true);
                }

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
                if (delete.Effective != DeletionEffective.Now)
                {
                    writer.WriteEnum("effective", delete.Effective);
                }

                break;
            case CancelScheduledChange cancel:
                writer.WriteSeatId("seat", cancel.Seat);
                break;
            case ChangePlan change:
                writer.WriteSeatId("seat", change.Seat);
                writer.WriteOptionalString("plan", change.Plan);
                break;
            case MalformedCommand malformed:
                writer.WriteString("field", malformed.Field);
                writer.WriteString("reason", malformed.Reason);
                if (malformed.Seat is { } named)
                {
                    writer.WriteSeatId("seat", named);
                }

                break;
            default:
                throw new JsonException($"Cannot write a {value.GetType().Name}: only the library's own command types have a JSON shape.");
        }

        writer.WriteOptionalNumber("expectedVersion", value.ExpectedVersion);
        writer.WriteEndObject();
    }

    /// <summary>Reads a command; a member that cannot be read fails the read.</summary>
    public static SeatCommand Read(Node node) => Read(node, lenient: false);

    /// <summary>
    /// Reads a command. <c>type</c>, <c>id</c>, <c>at</c> and <c>actor</c> must be readable. When
    /// <paramref name="lenient"/> is set, a command whose other members cannot be read (a wrong JSON kind, a
    /// role that is no role, a member its type does not take) reads as a <see cref="MalformedCommand"/>
    /// naming the first such member, for the policy to answer with <see cref="InvalidCommand"/>.
    /// </summary>
    public static SeatCommand Read(Node node, bool lenient)
    {
        var command = node.Object();
        var typeNode = command.Required(Discriminator);
        var type = typeNode.String();
        if (Array.IndexOf(Types, type) < 0)
        {
            throw typeNode.Fail($"unknown command type '{type}' (expected {string.Join(", ", Types)})");
        }

        var id = new CommandId(command.Required("id").String());
        var at = command.Required("at").Instant();
        var actor = new Actor(command.Required("actor").String());
        if (!lenient)
        {
            return ReadMembers(command, type, id, at, actor);
        }

        try
        {
            return ReadMembers(command, type, id, at, actor);
        }
        catch (SeatPolicyJsonException malformed) when (malformed.Member.StartsWith(command.Path + ".", StringComparison.Ordinal))
        {
            var field = malformed.Member[(command.Path.Length + 1)..];
            var end = field.AsSpan().IndexOfAny('.', '[');
            return new MalformedCommand(
                id,
                at,
                actor,
                end < 0 ? field : field[..end],
                malformed.Problem,
                IfReadable(ExpectedVersion, command),
                IfReadable(static command => command.Optional("seat") is { } seat ? IdsJson.ReadSeatId(seat) : (SeatId?)null, command));
        }
    }

    private static SeatCommand ReadMembers(ObjectNode command, string type, CommandId id, Instant at, Actor actor)
    {
        switch (type)
        {
            case DialectNames.AddAgent:
                command.OnlyKnown(DialectNames.AddAgent, AddNames);
                return new AddAgent(
                    id,
                    at,
                    actor,
                    command.Optional("name")?.String(),
                    command.Optional("email")?.String(),
                    command.Optional("role")?.Enum<Role>(),
                    command.Optional("seat") is { } seat ? IdsJson.ReadSeatId(seat) : null,
                    AgentJson.ReadFlatAssets(command),
                    ExpectedVersion(command),
                    PlanOf(command));
            case DialectNames.ReplaceAgent:
                command.OnlyKnown(DialectNames.ReplaceAgent, ReplaceNames);
                return new ReplaceAgent(id, at, actor, Seat(command), Name(command), Email(command), RoleOf(command), ExpectedVersion(command));
            case DialectNames.UpdateAgent:
                command.OnlyKnown(DialectNames.UpdateAgent, UpdateNames);
                return new UpdateAgent(id, at, actor, Seat(command), Name(command), Email(command), RoleOf(command), ExpectedVersion(command));
            case DialectNames.DeactivateAgent:
                command.OnlyKnown(DialectNames.DeactivateAgent, SeatOnlyNames);
                return new DeactivateAgent(id, at, actor, Seat(command), ExpectedVersion(command));
            case DialectNames.DeleteAgent:
                command.OnlyKnown(DialectNames.DeleteAgent, DeleteNames);
                return new DeleteAgent(
                    id,
                    at,
                    actor,
                    Seat(command),
                    ExpectedVersion(command),
                    command.Optional("effective")?.Enum<DeletionEffective>() ?? DeletionEffective.Now);
            case DialectNames.CancelScheduledChange:
                command.OnlyKnown(DialectNames.CancelScheduledChange, SeatOnlyNames);
                return new CancelScheduledChange(id, at, actor, Seat(command), ExpectedVersion(command));
            case DialectNames.ChangePlan:
                command.OnlyKnown(DialectNames.ChangePlan, ChangePlanNames);
                return new ChangePlan(id, at, actor, Seat(command), PlanOf(command), ExpectedVersion(command));
            default:
                command.OnlyKnown(DialectNames.MalformedCommand, MalformedNames);
                return new MalformedCommand(
                    id,
                    at,
                    actor,
                    command.Required("field").String(),
                    command.Required("reason").String(),
                    ExpectedVersion(command),
                    command.Optional("seat") is { } named ? IdsJson.ReadSeatId(named) : null);
        }
    }

    /// <summary>A member of a malformed command when it can be read; null when it is what is malformed.</summary>
    private static T? IfReadable<T>(Func<ObjectNode, T?> read, ObjectNode command)
        where T : struct
    {
        try
        {
            return read(command);
        }
        catch (SeatPolicyJsonException)
        {
            return null;
        }
    }

    /// <summary>The seat a command names; absent reads as no seat, which the policy answers with <see cref="InvalidCommand"/>.</summary>
    private static SeatId Seat(ObjectNode command) => command.Optional("seat") is { } seat ? IdsJson.ReadSeatId(seat) : default;

    private static string? Name(ObjectNode command) => command.Optional("name")?.String();

    private static string? Email(ObjectNode command) => command.Optional("email")?.String();

    private static Role? RoleOf(ObjectNode command) => command.Optional("role")?.Enum<Role>();

    /// <summary>The plan a command names (rulebook §13); absent reads as none, which for <see cref="ChangePlan"/> the policy answers with <see cref="InvalidCommand"/>.</summary>
    private static string? PlanOf(ObjectNode command) => command.Optional("plan")?.String();

    private static long? ExpectedVersion(ObjectNode command) => command.Optional("expectedVersion")?.Int64();
}
