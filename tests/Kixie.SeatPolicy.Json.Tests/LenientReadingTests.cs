using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>
/// <see cref="SeatPolicyJson.LenientOptions"/>: a command whose <c>type</c>, <c>id</c>, <c>at</c> and
/// <c>actor</c> can be read but another member cannot reads as a <see cref="MalformedCommand"/> naming
/// the top-level member and the problem, with the seat and expected version kept when they are readable;
/// every other fault still throws.
/// </summary>
public sealed class LenientReadingTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 17, 18, 0);

    private static SeatCommand Lenient(string json) => JsonSerializer.Deserialize<SeatCommand>(json, SeatPolicyJson.LenientOptions)!;

    private static string Command(string type, string members) =>
        $$"""{"type":"{{type}}","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test"{{members}}}""";

    [Theory]
    [InlineData("AddAgent", ",\"name\":\"Bo Li\",\"role\":\"Boss\"", "role", "unknown Role 'Boss' (expected Agent, Manager, Admin)")]
    [InlineData("AddAgent", ",\"role\":\"agent\"", "role", "unknown Role 'agent' (expected Agent, Manager, Admin)")]
    [InlineData("AddAgent", ""","role":2""", "role", "expected a Role name but found a number")]
    [InlineData("AddAgent", ""","name":5""", "name", "expected a string but found a number")]
    [InlineData("AddAgent", ""","email":true""", "email", "expected a string but found a boolean")]
    [InlineData("AddAgent", ""","directNumber":14155550101""", "directNumber", "expected a string but found a number")]
    [InlineData("AddAgent", ",\"ringGroups\":\"sales\"", "ringGroups", "expected an array but found a string")]
    [InlineData("AddAgent", ""","devices":["desk-1",7]""", "devices", "expected a string but found a number")]
    [InlineData("AddAgent", ""","assets":{}""", "assets", "AddAgent has no property 'assets' (expected type, id, at, actor, seat, name, email, role, plan, directNumber, callerId, ringGroups, devices, expectedVersion)")]
    [InlineData("ReplaceAgent", ",\"seat\":\"s2\",\"name\":\"Bo Li\",\"colour\":\"red\"", "colour", "ReplaceAgent has no property 'colour' (expected type, id, at, actor, seat, name, email, role, expectedVersion)")]
    [InlineData("UpdateAgent", ""","seat":"s2","role":{}""", "role", "expected a Role name but found an object")]
    [InlineData("DeactivateAgent", ",\"seat\":\"s2\",\"name\":\"Bo Li\"", "name", "DeactivateAgent has no property 'name' (expected type, id, at, actor, seat, expectedVersion)")]
    [InlineData("DeleteAgent", ""","seat":"s2","expectedversion":3""", "expectedversion", "DeleteAgent has no property 'expectedversion' (expected type, id, at, actor, seat, effective, expectedVersion)")]
    [InlineData("MalformedCommand", ",\"reason\":\"why\"", "field", "the required property is missing")]
    [InlineData("ChangePlan", ""","seat":"s2","plan":5""", "plan", "expected a string but found a number")]
    [InlineData("ChangePlan", ""","seat":"s2","plan":["PowerDialer"]""", "plan", "expected a string but found an array")]
    [InlineData("ChangePlan", ",\"seat\":\"s2\",\"effective\":\"NextBill\"", "effective", "ChangePlan has no property 'effective' (expected type, id, at, actor, seat, plan, expectedVersion)")]
    [InlineData("AddAgent", ""","name":"Bo Li","plan":false""", "plan", "expected a string but found a boolean")]
    public void Read_CommandWithAnUnreadableMember_IsAMalformedCommandNamingIt(string type, string members, string field, string reason)
    {
        var json = Command(type, members);

        var command = Lenient(json);

        var seat = members.Contains("\"seat\":\"s2\"", StringComparison.Ordinal) ? new SeatId("s2") : (SeatId?)null;
        Assert.Equal(new MalformedCommand(new CommandId("c1"), At, new Actor("ada@acme.test"), field, reason, ExpectedVersion: null, Seat: seat), command);
        var strict = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<SeatCommand>(json));
        Assert.Equal(field, strict.Member[2..].Split('[')[0]);
        Assert.Equal(reason, strict.Problem);
    }

    [Fact]
    public void Read_MalformedMemberBesideAReadableSeatAndVersion_KeepsThem()
    {
        var command = Lenient(Command("ReplaceAgent", ""","seat":"s2","name":"Bo Li","role":"Boss","expectedVersion":4"""));

        var malformed = Assert.IsType<MalformedCommand>(command);
        Assert.Equal(new SeatId("s2"), malformed.Seat);
        Assert.Equal(4, malformed.ExpectedVersion);
        Assert.Equal("role", malformed.Field);
    }

    [Fact]
    public void Read_ExampleOfTheDocs_IsTheMalformedCommandShown()
    {
        var command = Lenient("""{"type":"UpdateAgent","id":"c9","at":"2026-03-17T19:00:00Z","actor":"support","seat":"s1","role":"agent","expectedVersion":3}""");

        Assert.Equal(
            new MalformedCommand(new CommandId("c9"), Instant.FromUtc(2026, 3, 17, 19, 0), Actor.Support, "role", "unknown Role 'agent' (expected Agent, Manager, Admin)", 3, new SeatId("s1")),
            command);
    }

    [Fact]
    public void Read_MalformedSeat_KeepsTheVersionButNoSeat()
    {
        var malformed = Assert.IsType<MalformedCommand>(Lenient(Command("DeleteAgent", ""","seat":12,"expectedVersion":4""")));

        Assert.Equal("seat", malformed.Field);
        Assert.Equal("expected a string but found a number", malformed.Reason);
        Assert.Null(malformed.Seat);
        Assert.Equal(4, malformed.ExpectedVersion);
    }

    [Fact]
    public void Read_MalformedExpectedVersion_KeepsTheSeatButNoVersion()
    {
        var malformed = Assert.IsType<MalformedCommand>(Lenient(Command("DeactivateAgent", ",\"seat\":\"s2\",\"expectedVersion\":\"4\"")));

        Assert.Equal("expectedVersion", malformed.Field);
        Assert.Equal("expected a whole number (64-bit) but found a string", malformed.Reason);
        Assert.Equal(new SeatId("s2"), malformed.Seat);
        Assert.Null(malformed.ExpectedVersion);
    }

    [Fact]
    public void Read_MalformedAddWithASeat_KeepsTheSeat()
    {
        var malformed = Assert.IsType<MalformedCommand>(Lenient(Command("AddAgent", ",\"seat\":\"x9\",\"role\":\"Boss\"")));

        Assert.Equal(new SeatId("x9"), malformed.Seat);
    }

    [Fact]
    public void Read_MalformedCommand_IsAnsweredInvalidCommandWithTheSameFieldAndReason()
    {
        var command = Lenient(Command("UpdateAgent", ",\"seat\":\"s2\",\"role\":\"Boss\""));

        var outcome = TurnoverPolicy.Default.Decide(Acme.Opened(), command).Outcome;

        Assert.Equal(new InvalidCommand("role", "unknown Role 'Boss' (expected Agent, Manager, Admin)"), outcome.Case);
    }

    [Theory]
    [InlineData("""{"type":"AddAgent","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","role":"Boss"}""", "$.id: the required property is missing")]
    [InlineData("""{"type":"AddAgent","id":null,"at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","role":"Boss"}""", "$.id: expected a string but found null")]
    [InlineData("""{"type":"AddAgent","id":"c1","at":"2026-03-17 18:00","actor":"ada@acme.test","role":"Boss"}""", "$.at: '2026-03-17 18:00' is not an instant")]
    [InlineData("""{"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":7,"role":"Boss"}""", "$.actor: expected a string but found a number")]
    [InlineData("""{"type":"Fly","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test"}""", "$.type: unknown command type 'Fly'")]
    [InlineData("""{"id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test"}""", "$.type: the required property is missing")]
    [InlineData("""{"type":"AddAgent","id":"c1","id":"c2","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test"}""", "$: the property 'id' appears twice")]
    [InlineData("""["AddAgent"]""", "$: expected an object but found an array")]
    public void Read_FaultInTheEnvelope_StillThrows(string json, string message)
    {
        var exception = Assert.Throws<SeatPolicyJsonException>(() => Lenient(json));

        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WellFormedCommand_IsTheSameAsStrictly()
    {
        foreach (var command in Acme.Commands)
        {
            var json = Same.Write(command);

            Assert.Equal(Same.Read<SeatCommand>(json), Lenient(json));
        }
    }

    [Fact]
    public void Read_ListOfCommands_IsLenientItemByItem()
    {
        var json = $"[{Command("DeleteAgent", ",\"seat\":\"s3\"")},{Command("AddAgent", ",\"role\":\"Boss\"")}]";

        var commands = JsonSerializer.Deserialize<SeatCommand[]>(json, SeatPolicyJson.LenientOptions)!;

        Assert.IsType<DeleteAgent>(commands[0]);
        Assert.Equal("role", Assert.IsType<MalformedCommand>(commands[1]).Field);
    }

    [Fact]
    public void Read_CommandAsItsOwnType_IsStrictEvenLeniently()
    {
        // A MalformedCommand is not an AddAgent: reading a case type cannot be lenient.
        Assert.Throws<SeatPolicyJsonException>(
            () => JsonSerializer.Deserialize<AddAgent>(Command("AddAgent", ",\"role\":\"Boss\""), SeatPolicyJson.LenientOptions));
    }

    [Fact]
    public void Read_CommandInAnAccountsHistory_IsStrictEvenLeniently()
    {
        var json = JsonNode.Parse(Same.Write(Acme.WithHistory()))!;
        json["history"]![0]!["command"]!["role"] = "agent";

        var exception = Assert.Throws<SeatPolicyJsonException>(
            () => JsonSerializer.Deserialize<Account>(json.ToJsonString(), SeatPolicyJson.LenientOptions));

        Assert.Equal("$.history[0].command.role", exception.Member);
    }

    [Fact]
    public void Configure_Lenient_ReadsCommandsAsLenientOptionsDo()
    {
        var lenient = SeatPolicyJson.Configure(new JsonSerializerOptions(), lenientCommands: true);
        var strict = SeatPolicyJson.Configure(new JsonSerializerOptions(), lenientCommands: false);
        var json = Command("AddAgent", ",\"role\":\"Boss\"");

        Assert.Equal(Lenient(json), JsonSerializer.Deserialize<SeatCommand>(json, lenient));
        Assert.Throws<SeatPolicyJsonException>(() => JsonSerializer.Deserialize<SeatCommand>(json, strict));
        Assert.True(SeatPolicyJson.LenientOptions.IsReadOnly);
    }
}
