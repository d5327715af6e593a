using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>Runs tests/scenarios/invalid-commands.json once for all the tests that read it.</summary>
public sealed class InvalidCommandsRun : IAsyncLifetime
{
    public IReadOnlyList<JsonElement> Results { get; private set; } = [];

    public JsonElement Root { get; private set; }

    private JsonDocument? _document;

    public async Task InitializeAsync()
    {
        _document = await SeatPolicyTool.SimulateJsonAsync("invalid-commands.json");
        Root = _document.RootElement;
        Results = [.. Root.GetProperty("results").EnumerateArray()];
    }

    public Task DisposeAsync()
    {
        _document?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Everything wrong with one command (that is not on the exit-2 list) reaches the engine, which answers
/// InvalidCommand; the scenario goes on. Each bad command in the file is followed by a good one.
/// </summary>
public sealed class InvalidCommandTests(InvalidCommandsRun run) : IClassFixture<InvalidCommandsRun>
{
    [Theory]
    [InlineData("bad-email", "email: 'cy-at-initech' is not a valid email address")]
    [InlineData("bad-phone", "directNumber: '555-0100' is not an E.164 phone number")]
    [InlineData("unknown-role", "role: unknown Role 'Boss' (expected Agent, Manager, Admin)")]
    [InlineData("blank-name", "name: the name is missing or blank")]
    [InlineData("missing-email", "email: the email is missing")]
    [InlineData("missing-seat", "seat: the seat id is missing")]
    [InlineData("nothing-to-change", "update: nothing to change")]
    [InlineData("reused-seat-id", "seat: seat id 's1' was already used")]
    [InlineData("mistyped-name", "name: expected a string but found a number")]
    [InlineData("mistyped-version", "expectedVersion: expected a whole number (64-bit) but found a string")]
    [InlineData("fractional-version", "expectedVersion: expected a whole number (64-bit) but found a number")]
    [InlineData("ring-groups-not-array", "ringGroups: expected an array but found a string")]
    [InlineData("devices-not-strings", "devices: expected a string but found a number")]
    [InlineData("field-not-taken", "name: DeactivateAgent has no property 'name'")]
    [InlineData("negative-version", "expectedVersion: -1 is not a version")]
    [InlineData("", "id: the command has no id")]
    public void Simulate_BadCommand_IsInvalidCommandAndTheNextCommandRuns(string id, string detail)
    {
        var index = IndexOf(id);
        var result = run.Results[index];

        Assert.Equal("InvalidCommand", result.GetProperty("outcome").GetString());
        Assert.StartsWith(detail, result.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("0.00", result.GetProperty("charge").GetString());
        Assert.False(result.GetProperty("replayed").GetBoolean());

        var next = run.Results[index + 1];
        Assert.StartsWith("ok-", next.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("Updated", next.GetProperty("outcome").GetString());
    }

    [Fact]
    public void Simulate_SameIdWithOtherContent_IsInvalidCommandNamingTheId()
    {
        var repeats = run.Results.Select((result, index) => (result, index)).Where(x => x.result.GetProperty("id").GetString() == "ok-16").ToList();

        Assert.Equal(2, repeats.Count);
        Assert.Equal("Updated", repeats[0].result.GetProperty("outcome").GetString());
        Assert.Equal("InvalidCommand", repeats[1].result.GetProperty("outcome").GetString());
        Assert.StartsWith("id: command id 'ok-16' was already used", repeats[1].result.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Updated", run.Results[repeats[1].index + 1].GetProperty("outcome").GetString());
    }

    [Fact]
    public void Simulate_StrangerWithBadEmail_IsUnauthorizedBeforeAnythingIsChecked()
    {
        var result = run.Results[IndexOf("stranger-with-bad-email")];

        Assert.Equal("Unauthorized", result.GetProperty("outcome").GetString());
    }

    [Fact]
    public void Simulate_InvalidCommands_ChangeNothingAndChargeNothing()
    {
        // Only the 18 good updates were accepted.
        Assert.Equal(18, run.Root.GetProperty("account").GetProperty("version").GetInt64());
        Assert.Equal("0.00", run.Root.GetProperty("totals").GetProperty("charged").GetString());
        Assert.Equal(2, run.Root.GetProperty("nextBill").GetProperty("seats").GetInt32());
    }

    [Fact]
    public void Simulate_CommandWithoutUsableSeat_ReportsSeatAsNull()
    {
        Assert.Equal(JsonValueKind.Null, run.Results[IndexOf("bad-email")].GetProperty("seat").ValueKind);
        Assert.Equal(JsonValueKind.Null, run.Results[IndexOf("missing-seat")].GetProperty("seat").ValueKind);
        Assert.Equal("s2", run.Results[IndexOf("missing-email")].GetProperty("seat").GetString());
    }

    private int IndexOf(string id)
    {
        for (var i = 0; i < run.Results.Count; i++)
        {
            if (run.Results[i].GetProperty("id").GetString() == id)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No command {id}.");
    }
}
