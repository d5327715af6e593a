using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// <see cref="Account"/> as what makes it: its terms, its initial seats and its history.
/// <c>{"id":"acme","timeZone":"America/Los_Angeles","currency":"USD","seatPrice":"30.00","billing":{"cycle","anchor","addCharges"},
/// "proration":{…},"contract":{…},"seats":[…],"version":2,"history":[…]}</c>, the account object of a
/// scenario file. An account on plans (rulebook §13) gives <c>"plans":[{"plan","seatPrice","prices"?}],"defaultPlan"</c>
/// instead of <c>seatPrice</c>; one whose only plan is <see cref="Plan.Standard"/> at one price is written with
/// <c>seatPrice</c>, as before plans. Reading opens the account with <see cref="Account.Open"/> (or
/// <see cref="Account.OpenOnPlans"/>) and applies the history, which the engine guarantees gives back an equal
/// account; <c>version</c> is checked against the replayed account when present.
/// </summary>
internal static class AccountJson
{
    private static readonly string[] Names =
        ["id", "timeZone", "currency", "seatPrice", "plans", "defaultPlan", "billing", "proration", "contract", "seats", "version", "history"];

    private static readonly string[] PlanNames = ["plan", "seatPrice", "prices"];
    private static readonly string[] PriceNames = ["from", "seatPrice"];

    /// <summary>The account's add-charge term sits in its <c>billing</c> object, beside the calendar.</summary>
    private const string AddChargesName = "addCharges";

    public static void Write(Utf8JsonWriter writer, Account value)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("timeZone", value.TimeZone.Id);
        writer.WriteString("currency", value.Currency.Code);
        if (HasPlainSeatPrice(value))
        {
            writer.WriteString("seatPrice", value.SeatPrice.ToString());
        }
        else
        {
            writer.WriteStartArray("plans");
            foreach (var plan in value.Plans)
            {
                WritePlan(writer, plan);
            }

            writer.WriteEndArray();
            writer.WriteString("defaultPlan", value.DefaultPlan.Name);
        }

        writer.WriteStartObject("billing");
        CalendarJson.WriteCalendarMembers(writer, value.Billing);
        writer.WriteEnum("addCharges", value.AddCharges);
        writer.WriteEndObject();
        writer.WriteValue("proration", value.Proration, CalendarJson.WriteConvention);
        writer.WriteOptionalObject("contract", value.Contract, ContractTermJson.Write);
        writer.WriteStartArray("seats");
        foreach (var seat in value.InitialSeats)
        {
            AgentJson.WriteInitialSeat(writer, seat);
        }

        writer.WriteEndArray();
        writer.WriteNumber("version", value.Version);
        writer.WriteStartArray("history");
        foreach (var change in value.History)
        {
            EventJson.Write(writer, change);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static Account Read(Node node)
    {
        var account = node.Object("an account", Names);
        var id = account.Required("id").String();
        var zone = ReadZone(account.Required("timeZone"));
        var currency = MoneyJson.ReadCurrency(account.Required("currency"));
        var (price, plans, defaultPlan) = ReadPrices(account, currency);
        var billingNode = account.Required("billing");
        var billing = CalendarJson.ReadCalendar(billingNode, AddChargesName);
        var addCharges = billingNode.Object().Optional(AddChargesName)?.Enum<AddChargeBilling>() ?? AddChargeBilling.Immediately;
        var proration = account.Optional("proration") is { } convention ? CalendarJson.ReadConvention(convention) : default;
        var contract = account.Optional("contract") is { } term ? ContractTermJson.Read(term) : null;
        var seats = account.Optional("seats")?.Array(AgentJson.ReadInitialSeat) ?? [];
        var versionNode = account.Optional("version");
        var version = versionNode?.Int64();
        var historyNode = account.Optional("history");
        var history = historyNode?.Array(EventJson.Read) ?? [];

        Account opened;
        try
        {
            opened = plans.IsDefault
                ? Account.Open(id, zone, price, billing, seats, contract, proration, addCharges)
                : Account.OpenOnPlans(id, zone, plans, defaultPlan!, billing, seats, contract, proration, addCharges);
        }
        catch (ValueRefusedException refused)
        {
            var member = refused.SeatIndex is { } index
                ? string.Create(CultureInfo.InvariantCulture, $"seats[{index}].{refused.Member}")
                : refused.Member;
            throw account.FailAt(member, refused.Reason, refused);
        }

        if (historyNode is { } named)
        {
            CheckPlanNames(opened, history, named);
        }

        var replayed = historyNode is { } given ? Replay(opened, history, given) : opened;
        if (version is { } expected && expected != replayed.Version)
        {
            throw versionNode!.Value.Fail(
                string.Create(CultureInfo.InvariantCulture, $"the history brings the account to version {replayed.Version}, not {expected}"));
        }

        return replayed;
    }

    /// <summary>Whether the account's only plan is <see cref="Plan.Standard"/> at one price: then it is written as a plain <c>seatPrice</c>.</summary>
    private static bool HasPlainSeatPrice(Account account) =>
        account.Plans is [{ Name: Plan.Standard, HasLaterPrices: false }];

    /// <summary>A plan: <c>{"plan":"PowerDialer","seatPrice":"95.00","prices":[{"from":"2027-01-01","seatPrice":"99.00"}]}</c>, <c>prices</c> only when it has later prices.</summary>
    private static void WritePlan(Utf8JsonWriter writer, Plan plan)
    {
        writer.WriteStartObject();
        writer.WriteString("plan", plan.Name);
        writer.WriteString("seatPrice", plan.SeatPrice.ToString());
        if (plan.HasLaterPrices)
        {
            writer.WriteStartArray("prices");
            foreach (var later in plan.LaterPrices)
            {
                writer.WriteStartObject();
                writer.WriteDate("from", later.From);
                writer.WriteString("seatPrice", later.SeatPrice.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The account's prices: a plain <c>seatPrice</c> (the plans are then default), or <c>plans</c> with
    /// <c>defaultPlan</c>, never both; every amount is text in the account's currency.
    /// </summary>
    private static (Money Price, ImmutableArray<Plan> Plans, string? DefaultPlan) ReadPrices(ObjectNode account, Currency currency)
    {
        if (account.Optional("plans") is not { } plansNode)
        {
            if (account.Optional("defaultPlan") is not null)
            {
                throw account.FailAt("defaultPlan", "defaultPlan goes with plans: an account with a seatPrice has one plan, Standard");
            }

            if (!account.Has("seatPrice"))
            {
                throw account.FailAt("seatPrice", "the required property is missing (give seatPrice, or plans with defaultPlan)");
            }

            return (MoneyJson.ReadAmount(account.Required("seatPrice"), currency), default, null);
        }

        if (account.Optional("seatPrice") is not null)
        {
            throw account.FailAt("plans", "give seatPrice (one plan, Standard) or plans with defaultPlan, not both");
        }

        var plans = plansNode.Array(plan => ReadPlan(plan, currency));
        if (!account.Has("defaultPlan"))
        {
            throw account.FailAt("defaultPlan", "the required property is missing (plans need a defaultPlan: the name of one of them)");
        }

        return (default, plans, account.Required("defaultPlan").String());
    }

    private static Plan ReadPlan(Node node, Currency currency)
    {
        var plan = node.Object("a plan", PlanNames);
        var name = plan.Required("plan").String();
        var price = MoneyJson.ReadAmount(plan.Required("seatPrice"), currency);
        var later = plan.Optional("prices")?.Array(item =>
        {
            var entry = item.Object("a plan price", PriceNames);
            return new PlanPrice(entry.Required("from").LocalDate(), MoneyJson.ReadAmount(entry.Required("seatPrice"), currency));
        });
        return new Plan(name, price, later);
    }

    /// <summary>
    /// Every plan a history names (an add's, a plan change's) is one of the account's: the engine applies a
    /// stored event as given, so a plan it does not know is refused here, at the event.
    /// </summary>
    private static void CheckPlanNames(Account opened, ImmutableArray<SeatEvent> history, Node historyNode)
    {
        for (var index = 0; index < history.Length; index++)
        {
            var (member, plan) = history[index] switch
            {
                Added added => ("plan", added.Plan),
                PlanUpgraded upgraded => opened.FindPlan(upgraded.From) is null ? ("from", upgraded.From) : ("command.plan", upgraded.To),
                PlanChanged changed => opened.FindPlan(changed.From) is null ? ("from", changed.From) : ("command.plan", changed.To),
                DowngradeScheduled downgrade => opened.FindPlan(downgrade.From) is null ? ("from", downgrade.From) : ("command.plan", downgrade.To),
                _ => (null, null),
            };
            if (member is not null && opened.FindPlan(plan) is null)
            {
                throw new SeatPolicyJsonException(
                    string.Create(CultureInfo.InvariantCulture, $"{historyNode.Path}[{index}].{member}"),
                    $"'{plan}' is not one of the account's plans ({string.Join(", ", opened.Plans.Select(known => known.Name))})");
            }
        }
    }

    private static DateTimeZone ReadZone(Node node)
    {
        var zoneId = node.String();
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw node.Fail($"unknown time zone '{zoneId}' (expected a tzdb id such as America/Los_Angeles)");
    }

    /// <summary>Applies the history in one pass; when it does not fit, finds the first event that does not and names it.</summary>
    private static Account Replay(Account opened, IReadOnlyList<SeatEvent> history, Node historyNode)
    {
        try
        {
            return opened.Apply(history);
        }
        catch (ArgumentException batchFailure)
        {
            var account = opened;
            for (var index = 0; index < history.Count; index++)
            {
                try
                {
                    account = account.Apply(history[index]);
                }
                catch (ArgumentException exception)
                {
                    throw new SeatPolicyJsonException(
                        string.Create(CultureInfo.InvariantCulture, $"{historyNode.Path}[{index}]"),
                        EngineErrors.Message(exception),
                        exception);
                }
            }

            throw historyNode.Fail(EngineErrors.Message(batchFailure), batchFailure);
        }
    }
}
