using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// <see cref="Account"/> as what makes it: its terms, its initial seats and its history.
/// <c>{"id":"acme","timeZone":"America/Los_Angeles","seatPrice":{…},"billing":{…},"proration":{…},
/// "contract":{…},"initialSeats":[…],"version":2,"history":[…]}</c>. Reading opens the account with
/// <see cref="Account.Open"/> and applies the history, which the engine guarantees gives back an equal
/// account; <c>version</c> is checked against the replayed account when present.
/// </summary>
internal static class AccountJson
{
    private static readonly string[] Names =
        ["id", "timeZone", "seatPrice", "billing", "proration", "contract", "initialSeats", "version", "history"];

    public static void Write(Utf8JsonWriter writer, Account value)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("timeZone", value.TimeZone.Id);
        writer.WriteValue("seatPrice", value.SeatPrice, MoneyJson.Write);
        writer.WriteObject("billing", value.Billing, CalendarJson.WriteCalendar);
        writer.WriteValue("proration", value.Proration, CalendarJson.WriteConvention);
        writer.WriteOptionalObject("contract", value.Contract, ContractTermJson.Write);
        writer.WriteStartArray("initialSeats");
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
        var price = MoneyJson.Read(account.Required("seatPrice"));
        var billing = CalendarJson.ReadCalendar(account.Required("billing"));
        var proration = account.Optional("proration") is { } convention ? CalendarJson.ReadConvention(convention) : default;
        var contract = account.Optional("contract") is { } term ? ContractTermJson.Read(term) : null;
        var seats = account.Required("initialSeats").Array(AgentJson.ReadInitialSeat);
        var versionNode = account.Optional("version");
        var version = versionNode?.Int64();
        var historyNode = account.Required("history");
        var history = historyNode.Array(EventJson.Read);

        Account opened;
        try
        {
            opened = Account.Open(id, zone, price, billing, seats, contract, proration);
        }
        catch (ArgumentException exception)
        {
            var at = exception.ParamName switch
            {
                "seats" => InitialSeatPath(account.PathOf("initialSeats"), exception.Message),
                "id" or "seatPrice" or "proration" or "billing" => account.PathOf(exception.ParamName),
                _ => account.Path,
            };
            throw new JsonException($"{at}: {EngineErrors.Message(exception)}", exception);
        }

        var replayed = Replay(opened, history, historyNode);
        if (version is { } expected && expected != replayed.Version)
        {
            throw versionNode!.Value.Fail(
                string.Create(CultureInfo.InvariantCulture, $"the history brings the account to version {replayed.Version}, not {expected}"));
        }

        return replayed;
    }

    /// <summary>The path of the initial seat the engine names ("Initial seat 2 (…) …"), or of the whole list.</summary>
    private static string InitialSeatPath(string seatsPath, string message)
    {
        const string Prefix = "Initial seat ";
        if (message.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var digits = message.AsSpan(Prefix.Length);
            var end = digits.IndexOf(' ');
            if (end > 0 && int.TryParse(digits[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{seatsPath}[{index}]");
            }
        }

        return seatsPath;
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
                    throw new JsonException(
                        string.Create(CultureInfo.InvariantCulture, $"{historyNode.Path}[{index}]: {EngineErrors.Message(exception)}"),
                        exception);
                }
            }

            throw historyNode.Fail(EngineErrors.Message(batchFailure), batchFailure);
        }
    }
}
