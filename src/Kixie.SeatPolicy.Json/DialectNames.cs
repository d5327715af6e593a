using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// The discriminators of the dialect: the <c>"type"</c> of every command and event and the
/// <c>"outcome"</c> of every outcome case, written here once and independent of the engine's CLR type
/// names. Documents and PostgreSQL rows are stored with these names for years, so a value here never
/// changes; a renamed C# type keeps its name here, and a new type gets a new name.
/// </summary>
internal static class DialectNames
{
    public const string AddAgent = "AddAgent";
    public const string ReplaceAgent = "ReplaceAgent";
    public const string DeactivateAgent = "DeactivateAgent";
    public const string UpdateAgent = "UpdateAgent";
    public const string DeleteAgent = "DeleteAgent";
    public const string MalformedCommand = "MalformedCommand";
    public const string CancelScheduledChange = "CancelScheduledChange";
    public const string ChangePlan = "ChangePlan";

    public const string SeatAdded = "SeatAdded";
    public const string AgentReplaced = "AgentReplaced";
    public const string AgentDeactivated = "AgentDeactivated";
    public const string AgentUpdated = "AgentUpdated";
    public const string SeatDeleted = "SeatDeleted";
    public const string DeletionScheduled = "DeletionScheduled";
    public const string ScheduleCancelled = "ScheduleCancelled";
    public const string PlanUpgraded = "PlanUpgraded";
    public const string PlanChanged = "PlanChanged";
    public const string DowngradeScheduled = "DowngradeScheduled";

    /// <summary>The command types, in the order the docs list them.</summary>
    public static readonly string[] Commands = [AddAgent, ReplaceAgent, DeactivateAgent, UpdateAgent, DeleteAgent, CancelScheduledChange, ChangePlan, MalformedCommand];

    /// <summary>The event types, in the order the docs list them.</summary>
    public static readonly string[] Events = [SeatAdded, AgentReplaced, AgentDeactivated, AgentUpdated, SeatDeleted, DeletionScheduled, ScheduleCancelled, PlanUpgraded, PlanChanged, DowngradeScheduled];

    /// <summary>A command's <c>"type"</c>.</summary>
    public static string Of(SeatCommand command) => command switch
    {
        Kixie.SeatPolicy.AddAgent => AddAgent,
        Kixie.SeatPolicy.ReplaceAgent => ReplaceAgent,
        Kixie.SeatPolicy.DeactivateAgent => DeactivateAgent,
        Kixie.SeatPolicy.UpdateAgent => UpdateAgent,
        Kixie.SeatPolicy.DeleteAgent => DeleteAgent,
        Kixie.SeatPolicy.MalformedCommand => MalformedCommand,
        Kixie.SeatPolicy.CancelScheduledChange => CancelScheduledChange,
        Kixie.SeatPolicy.ChangePlan => ChangePlan,
        _ => throw new JsonException($"Cannot write a {command.GetType().Name}: only the library's own command types have a JSON shape."),
    };

    /// <summary>An event's <c>"type"</c>.</summary>
    public static string Of(SeatEvent change) => change switch
    {
        Kixie.SeatPolicy.Added => SeatAdded,
        Kixie.SeatPolicy.Replaced => AgentReplaced,
        Kixie.SeatPolicy.Deactivated => AgentDeactivated,
        Kixie.SeatPolicy.Updated => AgentUpdated,
        Kixie.SeatPolicy.Deleted => SeatDeleted,
        Kixie.SeatPolicy.DeletionScheduled => DeletionScheduled,
        Kixie.SeatPolicy.ScheduleCancelled => ScheduleCancelled,
        Kixie.SeatPolicy.PlanUpgraded => PlanUpgraded,
        Kixie.SeatPolicy.PlanChanged => PlanChanged,
        Kixie.SeatPolicy.DowngradeScheduled => DowngradeScheduled,
        _ => throw new JsonException($"Cannot write a {change.GetType().Name}: only the library's own event types have a JSON shape."),
    };

    /// <summary>The outcomes by name, in the order the docs list them.</summary>
    public static readonly System.Collections.Generic.Dictionary<string, OutcomeKind> Outcomes =
        System.Linq.Enumerable.ToDictionary(System.Enum.GetValues<OutcomeKind>(), Of, kind => kind, System.StringComparer.Ordinal);

    /// <summary>An outcome case's <c>"outcome"</c>.</summary>
    public static string Of(OutcomeCase outcome) => Of(outcome.Kind);

    /// <summary>
    /// The <c>"outcome"</c> of a kind: the name the scenario format fixes, which is also the
    /// <see cref="OutcomeKind"/> member's name today (StoredDocumentTests reads outcomes written by that name).
    /// </summary>
    public static string Of(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Added => "Added",
        OutcomeKind.Replaced => "Replaced",
        OutcomeKind.Deactivated => "Deactivated",
        OutcomeKind.Updated => "Updated",
        OutcomeKind.Deleted => "Deleted",
        OutcomeKind.DeletionBlocked => "DeletionBlocked",
        OutcomeKind.DeletionRequiresSupport => "DeletionRequiresSupport",
        OutcomeKind.Unauthorized => "Unauthorized",
        OutcomeKind.LastAdminProtected => "LastAdminProtected",
        OutcomeKind.EditLooksLikeReplacement => "EditLooksLikeReplacement",
        OutcomeKind.EmailInUse => "EmailInUse",
        OutcomeKind.SeatNotFound => "SeatNotFound",
        OutcomeKind.SeatAlreadyVacant => "SeatAlreadyVacant",
        OutcomeKind.InvalidCommand => "InvalidCommand",
        OutcomeKind.VersionConflict => "VersionConflict",
        OutcomeKind.DeletionScheduled => "DeletionScheduled",
        OutcomeKind.ScheduleCancelled => "ScheduleCancelled",
        OutcomeKind.NothingScheduled => "NothingScheduled",
        OutcomeKind.PlanUpgraded => "PlanUpgraded",
        OutcomeKind.PlanChanged => "PlanChanged",
        OutcomeKind.DowngradeScheduled => "DowngradeScheduled",
        OutcomeKind.DowngradeBlocked => "DowngradeBlocked",
        _ => throw new JsonException($"Cannot write the outcome kind {kind}: only the library's own outcomes have a JSON shape."),
    };
}
