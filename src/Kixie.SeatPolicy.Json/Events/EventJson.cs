using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// Every <see cref="SeatEvent"/> (an accepted change) as one object with a <c>"type"</c> discriminator (its
/// stored name, <see cref="DialectNames"/>), its <c>version</c>, <c>seat</c>, the whole <c>command</c> that
/// caused it, and its own members:
/// <c>{"type":"SeatDeleted","version":4,"seat":"s3","command":{…},"formerAgent":{…},"released":{…},"offBillFrom":"2026-04-01"}</c>.
/// As an outcome, the same change is the same members under <c>"outcome"</c> (<see cref="OutcomeJson"/>):
/// one writer and one reader of the members serve both.
/// </summary>
internal static class EventJson
{
    /// <summary>The discriminator's name.</summary>
    public const string Discriminator = "type";

    /// <summary>The members of each change, after its discriminator.</summary>
    public static readonly System.Collections.Generic.Dictionary<OutcomeKind, string[]> Members = new()
    {
        [OutcomeKind.Added] = ["version", "seat", "command", "agent", "assets", "charge", "plan"],
        [OutcomeKind.Replaced] = ["version", "seat", "command", "newAgent", "previousAgent", "inherited"],
        [OutcomeKind.Deactivated] = ["version", "seat", "command", "formerAgent", "kept"],
        [OutcomeKind.Updated] = ["version", "seat", "command", "before", "after"],
        [OutcomeKind.Deleted] = ["version", "seat", "command", "formerAgent", "released", "offBillFrom"],
        [OutcomeKind.DeletionScheduled] = ["version", "seat", "command", "lastDay", "replaced"],
        [OutcomeKind.ScheduleCancelled] = ["version", "seat", "command", "cancelled"],
        [OutcomeKind.PlanUpgraded] = ["version", "seat", "command", "from", "charge"],
        [OutcomeKind.PlanChanged] = ["version", "seat", "command", "from"],
        [OutcomeKind.DowngradeScheduled] = ["version", "seat", "command", "from", "effective", "replaced"],
    };

    private static readonly System.Collections.Generic.Dictionary<string, OutcomeKind> KindsByType = new(System.StringComparer.Ordinal)
    {
        [DialectNames.SeatAdded] = OutcomeKind.Added,
        [DialectNames.AgentReplaced] = OutcomeKind.Replaced,
        [DialectNames.AgentDeactivated] = OutcomeKind.Deactivated,
        [DialectNames.AgentUpdated] = OutcomeKind.Updated,
        [DialectNames.SeatDeleted] = OutcomeKind.Deleted,
        [DialectNames.DeletionScheduled] = OutcomeKind.DeletionScheduled,
        [DialectNames.ScheduleCancelled] = OutcomeKind.ScheduleCancelled,
        [DialectNames.PlanUpgraded] = OutcomeKind.PlanUpgraded,
        [DialectNames.PlanChanged] = OutcomeKind.PlanChanged,
        [DialectNames.DowngradeScheduled] = OutcomeKind.DowngradeScheduled,
    };

    /// <summary>Whether a kind is an accepted change, read by <see cref="ReadMembers"/>.</summary>
    public static bool IsChange(OutcomeKind kind) => Members.ContainsKey(kind);

    /// <summary>The discriminator values, in the order the docs list them.</summary>
    public static readonly string[] Types = DialectNames.Events;

    public static void Write(Utf8JsonWriter writer, SeatEvent value)
    {
        writer.WriteStartObject();
        writer.WriteString(Discriminator, DialectNames.Of(value));
        WriteMembers(writer, value);
        writer.WriteEndObject();
    }

    /// <summary>A change's members, after its discriminator: the same under <c>"type"</c> and <c>"outcome"</c>.</summary>
    public static void WriteMembers(Utf8JsonWriter writer, SeatEvent value)
    {
        writer.WriteNumber("version", value.Version);
        writer.WriteSeatId("seat", value.Seat);
        writer.WriteObject("command", value.Command, CommandJson.Write);
        switch (value)
        {
            case Added added:
                writer.WriteObject("agent", added.Agent, AgentJson.WriteAgent);
                writer.WriteObject("assets", added.Assets, AgentJson.WriteAssets);
                writer.WriteObject("charge", added.Charge, CalendarJson.WriteIncurred);
                if (added.Plan != Plan.Standard)
                {
                    // Left out on the plan of an account opened with a plain seat price, so documents stored before plans read unchanged.
                    writer.WriteString("plan", added.Plan);
                }

                break;
            case Replaced replaced:
                writer.WriteObject("newAgent", replaced.NewAgent, AgentJson.WriteAgent);
                writer.WriteOptionalObject("previousAgent", replaced.PreviousAgent, AgentJson.WriteAgent);
                writer.WriteObject("inherited", replaced.Inherited, AgentJson.WriteAssets);
                break;
            case Deactivated deactivated:
                writer.WriteObject("formerAgent", deactivated.FormerAgent, AgentJson.WriteAgent);
                writer.WriteObject("kept", deactivated.Kept, AgentJson.WriteAssets);
                break;
            case Updated updated:
                writer.WriteObject("before", updated.Before, AgentJson.WriteAgent);
                writer.WriteObject("after", updated.After, AgentJson.WriteAgent);
                break;
            case Deleted deleted:
                writer.WriteOptionalObject("formerAgent", deleted.FormerAgent, AgentJson.WriteAgent);
                writer.WriteObject("released", deleted.Released, AgentJson.WriteAssets);
                writer.WriteDate("offBillFrom", deleted.OffBillFrom);
                break;
            case DeletionScheduled scheduled:
                writer.WriteDate("lastDay", scheduled.LastDay);
                writer.WriteOptionalObject("replaced", scheduled.Replaced, WritePending);
                break;
            case ScheduleCancelled cancelled:
                writer.WriteObject("cancelled", cancelled.Cancelled, WritePending);
                break;
            case PlanUpgraded upgraded:
                writer.WriteString("from", upgraded.From);
                writer.WriteObject("charge", upgraded.Charge, CalendarJson.WriteIncurred);
                break;
            case PlanChanged changed:
                writer.WriteString("from", changed.From);
                break;
            case DowngradeScheduled downgrade:
                writer.WriteString("from", downgrade.From);
                writer.WriteDate("effective", downgrade.Effective);
                writer.WriteOptionalObject("replaced", downgrade.Replaced, WritePending);
                break;
            default:
                throw new JsonException($"Cannot write a {value.GetType().Name}: only the library's own event types have a JSON shape.");
        }
    }

    public static SeatEvent Read(Node node)
    {
        var change = node.Object();
        var typeNode = change.Required(Discriminator);
        var type = typeNode.String();
        if (!KindsByType.TryGetValue(type, out var kind))
        {
            throw typeNode.Fail($"unknown event type '{type}' (expected {string.Join(", ", Types)})");
        }

        change.OnlyKnown(type, [Discriminator, .. Members[kind]]);
        return ReadMembers(change, kind);
    }

    /// <summary>A change from its event document (<c>"type"</c>) or its outcome document (<c>"outcome"</c>), which hold the same members.</summary>
    public static SeatEvent ReadEventOrOutcome(Node node)
    {
        if (!node.Object().Has(OutcomeJson.Discriminator))
        {
            return Read(node);
        }

        return OutcomeJson.ReadCase(node) as SeatEvent
            ?? throw new SeatPolicyJsonException($"{node.Path}.{OutcomeJson.Discriminator}", "a refusal is not an accepted change");
    }

    /// <summary>A change's members, whose names the caller has checked: the same under <c>"type"</c> and <c>"outcome"</c>.</summary>
    public static SeatEvent ReadMembers(ObjectNode change, OutcomeKind kind)
    {
        var (command, version, seat) = Common(change);
        return kind switch
        {
            OutcomeKind.Added => new Added(
                command,
                version,
                seat,
                AgentJson.ReadAgent(change.Required("agent")),
                AgentJson.ReadAssets(change.Required("assets")),
                CalendarJson.ReadIncurred(change.Required("charge")),
                change.Optional("plan")?.String() ?? Plan.Standard),
            OutcomeKind.Replaced => new Replaced(
                command,
                version,
                seat,
                AgentJson.ReadAgent(change.Required("newAgent")),
                change.Optional("previousAgent") is { } previous ? AgentJson.ReadAgent(previous) : null,
                AgentJson.ReadAssets(change.Required("inherited"))),
            OutcomeKind.Deactivated => new Deactivated(
                command,
                version,
                seat,
                AgentJson.ReadAgent(change.Required("formerAgent")),
                AgentJson.ReadAssets(change.Required("kept"))),
            OutcomeKind.Updated => new Updated(
                command,
                version,
                seat,
                AgentJson.ReadAgent(change.Required("before")),
                AgentJson.ReadAgent(change.Required("after"))),
            OutcomeKind.Deleted => new Deleted(
                command,
                version,
                seat,
                change.Optional("formerAgent") is { } former ? AgentJson.ReadAgent(former) : null,
                AgentJson.ReadAssets(change.Required("released")),
                change.Required("offBillFrom").LocalDate()),
            OutcomeKind.DeletionScheduled => new DeletionScheduled(
                command,
                version,
                seat,
                change.Required("lastDay").LocalDate(),
                change.Optional("replaced") is { } replaced ? ReadPending(replaced) : null),
            OutcomeKind.ScheduleCancelled => new ScheduleCancelled(command, version, seat, ReadPending(change.Required("cancelled"))),
            OutcomeKind.PlanUpgraded => new PlanUpgraded(
                PlanChangeCommand(change, command),
                version,
                seat,
                change.Required("from").String(),
                CalendarJson.ReadIncurred(change.Required("charge"))),
            OutcomeKind.PlanChanged => new PlanChanged(PlanChangeCommand(change, command), version, seat, change.Required("from").String()),
            OutcomeKind.DowngradeScheduled => new DowngradeScheduled(
                PlanChangeCommand(change, command),
                version,
                seat,
                change.Required("from").String(),
                change.Required("effective").LocalDate(),
                change.Optional("replaced") is { } replacedChange ? ReadPending(replacedChange) : null),
            _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "not an accepted change"),
        };
    }

    /// <summary>
    /// A pending change: <c>{"change":"Delete","date":"2026-03-31"}</c> (the date is a deletion's last day) or
    /// <c>{"change":"ChangePlan","date":"2026-04-01","plan":"Integrate"}</c> (a downgrade: the bill date it takes
    /// effect and the plan it moves to); <c>plan</c> is left out when null.
    /// </summary>
    public static void WritePending(Utf8JsonWriter writer, PendingChange value)
    {
        writer.WriteStartObject();
        writer.WriteEnum("change", value.Change);
        writer.WriteDate("date", value.Date);
        writer.WriteOptionalString("plan", value.Plan);
        writer.WriteEndObject();
    }

    /// <summary>Reads a pending change written by <see cref="WritePending"/>.</summary>
    public static PendingChange ReadPending(Node node)
    {
        var pending = node.Object("a pending change", ["change", "date", "plan"]);
        return new PendingChange(
            pending.Required("change").Enum<ScheduledChange>(),
            pending.Required("date").LocalDate(),
            pending.Optional("plan")?.String());
    }

    /// <summary>
    /// The command of a plan change, which names the plan the seat moves to (the event's <c>To</c>): a
    /// <see cref="ChangePlan"/> with a plan, else the change is refused at its command.
    /// </summary>
    private static SeatCommand PlanChangeCommand(ObjectNode change, SeatCommand command) => command switch
    {
        ChangePlan { Plan: not null } => command,
        ChangePlan => throw change.FailAt("command.plan", "a plan change's command names the plan the seat moves to"),
        _ => throw change.FailAt("command.type", $"a plan change is caused by a {DialectNames.ChangePlan}, not a {DialectNames.Of(command)}"),
    };

    private static (SeatCommand Command, long Version, SeatId Seat) Common(ObjectNode change)
    {
        var version = change.Required("version").Int64();
        var seat = IdsJson.ReadSeatId(change.Required("seat"));
        var command = CommandJson.Read(change.Required("command"));
        return (command, version, seat);
    }
}
