using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>The example of docs/scenario-format.md, every field worked out by hand.</summary>
public sealed class SpecExampleTests
{
    [Fact]
    public async Task Simulate_SpecExample_GivesEveryResultAsWorkedOutByHand()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("spec-example.json");
        var root = output.RootElement;
        Assert.Equal(["results", "account", "nextBill", "invoices", "totals"], root.EnumerateObject().Select(p => p.Name));

        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);

        // c1: added on local 2026-03-17 (11:00 in Los Angeles) in the period 2026-02-28..2026-03-31: 14 of 31 days.
        Assert.Equal(["id", "outcome", "seat", "charge", "replayed", "detail"], results[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("c1", results[0].GetProperty("id").GetString());
        Assert.Equal("Added", results[0].GetProperty("outcome").GetString());
        Assert.Equal("s3", results[0].GetProperty("seat").GetString());
        Assert.Equal("13.55", results[0].GetProperty("charge").GetString());
        Assert.False(results[0].GetProperty("replayed").GetBoolean());
        Assert.Equal(
            "14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55",
            results[0].GetProperty("detail").GetString());

        // c2: the vacant seat s2 is filled; nothing charged.
        Assert.Equal("c2", results[1].GetProperty("id").GetString());
        Assert.Equal("Replaced", results[1].GetProperty("outcome").GetString());
        Assert.Equal("s2", results[1].GetProperty("seat").GetString());
        Assert.Equal("0.00", results[1].GetProperty("charge").GetString());
        Assert.False(results[1].GetProperty("replayed").GetBoolean());

        // c3: Bo leaves; s3 is held vacant.
        Assert.Equal("c3", results[2].GetProperty("id").GetString());
        Assert.Equal("Deactivated", results[2].GetProperty("outcome").GetString());
        Assert.Equal("s3", results[2].GetProperty("seat").GetString());
        Assert.Equal("0.00", results[2].GetProperty("charge").GetString());

        // c4: the contract 2026-01-01..2026-12-31 allows deletion from 2026-12-02 (the last 30 days).
        Assert.Equal(
            ["id", "outcome", "seat", "charge", "replayed", "detail", "allowedFrom"],
            results[3].EnumerateObject().Select(p => p.Name));
        Assert.Equal("c4", results[3].GetProperty("id").GetString());
        Assert.Equal("DeletionBlocked", results[3].GetProperty("outcome").GetString());
        Assert.Equal("s3", results[3].GetProperty("seat").GetString());
        Assert.Equal("0.00", results[3].GetProperty("charge").GetString());
        Assert.Equal("2026-12-02", results[3].GetProperty("allowedFrom").GetString());
        Assert.Contains("2026-12-02", results[3].GetProperty("detail").GetString(), System.StringComparison.Ordinal);

        // Three accepted commands; seats in creation order; the vacant seat has no email key.
        var account = root.GetProperty("account");
        Assert.Equal(3, account.GetProperty("version").GetInt64());
        var seats = account.GetProperty("seats").EnumerateArray().ToList();
        Assert.Equal(3, seats.Count);
        AssertSeat(seats[0], "s1", "Occupied", "ada@acme.test", "Admin");
        AssertSeat(seats[1], "s2", "Occupied", "cy@acme.test", "Agent");
        AssertSeat(seats[2], "s3", "Vacant", null, "Agent");

        // As of the last command's local date 2026-03-20: the next bill date is 2026-03-31; 3 seats × 30.00.
        var bill = root.GetProperty("nextBill");
        Assert.Equal("2026-03-31", bill.GetProperty("date").GetString());
        Assert.Equal(3, bill.GetProperty("seats").GetInt32());
        Assert.Equal("90.00", bill.GetProperty("total").GetString());

        var totals = root.GetProperty("totals");
        Assert.Equal("13.55", totals.GetProperty("charged").GetString());
        Assert.Equal("0.00", totals.GetProperty("refunded").GetString());
    }

    [Fact]
    public async Task Simulate_Json_WritesSymbolsAsCharactersNotEscapes()
    {
        var run = await SeatPolicyTool.RunAsync("simulate", SeatPolicyTool.Scenario("spec-example.json"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("30.00 × 14/31 = 13.548… → 13.55", run.Stdout, System.StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", run.Stdout, System.StringComparison.Ordinal);
    }

    private static void AssertSeat(JsonElement seat, string id, string status, string? email, string role)
    {
        Assert.Equal(id, seat.GetProperty("seat").GetString());
        Assert.Equal(status, seat.GetProperty("status").GetString());
        if (email is null)
        {
            Assert.False(seat.TryGetProperty("email", out _));
        }
        else
        {
            Assert.Equal(email, seat.GetProperty("email").GetString());
        }

        Assert.Equal(role, seat.GetProperty("role").GetString());
    }
}
