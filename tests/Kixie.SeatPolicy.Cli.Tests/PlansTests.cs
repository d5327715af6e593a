using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>Plans through <c>seatpolicy simulate</c> (tests/scenarios/plans.json): an unknown plan is an outcome, upgrades are charged, a downgrade is pending then done.</summary>
public sealed class PlansTests
{
    [Fact]
    public async Task Simulate_UnknownPlan_IsInvalidCommandNamingPlan_UpgradeAndAddOnAPlanAreCharged_DowngradeIsScheduled()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("plans.json");
        var results = output.RootElement.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(["InvalidCommand", "InvalidCommand", "PlanUpgraded", "DowngradeScheduled", "Added"], results.Select(result => result.GetProperty("outcome").GetString()));
        Assert.All(results.Take(2), result => Assert.StartsWith("plan: unknown plan 'Gold'", result.GetProperty("detail").GetString(), System.StringComparison.Ordinal));
        Assert.Equal("29.03", results[2].GetProperty("charge").GetString()); // (95.00 − 35.00) × 15/31
        Assert.Equal("2026-04-01", results[3].GetProperty("effective").GetString());
        Assert.Equal("33.71", results[4].GetProperty("charge").GetString()); // 95.00 × 11/31
        Assert.Equal("62.74", output.RootElement.GetProperty("totals").GetProperty("charged").GetString());
    }

    [Fact]
    public async Task Simulate_OnNextBill_TheBillCarriesTheUpgradeAndTheAdd_EveryLineNamingItsPlan()
    {
        var run = await SeatPolicyTool.RunAsync("simulate", "tests/scenarios/plans.json", "--format", "json", "--as-of", "2026-04-15");
        using var output = System.Text.Json.JsonDocument.Parse(run.Stdout);

        var bill = output.RootElement.GetProperty("invoices").EnumerateArray().Single(invoice => invoice.GetProperty("date").GetString() == "2026-04-01");
        Assert.Equal(
            [("Seat", "s1", "PowerDialer", "95.00"), ("Seat", "s2", "Integrate", "35.00"), ("Seat", "s3", "PowerDialer", "95.00"), ("Upgrade", "s1", "PowerDialer", "29.03"), ("Add", "s3", "PowerDialer", "33.71")],
            bill.GetProperty("lines").EnumerateArray().Select(line => (line.GetProperty("kind").GetString(), line.GetProperty("seat").GetString(), line.GetProperty("plan").GetString(), line.GetProperty("amount").GetString())));
        Assert.Equal("287.74", bill.GetProperty("total").GetString());
        // From 2026-04-01 the downgrade is done: no pending change, the new plan; PowerDialer's June price is not yet in effect.
        var seats = output.RootElement.GetProperty("account").GetProperty("seats").EnumerateArray().ToList();
        Assert.Equal(["PowerDialer", "Integrate", "PowerDialer"], seats.Select(seat => seat.GetProperty("plan").GetString()));
        Assert.All(seats, seat => Assert.False(seat.TryGetProperty("pending", out _)));
        Assert.Equal("225.00", output.RootElement.GetProperty("nextBill").GetProperty("total").GetString());
    }

    [Fact]
    public async Task Simulate_BeforeTheDowngradesBillDate_TheSeatShowsItAsPending_TheTableShowsEachSeatsPlan()
    {
        var json = await SeatPolicyTool.RunAsync("simulate", "tests/scenarios/plans.json", "--format", "json", "--as-of", "2026-03-25");
        var table = await SeatPolicyTool.RunAsync("simulate", "tests/scenarios/plans.json", "--as-of", "2026-03-25");
        using var output = System.Text.Json.JsonDocument.Parse(json.Stdout);

        var pending = output.RootElement.GetProperty("account").GetProperty("seats")[1].GetProperty("pending");
        Assert.Equal(("ChangePlan", "2026-04-01", "Integrate"), (pending.GetProperty("change").GetString(), pending.GetProperty("date").GetString(), pending.GetProperty("plan").GetString()));
        Assert.Contains("Agent  PowerDialer  pending: downgrade to Integrate from 2026-04-01", table.Stdout, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_AfterTheJunePriceChange_TheBillUsesTheNewPrice()
    {
        var run = await SeatPolicyTool.RunAsync("simulate", "tests/scenarios/plans.json", "--format", "json", "--as-of", "2026-05-15");
        using var output = System.Text.Json.JsonDocument.Parse(run.Stdout);

        Assert.Equal(("2026-06-01", "233.00"), (output.RootElement.GetProperty("nextBill").GetProperty("date").GetString(), output.RootElement.GetProperty("nextBill").GetProperty("total").GetString()));
    }
}
