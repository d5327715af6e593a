using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// <see cref="Account"/> as what makes it: its terms, its initial seats and its history.
/// <c>{"id":"acme","timeZone":"America/Los_Angeles","currency":"USD","seatPrice":"30.00","billing":{"cycle","anchor","addCharges"},
/// "proration":{…},"contract":{…},"seats":[…],"version":2,"history":[…]}</c>, the account object of a
/// scenario file. Reading opens the account with <see cref="Account.Open"/> and applies the history,
/// which the engine guarantees gives back an equal account; <c>version</c> is checked against the
/// replayed account when present.
/// </summary>
internal static class AccountJson
{
    private static readonly string[] Names =
        ["id", "timeZone", "currency", "seatPrice", "billing", "proration", "contract", "seats", "version", "history"];

    /// <summary>The account's add-charge term sits in its <c>billing</c> object, beside the calendar.</summary>
    private const string AddChargesName = "addCharges";

    public static void Write(Utf8JsonWriter writer, Account value)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("timeZone", value.TimeZone.Id);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteString("seatPrice", value.SeatPrice.ToString());
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
        var price = MoneyJson.ReadAmount(account.Required("seatPrice"), currency);
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
            opened = Account.Open(id, zone, price, billing, seats, contract, proration, addCharges);
        }
        catch (ValueRefusedException refused)
        {
            var member = refused.SeatIndex is { } index
                ? string.Create(CultureInfo.InvariantCulture, $"seats[{index}].{refused.Member}")
                : refused.Member;
            throw account.FailAt(member, refused.Reason, refused);
        }

        var replayed = historyNode is { } given ? Replay(opened, history, given) : opened;
        if (version is { } expected && expected != replayed.Version)
        {
            throw versionNode!.Value.Fail(
                string.Create(CultureInfo.InvariantCulture, $"the history brings the account to version {replayed.Version}, not {expected}"));
        }

        return replayed;
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
