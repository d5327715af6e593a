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
    public void Write_Enums_AreNamesAndUndefinedValuesAreNumbers()
    {
        Assert.Equal("\"Admin\"", Same.Write(Role.Admin));
        Assert.Equal("7", Same.Write((Role)7));
        Assert.Equal((Role)7, Same.Read<Role>("7"));
        Assert.Equal(Role.Manager, Same.Read<Role>("\"manager\""));
        Assert.Equal("\"DeletionBlocked\"", Same.Write(OutcomeKind.DeletionBlocked));
        Assert.Equal("\"Quarterly\"", Same.Write(BillingCycle.Quarterly));
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

    [Fact]
    public void Read_CommandWithNullId_KeepsTheMissingIdForThePolicyToRefuse()
    {
        var command = Same.Read<SeatCommand>("""{"type":"DeactivateAgent","id":null,"at":"2026-03-17T18:00:00Z","actor":"support","seat":"s2"}""");

        var outcome = TurnoverPolicy.Default.Decide(Acme.Opened(), command).Outcome;

        Assert.Equal(default, command.Id);
        Assert.Equal(new InvalidCommand("id", "the command has no id"), outcome.Case);
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
            ["id", "timeZone", "seatPrice", "billing", "proration", "initialSeats", "version", "history"],
            json.Select(property => property.Key));
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
