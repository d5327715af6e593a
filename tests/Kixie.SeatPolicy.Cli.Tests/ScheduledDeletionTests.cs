using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>Scheduled deletions through <c>seatpolicy simulate</c> (tests/scenarios/scheduled-deletion-refusals.json): bad input is an outcome, and a pending change is shown.</summary>
public sealed class ScheduledDeletionTests
{
    [Fact]
    public async Task Simulate_UnknownEffectiveOrTermEndWithoutAContractOrACancelWithoutASeat_IsInvalidCommand_NotAnUnusableFile()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("scheduled-deletion-refusals.json");
        var results = output.RootElement.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(
            ["InvalidCommand", "InvalidCommand", "InvalidCommand", "NothingScheduled", "DeletionScheduled", "DeletionScheduled", "Updated"],
            results.Select(result => result.GetProperty("outcome").GetString()));
        Assert.StartsWith("effective: unknown DeletionEffective 'Tomorrow'", results[0].GetProperty("detail").GetString(), System.StringComparison.Ordinal);
        Assert.StartsWith("effective: ", results[1].GetProperty("detail").GetString(), System.StringComparison.Ordinal);
        Assert.StartsWith("seat: ", results[2].GetProperty("detail").GetString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ScheduledTwice_GivesTheLastDayAndWhatItReplaced_AndTheSeatShowsItsPendingChange()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("scheduled-deletion-refusals.json");
        var results = output.RootElement.GetProperty("results").EnumerateArray().ToList();
        var seats = output.RootElement.GetProperty("account").GetProperty("seats").EnumerateArray().ToList();

        Assert.Equal("2026-03-31", results[4].GetProperty("lastDay").GetString());
        Assert.False(results[4].TryGetProperty("replaced", out _));
        Assert.Equal("Delete", results[5].GetProperty("replaced").GetProperty("change").GetString());
        Assert.Equal("2026-03-31", results[5].GetProperty("replaced").GetProperty("date").GetString());
        Assert.Equal(("Delete", "2026-03-31"), (seats[1].GetProperty("pending").GetProperty("change").GetString(), seats[1].GetProperty("pending").GetProperty("date").GetString()));
        Assert.False(seats[0].TryGetProperty("pending", out _));
        Assert.All(seats, seat => Assert.Equal("Standard", seat.GetProperty("plan").GetString()));
    }

    [Fact]
    public async Task Simulate_AsOfAfterTheLastDay_ShowsTheSeatGone()
    {
        var run = await SeatPolicyTool.RunAsync("simulate", "tests/scenarios/scheduled-deletion-refusals.json", "--format", "json", "--as-of", "2026-04-01");
        using var output = System.Text.Json.JsonDocument.Parse(run.Stdout);

        var seats = output.RootElement.GetProperty("account").GetProperty("seats").EnumerateArray().Select(seat => seat.GetProperty("seat").GetString());
        Assert.Equal(["s1"], seats);
        Assert.Equal(1, output.RootElement.GetProperty("nextBill").GetProperty("seats").GetInt32());
    }
}
