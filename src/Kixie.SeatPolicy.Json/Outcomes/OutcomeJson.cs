using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// Every <see cref="OutcomeCase"/> as one object discriminated by <c>"outcome"</c> (its stored name,
/// <see cref="DialectNames"/>), with its facts in camelCase and a <c>description</c> for people (written,
/// ignored when read). An accepted change is an event, and has the event's members (<see cref="EventJson"/>):
/// <c>{"outcome":"VersionConflict","expected":3,"actual":4,"description":"expected version 3, account is at 4"}</c>.
/// A <see cref="TurnoverOutcome"/> and a <see cref="Rejection"/> are written as the case they hold.
/// </summary>
internal static class OutcomeJson
{
    /// <summary>The discriminator's name.</summary>
    public const string Discriminator = "outcome";

    private const string Description = "description";

    private static readonly Dictionary<OutcomeKind, string[]> Names = new()
    {
        [OutcomeKind.Added] = EventJson.Members[OutcomeKind.Added],
        [OutcomeKind.Replaced] = EventJson.Members[OutcomeKind.Replaced],
        [OutcomeKind.Deactivated] = EventJson.Members[OutcomeKind.Deactivated],
        [OutcomeKind.Updated] = EventJson.Members[OutcomeKind.Updated],
        [OutcomeKind.Deleted] = EventJson.Members[OutcomeKind.Deleted],
        [OutcomeKind.DeletionScheduled] = EventJson.Members[OutcomeKind.DeletionScheduled],
        [OutcomeKind.ScheduleCancelled] = EventJson.Members[OutcomeKind.ScheduleCancelled],
        [OutcomeKind.PlanUpgraded] = EventJson.Members[OutcomeKind.PlanUpgraded],
        [OutcomeKind.PlanChanged] = EventJson.Members[OutcomeKind.PlanChanged],
        [OutcomeKind.DowngradeScheduled] = EventJson.Members[OutcomeKind.DowngradeScheduled],
        [OutcomeKind.NothingScheduled] = ["seat"],
        [OutcomeKind.DeletionBlocked] = ["seat", "reason", "allowedFrom", "alternatives"],
        [OutcomeKind.DeletionRequiresSupport] = ["seat", "howToReachSupport"],
        [OutcomeKind.Unauthorized] = ["actor", "reason"],
        [OutcomeKind.LastAdminProtected] = ["seat"],
        [OutcomeKind.EditLooksLikeReplacement] = ["seat"],
        [OutcomeKind.EmailInUse] = ["email", "heldBy"],
        [OutcomeKind.SeatNotFound] = ["seat"],
        [OutcomeKind.SeatAlreadyVacant] = ["seat"],
        [OutcomeKind.InvalidCommand] = ["field", "reason"],
        [OutcomeKind.VersionConflict] = ["expected", "actual"],
        [OutcomeKind.DowngradeBlocked] = ["seat", "reason", "allowedFrom"],
    };

    private static readonly string[] KindNames = [.. DialectNames.Outcomes.Keys];

    /// <summary>The cases of a <see cref="PlanOrSchedule"/>, in its order.</summary>
    private static readonly OutcomeKind[] PlanOrScheduleKinds =
    [
        OutcomeKind.DeletionScheduled, OutcomeKind.ScheduleCancelled, OutcomeKind.NothingScheduled,
        OutcomeKind.PlanUpgraded, OutcomeKind.PlanChanged, OutcomeKind.DowngradeScheduled, OutcomeKind.DowngradeBlocked,
    ];

    public static void WriteCase(Utf8JsonWriter writer, OutcomeCase value)
    {
        writer.WriteStartObject();
        writer.WriteString(Discriminator, DialectNames.Of(value));
        switch (value)
        {
            case SeatEvent change:
                EventJson.WriteMembers(writer, change);
                break;
            case DeletionBlocked blocked:
                writer.WriteSeatId("seat", blocked.Seat);
                writer.WriteString("reason", blocked.Reason);
                writer.WriteDate("allowedFrom", blocked.AllowedFrom);
                writer.WriteStartArray("alternatives");
                if (!blocked.Alternatives.IsDefault)
                {
                    foreach (var alternative in blocked.Alternatives)
                    {
                        writer.WriteEnumValue(alternative);
                    }
                }

                writer.WriteEndArray();
                break;
            case DowngradeBlocked downgradeBlocked:
                writer.WriteSeatId("seat", downgradeBlocked.Seat);
                writer.WriteString("reason", downgradeBlocked.Reason);
                writer.WriteDate("allowedFrom", downgradeBlocked.AllowedFrom);
                break;
            case DeletionRequiresSupport support:
                writer.WriteSeatId("seat", support.Seat);
                writer.WriteString("howToReachSupport", support.HowToReachSupport);
                break;
            case Unauthorized unauthorized:
                writer.WritePropertyName("actor");
                IdsJson.WriteActor(writer, unauthorized.Actor);
                writer.WriteString("reason", unauthorized.Reason);
                break;
            case LastAdminProtected lastAdmin:
                writer.WriteSeatId("seat", lastAdmin.Seat);
                break;
            case EditLooksLikeReplacement edit:
                writer.WriteSeatId("seat", edit.Seat);
                break;
            case EmailInUse inUse:
                writer.WriteString("email", inUse.Email);
                writer.WriteSeatId("heldBy", inUse.HeldBy);
                break;
            case SeatNotFound notFound:
                writer.WriteSeatId("seat", notFound.Seat);
                break;
            case NothingScheduled nothing:
                writer.WriteSeatId("seat", nothing.Seat);
                break;
            case SeatAlreadyVacant vacant:
                writer.WriteSeatId("seat", vacant.Seat);
                break;
            case InvalidCommand invalid:
                writer.WriteString("field", invalid.Field);
                writer.WriteString("reason", invalid.Reason);
                break;
            case VersionConflict conflict:
                writer.WriteNumber("expected", conflict.Expected);
                writer.WriteNumber("actual", conflict.Actual);
                break;
            default:
                throw new JsonException($"Cannot write a {value.GetType().Name}: only the library's own outcome cases have a JSON shape.");
        }

        writer.WriteOptionalString(Description, Derived.Text(value.Describe));
        writer.WriteEndObject();
    }

    public static OutcomeCase ReadCase(Node node)
    {
        var outcome = node.Object();
        var kindNode = outcome.Required(Discriminator);
        var name = kindNode.String();
        if (!DialectNames.Outcomes.TryGetValue(name, out var kind))
        {
            throw kindNode.Fail($"unknown outcome '{name}' (expected {string.Join(", ", KindNames)})");
        }

        outcome.OnlyKnown(name, [Discriminator, .. Names[kind], Description]);
        if (outcome.Has(Description))
        {
            _ = outcome.Required(Description).StringOrNull();
        }

        return kind switch
        {
            _ when EventJson.IsChange(kind) => EventJson.ReadMembers(outcome, kind),
            OutcomeKind.NothingScheduled => new NothingScheduled(Seat(outcome)),
            OutcomeKind.DeletionBlocked => new DeletionBlocked(
                Seat(outcome),
                outcome.Required("reason").String(),
                outcome.Required("allowedFrom").LocalDate(),
                outcome.Required("alternatives").Array(static item => item.Enum<TurnoverAlternative>())),
            OutcomeKind.DowngradeBlocked => new DowngradeBlocked(
                Seat(outcome),
                outcome.Required("reason").String(),
                outcome.Required("allowedFrom").LocalDate()),
            OutcomeKind.DeletionRequiresSupport => new DeletionRequiresSupport(
                Seat(outcome),
                outcome.Required("howToReachSupport").String()),
            OutcomeKind.Unauthorized => new Unauthorized(
                IdsJson.ReadActor(outcome.Required("actor")),
                outcome.Required("reason").String()),
            OutcomeKind.LastAdminProtected => new LastAdminProtected(Seat(outcome)),
            OutcomeKind.EditLooksLikeReplacement => new EditLooksLikeReplacement(Seat(outcome)),
            OutcomeKind.EmailInUse => new EmailInUse(
                outcome.Required("email").String(),
                IdsJson.ReadSeatId(outcome.Required("heldBy"))),
            OutcomeKind.SeatNotFound => new SeatNotFound(Seat(outcome)),
            OutcomeKind.SeatAlreadyVacant => new SeatAlreadyVacant(Seat(outcome)),
            OutcomeKind.InvalidCommand => new InvalidCommand(
                outcome.Required("field").String(),
                outcome.Required("reason").String()),
            OutcomeKind.VersionConflict => new VersionConflict(
                outcome.Required("expected").Int64(),
                outcome.Required("actual").Int64()),
            _ => throw kindNode.Fail($"unknown outcome '{name}'"),
        };
    }

    public static void WriteOutcome(Utf8JsonWriter writer, TurnoverOutcome value) => WriteCase(writer, value.Case);

    public static TurnoverOutcome ReadOutcome(Node node) => ReadCase(node) switch
    {
        Added added => added,
        Replaced replaced => replaced,
        Deactivated deactivated => deactivated,
        Updated updated => updated,
        Deleted deleted => deleted,
        DeletionBlocked blocked => blocked,
        DeletionRequiresSupport support => support,
        DeletionScheduled scheduled => scheduled,
        ScheduleCancelled cancelled => cancelled,
        NothingScheduled nothing => nothing,
        PlanUpgraded upgraded => upgraded,
        PlanChanged changed => changed,
        DowngradeScheduled downgrade => downgrade,
        DowngradeBlocked downgradeBlocked => downgradeBlocked,
        var rejected => ToRejection(rejected, node),
    };

    public static void WriteRejection(Utf8JsonWriter writer, Rejection value) => WriteCase(writer, value.Case);

    public static Rejection ReadRejection(Node node) => ToRejection(ReadCase(node), node);

    public static PlanOrSchedule ReadPlanOrSchedule(Node node) => ReadCase(node) switch
    {
        DeletionScheduled scheduled => scheduled,
        ScheduleCancelled cancelled => cancelled,
        NothingScheduled nothing => nothing,
        PlanUpgraded upgraded => upgraded,
        PlanChanged changed => changed,
        DowngradeScheduled downgrade => downgrade,
        DowngradeBlocked downgradeBlocked => downgradeBlocked,
        var other => throw new SeatPolicyJsonException(
            $"{node.Path}.{Discriminator}",
            $"'{DialectNames.Of(other)}' is not a plan or scheduling outcome (expected {string.Join(", ", PlanOrScheduleKinds.Select(DialectNames.Of))})"),
    };

    private static Rejection ToRejection(OutcomeCase value, Node node) => value switch
    {
        Unauthorized unauthorized => unauthorized,
        LastAdminProtected lastAdmin => lastAdmin,
        EditLooksLikeReplacement edit => edit,
        EmailInUse inUse => inUse,
        SeatNotFound notFound => notFound,
        SeatAlreadyVacant vacant => vacant,
        InvalidCommand invalid => invalid,
        VersionConflict conflict => conflict,
        _ => throw new SeatPolicyJsonException(
            $"{node.Path}.{Discriminator}",
            $"'{value.Kind}' is not a rejection (expected {string.Join(", ", KindNames.Skip((int)OutcomeKind.Unauthorized).Take(OutcomeKind.VersionConflict - OutcomeKind.Unauthorized + 1))})"),
    };

    private static SeatId Seat(ObjectNode outcome) => IdsJson.ReadSeatId(outcome.Required("seat"));
}
