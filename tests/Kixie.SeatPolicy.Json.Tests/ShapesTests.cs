using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>The exact JSON of the small values, and how <see cref="SeatPolicyJson"/> configures options.</summary>
public sealed class ShapesTests
{
    [Theory]
    [InlineData("14.52", "USD", """{"amount":"14.52","currency":"USD"}""")]
    [InlineData("516", "JPY", """{"amount":"516","currency":"JPY"}""")]
    [InlineData("1.005", "KWD", """{"amount":"1.005","currency":"KWD"}""")]
    [InlineData("-0.50", "EUR", """{"amount":"-0.50","currency":"EUR"}""")]
    public void Write_Money_AmountIsAStringWithTheCurrencysDigits(string amount, string code, string expected)
    {
        var money = Money.Parse(amount, Currency.FromCode(code));

        Assert.Equal(expected, Same.Write(money));
        Assert.Equal(money, Same.Read<Money>(expected));
    }

    [Fact]
    public void Write_DefaultMoney_IsZeroInNoCurrencyAndReadsBack()
    {
        Assert.Equal("""{"amount":"0","currency":"XXX"}""", Same.Write(default(Money)));
        Assert.Equal(default, Same.RoundTrip(default(Money)));
    }

    [Fact]
    public void Write_Ids_ArePlainStringsAndNumbers()
    {
        Assert.Equal("\"s1\"", Same.Write(new SeatId("s1")));
        Assert.Equal("null", Same.Write(default(SeatId)));
        Assert.Equal(default, Same.Read<SeatId>("null"));
        Assert.Equal("7", Same.Write(new AgentId(7)));
        Assert.Equal("\"c1\"", Same.Write(new CommandId("c1")));
        Assert.Equal("\"support\"", Same.Write(Actor.Support));
        Assert.Equal("\"USD\"", Same.Write(Currency.Usd));
    }

    [Fact]
    public void Write_Enums_AreTheirExactNames()
    {
        Assert.Equal("\"Admin\"", Same.Write(Role.Admin));
        Assert.Equal(Role.Admin, Same.Read<Role>("\"Admin\""));
        Assert.Equal("\"DeletionBlocked\"", Same.Write(OutcomeKind.DeletionBlocked));
        Assert.Equal("\"Quarterly\"", Same.Write(BillingCycle.Quarterly));
        Assert.Equal(BillingCycle.Quarterly, Same.Read<BillingCycle>("\"Quarterly\""));
    }

    [Theory]
    [InlineData("\"manager\"", "$: unknown Role 'manager' (expected Agent, Manager, Admin)")]
    [InlineData("\"MANAGER\"", "$: unknown Role 'MANAGER' (expected Agent, Manager, Admin)")]
    [InlineData("\" Manager\"", "$: unknown Role ' Manager' (expected Agent, Manager, Admin)")]
    [InlineData("1", "$: expected a Role name but found a number")]
    [InlineData("7", "$: expected a Role name but found a number")]
    public void Read_RoleInAnyOtherSpelling_IsRefused(string json, string message)
    {
        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Role>(json));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Write_UndefinedEnumValue_IsANumberThatReadingRefuses()
    {
        // Writing keeps an out-of-range value visible rather than inventing a name; reading accepts names only.
        Assert.Equal("7", Same.Write((Role)7));
        Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Role>("7"));
    }

    [Fact]
    public void Write_AddAgent_HasTheTypeAndLeavesOutNullMembers()
    {
        var add = new AddAgent(new CommandId("c1"), Instant.FromUtc(2026, 3, 17, 18, 0), new Actor("ada@acme.test"), "Bo Li", "bo@acme.test", Role.Agent);

        Assert.Equal(
            """{"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","name":"Bo Li","email":"bo@acme.test","role":"Agent"}""",
            Same.Write<SeatCommand>(add));
        Assert.Equal(Same.Write<SeatCommand>(add), Same.Write(add));
    }

    [Fact]
    public void Read_CommandWithFractionalSeconds_KeepsThem()
    {
        var command = Same.Read<SeatCommand>("""{"type":"DeleteAgent","id":"c9","at":"2026-03-17T18:00:00.123456789Z","actor":"support","seat":"s1"}""");

        Assert.Equal(Instant.FromUtc(2026, 3, 17, 18, 0).PlusNanoseconds(123_456_789), command.At);
    }

    [Fact]
    public void Read_AddAgentWithNullSeat_HasNoSeat()
    {
        var add = Same.Read<AddAgent>("""{"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"support","seat":null,"role":null}""");

        Assert.Null(add.Seat);
        Assert.Null(add.Role);
        Assert.Null(add.Name);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("actor")]
    [InlineData("at")]
    [InlineData("type")]
    public void Read_CommandWithANullEnvelopeMember_IsRefusedAtThatMember(string member)
    {
        var json = JsonNode.Parse("""{"type":"DeactivateAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"support","seat":"s2"}""")!.AsObject();
        json[member] = null;

        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<SeatCommand>(json.ToJsonString()));

        Assert.Equal("$." + member, exception.Member);
        Assert.Equal("expected a string but found null", exception.Problem);
    }

    [Fact]
    public void Write_CommandWithNoId_IsANullThatCannotBeReadBack()
    {
        var command = new DeactivateAgent(default, Instant.FromUtc(2026, 3, 17, 18, 0), Actor.Support, new SeatId("s2"));

        var json = Same.Write<SeatCommand>(command);

        Assert.Contains("\"id\":null", json, StringComparison.Ordinal);
        Assert.Equal("$.id: expected a string but found null", Assert.Throws<SeatPolicyJsonException>(() => Same.Read<SeatCommand>(json)).Message);
    }

    [Theory]
    [InlineData("DeactivateAgent")]
    [InlineData("ReplaceAgent")]
    [InlineData("UpdateAgent")]
    [InlineData("DeleteAgent")]
    public void Read_CommandWithoutASeat_HasNoSeatAndThePolicyAnswersInvalidCommand(string type)
    {
        var command = Same.Read<SeatCommand>($$"""{"type":"{{type}}","id":"c1","at":"2026-03-17T18:00:00Z","actor":"support"}""");

        var outcome = TurnoverPolicy.Default.Decide(Acme.Opened(), command).Outcome;

        Assert.Equal(OutcomeKind.InvalidCommand, outcome.Kind);
        Assert.Equal("seat", ((InvalidCommand)outcome.Case).Field);
    }

    [Theory]
    [InlineData("2026-03-17T11:00:00-07:00")]
    [InlineData("2026-03-17T18:00:00+00:00")]
    [InlineData("2026-03-18T03:30:00+09:30")]
    [InlineData("2026-03-17T18:00:00Z")]
    public void Read_InstantWithZOrAnOffset_IsThatInstantWrittenInUtc(string at)
    {
        var command = Same.Read<SeatCommand>($$"""{"type":"DeleteAgent","id":"c9","at":"{{at}}","actor":"support","seat":"s1"}""");

        Assert.Equal(Instant.FromUtc(2026, 3, 17, 18, 0), command.At);
        Assert.Contains("\"at\":\"2026-03-17T18:00:00Z\"", Same.Write(command), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InstantWithAnOffsetAndFractions_KeepsTheFractions()
    {
        var command = Same.Read<SeatCommand>("""{"type":"DeleteAgent","id":"c9","at":"2026-03-17T11:00:00.5-07:00","actor":"support","seat":"s1"}""");

        Assert.Equal(Instant.FromUtc(2026, 3, 17, 18, 0).PlusNanoseconds(500_000_000), command.At);
    }

    [Fact]
    public void Write_AddAgentWithAssets_HasThemFlatWithBothLists()
    {
        var add = new AddAgent(
            new CommandId("c1"), Instant.FromUtc(2026, 3, 17, 18, 0), Actor.Support, "Bo Li", "bo@acme.test", Role.Agent,
            Assets: new SeatAssets { DirectNumber = "+14155550101", RingGroups = ["sales"] });

        var json = Same.Write<SeatCommand>(add);

        Assert.Equal(
            """{"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"support","name":"Bo Li","email":"bo@acme.test","role":"Agent","directNumber":"\u002B14155550101","ringGroups":["sales"],"devices":[]}""",
            json);
        Assert.Equal(add, Same.Read<SeatCommand>(json));
    }

    [Fact]
    public void Read_AddAgentWithEmptyAssetLists_HasEmptyAssetsNotNull()
    {
        var add = Same.Read<AddAgent>("""{"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"support","ringGroups":[],"devices":[]}""");
        var none = Same.Read<AddAgent>("""{"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"support"}""");

        Assert.Equal(SeatAssets.None, add.Assets);
        Assert.Null(none.Assets);
        Assert.Equal(add, Same.RoundTrip(add));
    }

    [Fact]
    public void Read_AddAgentWithOneAssetMember_HasAssetsWithTheOthersEmpty()
    {
        var add = Same.Read<AddAgent>("""{"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"support","callerId":"+14155550100"}""");

        Assert.Equal(new SeatAssets { CallerId = "+14155550100" }, add.Assets);
        Assert.Equal(add, Same.RoundTrip(add));
    }

    [Fact]
    public void Read_AddAgentWithAnAssetsObject_IsRefusedAsAnUnknownProperty()
    {
        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<SeatCommand>(
            """{"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"support","assets":{"directNumber":"+14155550101"}}"""));

        Assert.Equal("$.assets", exception.Member);
        Assert.StartsWith("AddAgent has no property 'assets'", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MalformedCommandWithASeat_WritesItAndReadsItBack()
    {
        var malformed = new MalformedCommand(
            new CommandId("c6"), Instant.FromUtc(2026, 3, 20, 19, 0), Acme.Ada, "role", "'Boss' is not a role", ExpectedVersion: 4, Seat: new SeatId("s2"));

        var json = Same.Write<SeatCommand>(malformed);

        Assert.Equal(
            """{"type":"MalformedCommand","id":"c6","at":"2026-03-20T19:00:00Z","actor":"ada@acme.test","field":"role","reason":"\u0027Boss\u0027 is not a role","seat":"s2","expectedVersion":4}""",
            json);
        Assert.Equal(malformed, Same.Read<SeatCommand>(json));
    }

    [Fact]
    public void Write_InitialSeats_AreFlatAndAVacantOneSaysSo()
    {
        var seats = JsonNode.Parse(Same.Write(Acme.Opened()))!["seats"]!.AsArray();

        Assert.Equal(
            """[{"seat":"s1","name":"Ada Park","email":"ada@acme.test","role":"Admin","directNumber":"\u002B14155550101"},"""
            + """{"seat":"s2","name":"Jimmy Doe","email":"jimmy@acme.test","role":"Agent","ringGroups":["sales"],"devices":["desk-102"]},"""
            + """{"seat":"s3","vacant":true,"role":"Agent"}]""",
            seats.ToJsonString());
    }

    [Fact]
    public void Read_AccountWithoutSeatsHistoryOrVersion_IsTheAccountOpenedWithNoSeats()
    {
        var account = Same.Read<Account>(
            """{"id":"acme","timeZone":"America/Los_Angeles","currency":"USD","seatPrice":"30.00","billing":{"cycle":"Monthly","anchor":"2026-03-01"}}""");

        Assert.Empty(account.InitialSeats);
        Assert.Empty(account.History);
        Assert.Equal(0, account.Version);
        Assert.Equal(Money.Parse("30.00", Currency.Usd), account.SeatPrice);
    }

    [Fact]
    public void Read_Decision_IsRefusedBecauseOnlyThePolicyDecides()
    {
        var decision = TurnoverPolicy.Default.Decide(Acme.Opened(), Acme.Commands[0]);

        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Decision>(Same.Write(decision)));

        Assert.Equal("$", exception.Member);
        Assert.StartsWith("a Decision is written, never read", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Decision_IsItsOutcomeEventsAndReplayFlag()
    {
        var decision = TurnoverPolicy.Default.Decide(Acme.Opened(), Acme.Commands[0]);

        var json = JsonNode.Parse(Same.Write(decision))!.AsObject();

        Assert.Equal(["outcome", "events", "isReplay"], json.Select(property => property.Key));
        Assert.Equal("Added", (string?)json["outcome"]!["outcome"]);
        Assert.Equal(["SeatAdded"], json["events"]!.AsArray().Select(change => (string?)change!["type"]));
        Assert.False((bool)json["isReplay"]!);
    }

    [Fact]
    public void Write_DeletionBlocked_ListsTheAlternativesByName()
    {
        var blocked = new DeletionBlocked(new SeatId("s2"), "contract lock-in", new LocalDate(2026, 12, 2), [TurnoverAlternative.Replace, TurnoverAlternative.Deactivate]);

        var json = JsonNode.Parse(Same.Write<OutcomeCase>(blocked))!;

        Assert.Equal("DeletionBlocked", (string?)json["outcome"]);
        Assert.Equal("2026-12-02", (string?)json["allowedFrom"]);
        Assert.Equal(["Replace", "Deactivate"], json["alternatives"]!.AsArray().Select(item => (string?)item));
        Assert.Equal(blocked.Describe(), (string?)json["description"]);
    }

    [Fact]
    public void Write_Account_IsItsTermsInitialSeatsVersionAndHistory()
    {
        var json = JsonNode.Parse(Same.Write(Acme.WithHistory()))!.AsObject();

        Assert.Equal(
            ["id", "timeZone", "currency", "seatPrice", "billing", "proration", "seats", "version", "history"],
            json.Select(property => property.Key));
        Assert.Equal("USD", (string?)json["currency"]);
        Assert.Equal("30.00", (string?)json["seatPrice"]);
        Assert.Equal(
            ["SeatAdded", "AgentReplaced", "AgentDeactivated", "AgentUpdated", "SeatDeleted"],
            json["history"]!.AsArray().Select(change => (string?)change!["type"]));
    }

    [Fact]
    public void Configure_OwnOptions_AddsNodaTimeAndEngineConvertersOnce()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var configured = SeatPolicyJson.Configure(options);
        var count = options.Converters.Count;
        SeatPolicyJson.Configure(options);

        Assert.Same(options, configured);
        Assert.Equal(count, options.Converters.Count);
        Assert.Equal("\"2026-03-17T18:00:00Z\"", JsonSerializer.Serialize(Instant.FromUtc(2026, 3, 17, 18, 0), options));
        Assert.True(Acme.WithHistory().Equals(JsonSerializer.Deserialize<Account>(JsonSerializer.Serialize(Acme.WithHistory(), options), options)));
    }

    [Fact]
    public void Configure_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => SeatPolicyJson.Configure(null!));

    [Fact]
    public void Configure_ReadOnlyOptions_Throws() =>
        Assert.Throws<InvalidOperationException>(() => SeatPolicyJson.Configure(JsonSerializerOptions.Default));

    [Fact]
    public void Options_AreReadOnlyAndServeAServicesOwnTypesInCamelCase()
    {
        var snapshot = new Snapshot(Acme.WithHistory().PreviewNextBill(new LocalDate(2026, 3, 22)), Instant.FromUtc(2026, 3, 22, 0, 0));

        var json = Same.Write(snapshot);

        Assert.True(SeatPolicyJson.Options.IsReadOnly);
        Assert.Equal(
            """{"nextBill":{"date":"2026-04-01","seats":3,"seatPrice":{"amount":"30.00","currency":"USD"},"total":{"amount":"90.00","currency":"USD"}},"takenAt":"2026-03-22T00:00:00Z"}""",
            json);
        Assert.Equal(snapshot, Same.Read<Snapshot>(json));
    }

    /// <summary>A service's own type holding engine values.</summary>
    /// <param name="NextBill">An engine value.</param>
    /// <param name="TakenAt">A NodaTime value.</param>
    public sealed record Snapshot(NextBill NextBill, Instant TakenAt);
}
