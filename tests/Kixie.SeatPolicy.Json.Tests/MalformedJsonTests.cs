using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>
/// Input that is not what the converters write: each is a <see cref="JsonException"/> whose message
/// starts with the JSON path of the fault, never a <see cref="NullReferenceException"/> or an
/// <see cref="InvalidCastException"/>.
/// </summary>
public sealed class MalformedJsonTests
{
    private static JsonObject AcmeJson() => JsonNode.Parse(Same.Write(Acme.WithHistory()))!.AsObject();

    private static JsonException Fails<T>(string json, string expected)
    {
        var exception = Assert.Throws<JsonException>(() => Same.Read<T>(json));
        Assert.StartsWith(expected, exception.Message, StringComparison.Ordinal);
        return exception;
    }

    private static JsonException FailsAccount(Action<JsonObject> spoil, string expected)
    {
        var json = AcmeJson();
        spoil(json);
        return Fails<Account>(json.ToJsonString(), expected);
    }

    [Fact]
    public void Read_NotJson_ThrowsWithTheRootPath()
    {
        var exception = Assert.Throws<JsonException>(() => Same.Read<Account>("not json"));

        Assert.Equal("$", exception.Path);
        Assert.Contains("Path: $", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedDocument_ThrowsJsonException()
    {
        var json = Same.Write(Acme.WithHistory());

        Assert.Throws<JsonException>(() => Same.Read<Account>(json[..(json.Length / 2)]));
    }

    [Fact]
    public void Read_ArrayForAnAccount_NamesTheRoot() =>
        Fails<Account>("[]", "$: expected an object but found an array");

    [Fact]
    public void Read_NumberForAString_NamesTheProperty() =>
        FailsAccount(json => json["id"] = 5, "$.id: expected a string but found a number");

    [Fact]
    public void Read_UnknownEventType_NamesTheDiscriminator() =>
        FailsAccount(json => json["history"]![3]!["type"] = "Foo", "$.history[3].type: unknown event type 'Foo'");

    [Fact]
    public void Read_UnknownCommandType_NamesTheNestedDiscriminator() =>
        FailsAccount(json => json["history"]![0]!["command"]!["type"] = "Fly", "$.history[0].command.type: unknown command type 'Fly'");

    [Fact]
    public void Read_MissingInstantInACommand_NamesTheCommandAndTheProperty() =>
        FailsAccount(
            json => json["history"]![1]!["command"]!.AsObject().Remove("at"),
            "$.history[1].command: the required property 'at' is missing");

    [Fact]
    public void Read_MissingHistory_NamesTheProperty() =>
        FailsAccount(json => json.Remove("history"), "$: the required property 'history' is missing");

    [Fact]
    public void Read_NullAgent_IsMissingNotANullReference() =>
        FailsAccount(json => json["history"]![0]!["agent"] = null, "$.history[0].agent: expected an object but found null");

    [Fact]
    public void Read_UnknownProperty_IsRejectedWithItsName() =>
        FailsAccount(json => json["history"]![2]!["colour"] = "red", "$.history[2]: unknown property 'colour' in AgentDeactivated");

    [Fact]
    public void Read_MisspeltOptionalProperty_IsRejectedRatherThanIgnored() =>
        Fails<SeatCommand>(
            """{"type":"DeleteAgent","id":"c9","at":"2026-03-17T19:00:00Z","actor":"support","seat":"s1","expectedversion":3}""",
            "$: unknown property 'expectedversion' in DeleteAgent");

    [Fact]
    public void Read_DuplicateProperty_IsRejected() =>
        Fails<Money>("""{"amount":"1.00","amount":"2.00","currency":"USD"}""", "$: the property 'amount' appears twice");

    [Fact]
    public void Read_AmountWithTheWrongDigits_NamesTheAmount() =>
        FailsAccount(json => json["seatPrice"]!["amount"] = "30.0", "$.seatPrice.amount: '30.0' is not an amount in USD");

    [Fact]
    public void Read_AmountAsANumber_IsRefusedSoNoDigitIsLost() =>
        FailsAccount(json => json["seatPrice"]!["amount"] = 30.00m, "$.seatPrice.amount: expected a string but found a number");

    [Fact]
    public void Read_UnknownCurrency_NamesTheCurrency() =>
        FailsAccount(json => json["seatPrice"]!["currency"] = "ABC", "$.seatPrice.currency: 'ABC' is not an active ISO 4217 currency code");

    [Fact]
    public void Read_ImpossibleDate_NamesTheDate() =>
        FailsAccount(json => json["billing"]!["anchor"] = "2026-02-30", "$.billing.anchor: '2026-02-30' is not a date");

    [Fact]
    public void Read_InstantWithoutZone_NamesTheInstant() =>
        FailsAccount(
            json => json["history"]![4]!["command"]!["at"] = "2026-03-21 12:00",
            "$.history[4].command.at: '2026-03-21 12:00' is not an instant");

    [Fact]
    public void Read_UnknownTimeZone_NamesTheZone() =>
        FailsAccount(json => json["timeZone"] = "Mars/Olympus", "$.timeZone: unknown time zone 'Mars/Olympus'");

    [Fact]
    public void Read_UnknownRoleName_NamesTheRole() =>
        FailsAccount(json => json["initialSeats"]![0]!["role"] = "Boss", "$.initialSeats[0].role: unknown Role 'Boss'");

    [Fact]
    public void Read_RoleNameInAnotherCase_IsAccepted()
    {
        var json = AcmeJson();
        json["initialSeats"]![0]!["role"] = "admin";

        Assert.True(Same.Read<Account>(json.ToJsonString()).Equals(Acme.WithHistory()));
    }

    [Fact]
    public void Read_UndefinedBillingCycle_NamesTheCycle() =>
        FailsAccount(json => json["billing"]!["cycle"] = 5, "$.billing.cycle: ");

    [Fact]
    public void Read_EventsOutOfOrder_NamesTheFirstEventThatDoesNotFit() =>
        FailsAccount(
            json =>
            {
                var history = json["history"]!.AsArray();
                var second = history[1]!.DeepClone();
                history[1] = history[2]!.DeepClone();
                history[2] = second;
            },
            "$.history[1]: Event version 3 does not follow account version 1");

    [Fact]
    public void Read_EventForASeatThatDoesNotExist_NamesTheEvent() =>
        FailsAccount(json => json["history"]![2]!["seat"] = "zz", "$.history[2]: Seat 'zz' does not exist in this account");

    [Fact]
    public void Read_EventOfACommandAlreadyApplied_NamesTheEvent() =>
        FailsAccount(
            json => json["history"]![2]!["command"]!["id"] = json["history"]![0]!["command"]!["id"]!.DeepClone(),
            "$.history[2]: Command 'c1' was already applied to this account");

    [Fact]
    public void Read_VersionThatTheHistoryDoesNotReach_NamesTheVersion() =>
        FailsAccount(json => json["version"] = 99, "$.version: the history brings the account to version 5, not 99");

    [Fact]
    public void Read_InitialSeatsWithARepeatedEmail_NamesTheSeats() =>
        FailsAccount(
            json => json["initialSeats"]![1]!["email"] = "ADA@acme.test",
            "$.initialSeats[1]: Initial seat 1 ('s2') repeats the email 'ADA@acme.test'");

    [Fact]
    public void Read_VacantSeatWithAName_NamesTheSeat() =>
        FailsAccount(json => json["initialSeats"]![2]!["name"] = "Ghost", "$.initialSeats[2]: a vacant seat has no name or email");

    [Fact]
    public void Read_ContractEndingBeforeItStarts_NamesTheEnd() =>
        FailsAccount(
            json => json["contract"] = new JsonObject { ["start"] = "2026-01-01", ["end"] = "2025-12-31" },
            "$.contract.end: The contract ends before it starts");

    [Fact]
    public void Read_NegativeLockIn_NamesTheLockIn() =>
        FailsAccount(
            json => json["contract"] = new JsonObject { ["start"] = "2026-01-01", ["end"] = "2026-12-31", ["lockInDays"] = -1 },
            "$.contract.lockInDays: ");

    [Fact]
    public void Read_ContractEndingOnTheLastDayNodaTimeKnows_ReadsAsAContractThatCannotRenew()
    {
        var json = AcmeJson();
        json["contract"] = new JsonObject { ["start"] = "9999-12-31", ["end"] = "9999-12-31" };

        var account = JsonSerializer.Deserialize<Account>(json.ToJsonString(), SeatPolicyJson.Options)!;

        Assert.Equal(new NodaTime.LocalDate(9999, 12, 31), account.Contract!.End);
        Assert.Null(account.Contract.Months);
    }

    [Fact]
    public void Read_NegativeSeatPrice_NamesThePrice() =>
        FailsAccount(json => json["seatPrice"]!["amount"] = "-1.00", "$.seatPrice: ");

    [Fact]
    public void Read_HistoryThatIsNotAnArray_NamesTheHistory() =>
        FailsAccount(json => json["history"] = new JsonObject(), "$.history: expected an array but found an object");

    [Fact]
    public void Read_CommandOfAnotherTypeAsAnAddAgent_NamesTheDiscriminator() =>
        Fails<AddAgent>(Same.Write<SeatCommand>(Acme.Commands[4]), "$.type: expected 'AddAgent' but found 'DeleteAgent'");

    [Fact]
    public void Read_AcceptedOutcomeAsARejection_NamesTheDiscriminator()
    {
        var added = TurnoverPolicy.Default.Decide(Acme.Opened(), Acme.Commands[0]).Outcome;

        Fails<Rejection>(Same.Write(added), "$.outcome: 'Added' is not a rejection");
    }

    [Fact]
    public void Read_UnknownOutcome_NamesTheDiscriminator() =>
        Fails<TurnoverOutcome>("""{"outcome":"Exploded"}""", "$.outcome: unknown outcome 'Exploded'");

    [Fact]
    public void Read_OutcomeKindAsANumber_IsAnUnknownOutcome() =>
        Fails<OutcomeCase>("""{"outcome":"3","seat":"s1"}""", "$.outcome: unknown outcome '3'");

    [Fact]
    public void Read_NullMoney_ThrowsRatherThanGivingTheDefault() =>
        Fails<Money>("null", "$: expected an object but found null");

    [Fact]
    public void Read_NumberTooLargeForAVersion_NamesTheVersion() =>
        Fails<VersionConflict>("""{"outcome":"VersionConflict","expected":1e30,"actual":1}""", "$.expected: expected a whole number (64-bit) but found a number");

    [Fact]
    public void Read_AccountInsideAnotherDocument_GivesTheInnerPathInTheMessageAndTheOuterInPath()
    {
        var json = AcmeJson();
        json["history"]![3]!["type"] = "Foo";
        var envelope = new JsonObject { ["kind"] = "snapshot", ["account"] = json };

        var exception = Assert.Throws<JsonException>(() => Same.Read<Envelope>(envelope.ToJsonString()));

        Assert.StartsWith("$.history[3].type: unknown event type 'Foo'", exception.Message, StringComparison.Ordinal);
        Assert.Equal("$.account", exception.Path);
    }

    /// <summary>A service's own document that holds an account.</summary>
    /// <param name="Kind">What the document is.</param>
    /// <param name="Account">The account.</param>
    public sealed record Envelope(string Kind, Account Account);
}
