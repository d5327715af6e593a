using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>
/// Input that is not what the converters write: each is a <see cref="SeatPolicyJsonException"/> whose
/// <see cref="SeatPolicyJsonException.Member"/> is the JSON path of the fault and whose message is
/// <c>"{Member}: {Problem}"</c>, never a <see cref="NullReferenceException"/> or an
/// <see cref="InvalidCastException"/>.
/// </summary>
public sealed class MalformedJsonTests
{
    private static JsonObject AcmeJson() => JsonNode.Parse(Same.Write(Acme.WithHistory()))!.AsObject();

    private static SeatPolicyJsonException Fails<T>(string json, string expected)
    {
        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<T>(json));
        Assert.StartsWith(expected, exception.Message, StringComparison.Ordinal);
        Assert.Equal($"{exception.Member}: {exception.Problem}", exception.Message);
        return exception;
    }

    private static SeatPolicyJsonException FailsAccount(Action<JsonObject> spoil, string expected)
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
    public void Read_MissingInstantInACommand_NamesTheInstant() =>
        FailsAccount(
            json => json["history"]![1]!["command"]!.AsObject().Remove("at"),
            "$.history[1].command.at: the required property is missing");

    [Fact]
    public void Read_MissingRequiredAccountMember_NamesTheMemberItself() =>
        FailsAccount(json => json.Remove("currency"), "$.currency: the required property is missing");

    [Fact]
    public void Read_MissingHistoryWithAVersion_IsRefusedAtTheVersion() =>
        FailsAccount(json => json.Remove("history"), "$.version: the history brings the account to version 0, not 5");

    [Fact]
    public void Read_MissingHistoryAndVersion_IsTheAccountAsOpened()
    {
        var json = AcmeJson();
        json.Remove("history");
        json.Remove("version");

        Assert.True(Same.Read<Account>(json.ToJsonString()).Equals(Acme.Opened()));
    }

    [Fact]
    public void Read_NullAgent_IsMissingNotANullReference() =>
        FailsAccount(json => json["history"]![0]!["agent"] = null, "$.history[0].agent: expected an object but found null");

    [Fact]
    public void Read_UnknownProperty_IsRejectedWithItsName() =>
        FailsAccount(json => json["history"]![2]!["colour"] = "red", "$.history[2].colour: AgentDeactivated has no property 'colour' (expected ");

    [Fact]
    public void Read_MisspeltOptionalProperty_IsRejectedRatherThanIgnored() =>
        Fails<SeatCommand>(
            """{"type":"DeleteAgent","id":"c9","at":"2026-03-17T19:00:00Z","actor":"support","seat":"s1","expectedversion":3}""",
            "$.expectedversion: DeleteAgent has no property 'expectedversion' (expected type, id, at, actor, seat, effective, expectedVersion)");

    [Fact]
    public void Read_DuplicateProperty_IsRejected() =>
        Fails<Money>("""{"amount":"1.00","amount":"2.00","currency":"USD"}""", "$: the property 'amount' appears twice");

    [Fact]
    public void Read_AmountWithTheWrongDigits_NamesTheAmount() =>
        FailsAccount(json => json["seatPrice"] = "30.0", "$.seatPrice: '30.0' is not an amount in USD");

    [Fact]
    public void Read_AmountAsANumber_IsRefusedSoNoDigitIsLost() =>
        FailsAccount(json => json["seatPrice"] = 30.00m, "$.seatPrice: expected a string but found a number");

    [Fact]
    public void Read_SeatPriceAsAMoneyObject_IsRefused() =>
        FailsAccount(
            json => json["seatPrice"] = new JsonObject { ["amount"] = "30.00", ["currency"] = "USD" },
            "$.seatPrice: expected a string but found an object");

    [Fact]
    public void Read_UnknownCurrency_NamesTheCurrency() =>
        FailsAccount(json => json["currency"] = "ABC", "$.currency: 'ABC' is not an active ISO 4217 currency code");

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
        FailsAccount(json => json["seats"]![0]!["role"] = "Boss", "$.seats[0].role: unknown Role 'Boss' (expected Agent, Manager, Admin)");

    [Fact]
    public void Read_RoleNameInAnotherCase_IsRefused() =>
        FailsAccount(json => json["seats"]![0]!["role"] = "admin", "$.seats[0].role: unknown Role 'admin' (expected Agent, Manager, Admin)");

    [Fact]
    public void Read_RoleAsANumber_IsRefused() =>
        FailsAccount(json => json["seats"]![0]!["role"] = 0, "$.seats[0].role: expected a Role name but found a number");

    [Fact]
    public void Read_BillingCycleAsANumber_IsRefused() =>
        FailsAccount(json => json["billing"]!["cycle"] = 1, "$.billing.cycle: expected a BillingCycle name but found a number");

    [Fact]
    public void Read_BillingCycleInAnotherCase_IsRefused() =>
        FailsAccount(json => json["billing"]!["cycle"] = "monthly", "$.billing.cycle: unknown BillingCycle 'monthly'");

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
            json => json["seats"]![1]!["email"] = "ADA@acme.test",
            "$.seats[1].email: ");

    [Fact]
    public void Read_VacantSeatWithAName_NamesTheSeat() =>
        FailsAccount(json => json["seats"]![2]!["name"] = "Ghost", "$.seats[2].name: a vacant seat has no name or email");

    [Fact]
    public void Read_ContractEndingBeforeItStarts_NamesTheEnd() =>
        FailsAccount(
            json => json["contract"] = new JsonObject { ["start"] = "2026-01-01", ["end"] = "2025-12-31" },
            "$.contract.end: the contract ends (2025-12-31) before it starts (2026-01-01)");

    [Fact]
    public void Read_NegativeLockIn_NamesTheLockIn() =>
        FailsAccount(
            json => json["contract"] = new JsonObject { ["start"] = "2026-01-01", ["end"] = "2026-12-31", ["lockInDays"] = -1 },
            "$.contract.lockInDays: -1 is negative; the lock-in is zero or more days");

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
        FailsAccount(json => json["seatPrice"] = "-1.00", "$.seatPrice: the seat price -1.00 is negative");

    [Fact]
    public void Read_HistoryThatIsNotAnArray_NamesTheHistory() =>
        FailsAccount(json => json["history"] = new JsonObject(), "$.history: expected an array but found an object");

    [Fact]
    public void Read_CommandOfAnotherTypeAsAnAddAgent_NamesTheDiscriminator()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => Same.Read<AddAgent>(Same.Write<SeatCommand>(Acme.Commands[4])));

        Assert.Equal("$.type: expected 'AddAgent' but found 'DeleteAgent'", exception.Message);
    }

    [Fact]
    public void Read_AcceptedOutcomeAsARejection_NamesTheDiscriminator()
    {
        var added = TurnoverPolicy.Default.Decide(Acme.Opened(), Acme.Commands[0]).Outcome;

        var exception = Assert.ThrowsAny<JsonException>(() => Same.Read<Rejection>(Same.Write(added)));

        Assert.StartsWith("$.outcome: 'Added' is not a rejection", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CaseOfAnotherType_IsASeatPolicyJsonExceptionAtTheDiscriminator()
    {
        var added = TurnoverPolicy.Default.Decide(Acme.Opened(), Acme.Commands[0]).Outcome;

        Assert.Equal("$.type", Fails<AddAgent>(Same.Write<SeatCommand>(Acme.Commands[4]), "$.type: expected 'AddAgent' but found 'DeleteAgent'").Member);
        Assert.Equal("$.outcome", Fails<Rejection>(Same.Write(added), "$.outcome: 'Added' is not a rejection").Member);
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
    public void Read_AccountInsideAnotherDocument_GivesTheOuterPathTheInnerMemberAndBothInTheFullPath()
    {
        var json = AcmeJson();
        json["history"]![3]!["type"] = "Foo";
        var envelope = new JsonObject { ["kind"] = "snapshot", ["account"] = json };

        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Envelope>(envelope.ToJsonString()));

        Assert.Equal("$.account", exception.Path);
        Assert.Equal("$.history[3].type", exception.Member);
        Assert.Equal("$.account.history[3].type", exception.FullPath);
        Assert.StartsWith("unknown event type 'Foo'", exception.Problem, StringComparison.Ordinal);
        Assert.StartsWith("$.history[3].type: unknown event type 'Foo'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AccountInAnArrayInsideAnotherDocument_GivesTheIndexInTheFullPath()
    {
        var json = AcmeJson();
        json["seats"]![1]!["email"] = "not-an-email";
        var document = new JsonObject { ["accounts"] = new JsonArray(AcmeJson(), json) };

        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Batch>(document.ToJsonString()));

        Assert.Equal("$.accounts[1]", exception.Path);
        Assert.Equal("$.seats[1].email", exception.Member);
        Assert.Equal("$.accounts[1].seats[1].email", exception.FullPath);
    }

    [Fact]
    public void Read_InitialSeatRefusedInsideAnotherDocument_GivesEveryPathAndTheRefusal()
    {
        var json = AcmeJson();
        json["seats"]![1]!["email"] = "ada-at-acme";
        var envelope = new JsonObject { ["kind"] = "snapshot", ["account"] = json };

        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Envelope>(envelope.ToJsonString()));

        Assert.Equal("$.account", exception.Path);
        Assert.Equal("$.seats[1].email", exception.Member);
        Assert.Equal("$.account.seats[1].email", exception.FullPath);
        Assert.Equal("'ada-at-acme' is not a valid email", exception.Problem);
        var refused = Assert.IsType<ValueRefusedException>(exception.InnerException);
        Assert.Equal((1, new SeatId("s2"), "email"), (refused.SeatIndex, refused.Seat, refused.Member));
    }

    [Fact]
    public void JsonWhereThePathStarts_AsWritten_GivesTheFullPath()
    {
        var json = AcmeJson();
        json["seats"]![1]!["email"] = "ada-at-acme";
        var document = new JsonObject { ["kind"] = "snapshot", ["account"] = json }.ToJsonString();

        // snippet:begin
        static string FaultOf(string document)
        {
            try
            {
                var envelope = JsonSerializer.Deserialize<Envelope>(document, SeatPolicyJson.Options)!;
                return "read " + envelope.Kind;
            }
            catch (SeatPolicyJsonException fault)
            {
                // fault.Path     "$.account"             where System.Text.Json found the account
                // fault.Member   "$.seats[1].email"      where inside the account
                // fault.Problem  "'ada-at-acme' is not a valid email"
                // fault.InnerException is the engine's ValueRefusedException: SeatIndex 1, Seat "s2", Member "email"
                return fault.FullPath;                 // "$.account.seats[1].email"
            }
        }
        // snippet:end

        Assert.Equal("$.account.seats[1].email", FaultOf(document));
        Assert.Equal("read snapshot", FaultOf(new JsonObject { ["kind"] = "snapshot", ["account"] = AcmeJson() }.ToJsonString()));
    }

    [Fact]
    public void Read_AccountAsTheWholeDocument_HasTheMemberAsItsFullPath()
    {
        var exception = FailsAccount(json => json["seats"]![1]!["email"] = "not-an-email", "$.seats[1].email: ");

        Assert.Equal("$.seats[1].email", exception.FullPath);
    }

    [Fact]
    public void SeatPolicyJsonException_WithNoPathSet_HasTheMemberAsItsFullPath()
    {
        var exception = new SeatPolicyJsonException("$.seats[0].role", "unknown Role 'Boss'");

        Assert.Null(exception.Path);
        Assert.Equal("$.seats[0].role", exception.FullPath);
        Assert.Equal("$.seats[0].role: unknown Role 'Boss'", exception.Message);
        Assert.Null(exception.InnerException);
    }

    [Fact]
    public void Read_InitialSeatTheEngineRefuses_HasTheEnginesRefusalInside()
    {
        var exception = FailsAccount(json => json["seats"]![1]!["directNumber"] = "123", "$.seats[1].directNumber: ");

        var refused = Assert.IsType<ValueRefusedException>(exception.InnerException);
        Assert.Equal("directNumber", refused.Member);
        Assert.Equal("123", refused.Value);
        Assert.Equal(1, refused.SeatIndex);
        Assert.Equal(new SeatId("s2"), refused.Seat);
        Assert.Equal(refused.Reason, exception.Problem);
    }

    [Fact]
    public void Read_AccountTheEngineRefuses_HasTheEnginesRefusalInside()
    {
        var exception = FailsAccount(json => json["id"] = "  ", "$.id: the account id is blank");

        var refused = Assert.IsType<ValueRefusedException>(exception.InnerException);
        Assert.Equal("id", refused.Member);
        Assert.Null(refused.SeatIndex);
        Assert.Null(refused.Seat);
    }

    [Fact]
    public void Read_ContractTheEngineRefuses_HasTheEnginesRefusalInside()
    {
        var exception = FailsAccount(
            json => json["contract"] = new JsonObject { ["start"] = "2026-01-01", ["end"] = "2025-12-31" },
            "$.contract.end: ");

        var refused = Assert.IsType<ValueRefusedException>(exception.InnerException);
        Assert.Equal("end", refused.Member);
        Assert.Equal(new NodaTime.LocalDate(2025, 12, 31), refused.Value);
    }

    [Fact]
    public void Read_FaultOfThePackageItself_HasNoInnerException()
    {
        var exception = FailsAccount(json => json["id"] = 5, "$.id: expected a string but found a number");

        Assert.Null(exception.InnerException);
    }

    /// <summary>A service's own document that holds an account.</summary>
    /// <param name="Kind">What the document is.</param>
    /// <param name="Account">The account.</param>
    public sealed record Envelope(string Kind, Account Account);

    /// <summary>A service's own document that holds several accounts.</summary>
    /// <param name="Accounts">The accounts.</param>
    public sealed record Batch(Account[] Accounts);
}
