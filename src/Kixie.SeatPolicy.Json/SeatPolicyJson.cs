using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// System.Text.Json for the engine's types: accounts (stored as their terms, initial seats and history,
/// replayed on read), commands and events (with a <c>"type"</c> discriminator), outcomes and decisions
/// (discriminated by <c>"outcome"</c>), money as exact decimal strings, and every value inside them.
/// </summary>
/// <remarks>
/// <para>Use <see cref="Options"/> as it is, or add the converters to your own options with
/// <see cref="Configure(JsonSerializerOptions)"/>. Property names are always camelCase, whatever the options' naming policy;
/// enum members are written by name.</para>
/// <para>Reading is strict: a missing required property, an unknown property, an unknown
/// discriminator, a value of the wrong JSON kind, or input the engine refuses (an account whose
/// history does not fit it, say) throws a <see cref="JsonException"/> whose message starts with the
/// JSON path of the fault, e.g. <c>$.history[3].type: unknown event type 'Foo'</c>. The path is
/// relative to the value the converter reads, which is the document itself when you deserialize an
/// engine type directly.</para>
/// <para>See <c>docs/json.md</c> for every shape. Thread-safe.</para>
/// </remarks>
public static class SeatPolicyJson
{
    /// <summary>One converter per engine type; they hold no state, so every options instance shares them. Declared first: <see cref="Options"/> is built from them.</summary>
    private static ImmutableArray<JsonConverter> Converters { get; } = [.. CreateConverters(lenientCommands: false)];

    /// <summary>The same converters, but commands are read leniently (see <see cref="LenientOptions"/>).</summary>
    private static ImmutableArray<JsonConverter> LenientConverters { get; } = [.. CreateConverters(lenientCommands: true)];

    /// <summary>
    /// Ready-made, read-only options: NodaTime's converters for the tzdb provider, this package's
    /// converters, camelCase names for your own types, compact output.
    /// </summary>
    /// <remarks>
    /// Uses System.Text.Json's reflection-based resolver for any type that is not the engine's, so it is
    /// not meant for trimmed or native AOT applications: there, call <see cref="Configure(JsonSerializerOptions)"/> on options
    /// with your source-generated context.
    /// </remarks>
    public static JsonSerializerOptions Options { get; } = CreateOptions(lenientCommands: false);

    /// <summary>
    /// Like <see cref="Options"/>, but a command whose <c>type</c>, <c>id</c>, <c>at</c> and <c>actor</c>
    /// can be read while another of its members cannot (a value of the wrong JSON kind, a role that is no
    /// role, a member its type does not take) is read as a <see cref="MalformedCommand"/> naming that
    /// member and what is wrong with it, instead of failing. The policy then answers it with
    /// <see cref="InvalidCommand"/>, so one bad field of one request is that command's outcome, not an
    /// error of the whole document. Everything else is read as strictly as with <see cref="Options"/>.
    /// </summary>
    public static JsonSerializerOptions LenientOptions { get; } = CreateOptions(lenientCommands: true);

    /// <summary>
    /// Adds NodaTime's converters (<c>ConfigureForNodaTime(DateTimeZoneProviders.Tzdb)</c>) and a converter
    /// for each of the engine's types to <paramref name="options"/>. Calling it again on the same options
    /// changes nothing.
    /// </summary>
    /// <param name="options">The options to configure; not yet used for serialization (System.Text.Json makes them read-only then).</param>
    /// <returns>The same <paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> is read-only.</exception>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options) => Configure(options, lenientCommands: false);

    /// <summary>
    /// Adds the converters as <see cref="Configure(JsonSerializerOptions)"/> does; with
    /// <paramref name="lenientCommands"/>, commands are read as <see cref="LenientOptions"/> reads them.
    /// </summary>
    /// <param name="options">The options to configure; not yet used for serialization.</param>
    /// <param name="lenientCommands">Whether a command with one unreadable member reads as a <see cref="MalformedCommand"/>.</param>
    /// <returns>The same <paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> is read-only.</exception>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options, bool lenientCommands)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Converters.Any(static converter => converter is ShapeConverter<Account>))
        {
            return options;
        }

        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        foreach (var converter in lenientCommands ? LenientConverters : Converters)
        {
            options.Converters.Add(converter);
        }

        return options;
    }

    private static JsonSerializerOptions CreateOptions(bool lenientCommands)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        Configure(options, lenientCommands);
        options.MakeReadOnly();
        return options;
    }

    private static IEnumerable<JsonConverter> CreateConverters(bool lenientCommands)
    {
        Func<Node, SeatCommand> readCommand = lenientCommands
            ? static node => CommandJson.Read(node, lenient: true)
            : CommandJson.Read;

        // Values.
        yield return Shape<Money>(MoneyJson.Read, MoneyJson.Write);
        yield return Shape<Currency>(MoneyJson.ReadCurrency, MoneyJson.WriteCurrency);
        yield return Shape<SeatId>(IdsJson.ReadSeatId, IdsJson.WriteSeatId);
        yield return Shape<AgentId>(IdsJson.ReadAgentId, IdsJson.WriteAgentId);
        yield return Shape<CommandId>(IdsJson.ReadCommandId, IdsJson.WriteCommandId);
        yield return Shape<Actor>(IdsJson.ReadActor, IdsJson.WriteActor);
        yield return Enum<Role>();
        yield return Enum<BillingCycle>();
        yield return Enum<AddChargeBilling>();
        yield return Enum<ProrationGranularity>();
        yield return Enum<DayCount>();
        yield return Enum<ProrationEngine>();
        yield return Enum<RoundingMode>();
        yield return Enum<OutcomeKind>();
        yield return Enum<TurnoverAlternative>();
        yield return Enum<ContractPhase>();
        yield return Enum<DeletionEffective>();
        yield return Enum<ScheduledChange>();
        yield return Shape<PendingChange>(EventJson.ReadPending, EventJson.WritePending);

        // Seats, calendars and contracts.
        yield return Shape<SeatAssets>(AgentJson.ReadAssets, AgentJson.WriteAssets);
        yield return Shape<Agent>(AgentJson.ReadAgent, AgentJson.WriteAgent);
        yield return Shape<InitialSeat>(AgentJson.ReadInitialSeat, AgentJson.WriteInitialSeat);
        yield return Shape<BillingCalendar>(CalendarJson.ReadCalendar, CalendarJson.WriteCalendar);
        yield return Shape<ProrationConvention>(CalendarJson.ReadConvention, CalendarJson.WriteConvention);
        yield return Shape<BillingPeriod>(CalendarJson.ReadPeriod, CalendarJson.WritePeriod);
        yield return Shape<ProratedCharge>(CalendarJson.ReadCharge, CalendarJson.WriteCharge);
        yield return Shape<ChargeIncurred>(CalendarJson.ReadIncurred, CalendarJson.WriteIncurred);
        yield return Shape<ContractTerm>(ContractTermJson.Read, ContractTermJson.Write);

        // Commands.
        yield return Shape(readCommand, CommandJson.Write);
        yield return Command<AddAgent>(DialectNames.AddAgent);
        yield return Command<ReplaceAgent>(DialectNames.ReplaceAgent);
        yield return Command<DeactivateAgent>(DialectNames.DeactivateAgent);
        yield return Command<UpdateAgent>(DialectNames.UpdateAgent);
        yield return Command<DeleteAgent>(DialectNames.DeleteAgent);
        yield return Command<MalformedCommand>(DialectNames.MalformedCommand);
        yield return Command<CancelScheduledChange>(DialectNames.CancelScheduledChange);
        yield return Command<ChangePlan>(DialectNames.ChangePlan);

        // Events.
        yield return Shape<SeatEvent>(EventJson.Read, EventJson.Write);
        yield return Event<Added>(DialectNames.SeatAdded);
        yield return Event<Replaced>(DialectNames.AgentReplaced);
        yield return Event<Deactivated>(DialectNames.AgentDeactivated);
        yield return Event<Updated>(DialectNames.AgentUpdated);
        yield return Event<Deleted>(DialectNames.SeatDeleted);
        yield return Event<DeletionScheduled>(DialectNames.DeletionScheduled);
        yield return Event<ScheduleCancelled>(DialectNames.ScheduleCancelled);
        yield return Event<PlanUpgraded>(DialectNames.PlanUpgraded);
        yield return Event<PlanChanged>(DialectNames.PlanChanged);
        yield return Event<DowngradeScheduled>(DialectNames.DowngradeScheduled);

        // Outcomes and decisions.
        yield return Shape<OutcomeCase>(OutcomeJson.ReadCase, OutcomeJson.WriteCase);
        yield return Case<DeletionBlocked>(OutcomeKind.DeletionBlocked);
        yield return Case<DeletionRequiresSupport>(OutcomeKind.DeletionRequiresSupport);
        yield return Case<Unauthorized>(OutcomeKind.Unauthorized);
        yield return Case<LastAdminProtected>(OutcomeKind.LastAdminProtected);
        yield return Case<EditLooksLikeReplacement>(OutcomeKind.EditLooksLikeReplacement);
        yield return Case<EmailInUse>(OutcomeKind.EmailInUse);
        yield return Case<SeatNotFound>(OutcomeKind.SeatNotFound);
        yield return Case<SeatAlreadyVacant>(OutcomeKind.SeatAlreadyVacant);
        yield return Case<InvalidCommand>(OutcomeKind.InvalidCommand);
        yield return Case<VersionConflict>(OutcomeKind.VersionConflict);
        yield return Case<NothingScheduled>(OutcomeKind.NothingScheduled);
        yield return Case<DowngradeBlocked>(OutcomeKind.DowngradeBlocked);
        yield return Shape<PlanOrSchedule>(OutcomeJson.ReadPlanOrSchedule, static (writer, value) => OutcomeJson.WriteCase(writer, value.Case));
        yield return Shape<TurnoverOutcome>(OutcomeJson.ReadOutcome, OutcomeJson.WriteOutcome);
        yield return Shape<Rejection>(OutcomeJson.ReadRejection, OutcomeJson.WriteRejection);
        yield return Shape<Decision>(DecisionJson.Read, DecisionJson.Write);

        // Advice (written, never read).
        yield return Enum<AdvicePlanKind>();
        yield return Shape<AdviceStep>(AdviceJson.ReadStep, AdviceJson.WriteStep);
        yield return Shape<AdvicePlan>(AdviceJson.ReadPlan, AdviceJson.WritePlan);
        yield return Shape<TurnoverAdvice>(AdviceJson.ReadAdvice, AdviceJson.Write);
        // Invoices.
        yield return Enum<InvoiceKind>();
        yield return Enum<InvoiceLineKind>();
        yield return Shape<Invoice>(InvoiceJson.Read, InvoiceJson.Write);
        yield return Shape<InvoiceLine>(static node => throw node.Fail("an invoice line is read within its invoice, whose currency its amount is in"), InvoiceJson.WriteLine);

        // Accounts.
        yield return Shape<NextBill>(AccountViewsJson.ReadNextBill, AccountViewsJson.WriteNextBill);
        yield return Shape<FormerOccupant>(AccountViewsJson.ReadFormerOccupant, AccountViewsJson.WriteFormerOccupant);
        yield return Shape<Account>(AccountJson.Read, AccountJson.Write);
    }

    private static ShapeConverter<T> Shape<T>(Func<Node, T> read, Action<Utf8JsonWriter, T> write) => new(read, write);

    private static ShapeConverter<T> Enum<T>()
        where T : struct, Enum =>
        new(static node => node.Enum<T>(), static (writer, value) => writer.WriteEnumValue(value));

    private static SubtypeConverter<SeatCommand, T> Command<T>(string name)
        where T : SeatCommand =>
        new(CommandJson.Read, CommandJson.Write, CommandJson.Discriminator, name);

    /// <summary>An accepted change declared as itself: written as the event it is, read as an event or as the outcome it also is.</summary>
    private static SubtypeConverter<SeatEvent, T> Event<T>(string name)
        where T : SeatEvent =>
        new(EventJson.ReadEventOrOutcome, EventJson.Write, EventJson.Discriminator, name);

    private static SubtypeConverter<OutcomeCase, T> Case<T>(OutcomeKind kind)
        where T : OutcomeCase =>
        new(OutcomeJson.ReadCase, OutcomeJson.WriteCase, OutcomeJson.Discriminator, kind.ToString());
}
