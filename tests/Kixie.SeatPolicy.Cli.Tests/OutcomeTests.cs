using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>Replays, currencies, proration options, the guards and the next bill's as-of date, end to end.</summary>
public sealed class OutcomeTests
{
    [Fact]
    public async Task Simulate_SameCommandTwice_ShowsTheChargeTwiceButCountsItOnce()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("replay.json");
        var results = output.RootElement.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal("Added", results[0].GetProperty("outcome").GetString());
        Assert.Equal("13.55", results[0].GetProperty("charge").GetString());
        Assert.False(results[0].GetProperty("replayed").GetBoolean());

        Assert.Equal("Added", results[1].GetProperty("outcome").GetString());
        Assert.Equal("seat-2", results[1].GetProperty("seat").GetString());
        Assert.Equal("13.55", results[1].GetProperty("charge").GetString());
        Assert.True(results[1].GetProperty("replayed").GetBoolean());

        // One second later is other content under the same id.
        Assert.Equal("InvalidCommand", results[2].GetProperty("outcome").GetString());

        // An add on the bill date 2026-03-31 pays the full period.
        Assert.Equal("seat-3", results[3].GetProperty("seat").GetString());
        Assert.Equal("30.00", results[3].GetProperty("charge").GetString());

        Assert.Equal("43.55", output.RootElement.GetProperty("totals").GetProperty("charged").GetString());
        Assert.Equal(2, output.RootElement.GetProperty("account").GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Simulate_Yen_FormatsWholeUnits()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("jpy.json");
        var root = output.RootElement;
        var results = root.GetProperty("results").EnumerateArray().ToList();

        // 1000 JPY × 16/31 = 516.1… → 516 (local date 2026-03-16 in Tokyo, period 2026-03-01..2026-04-01).
        Assert.Equal("516", results[0].GetProperty("charge").GetString());
        Assert.Equal("16 of 31 days left in 2026-03-01..2026-04-01: 1000 × 16/31 = 516.1… → 516", results[0].GetProperty("detail").GetString());
        Assert.Equal("516", results[1].GetProperty("charge").GetString());
        Assert.Equal("seat-3", results[1].GetProperty("seat").GetString());
        Assert.Equal("1032", root.GetProperty("totals").GetProperty("charged").GetString());
        Assert.Equal("0", root.GetProperty("totals").GetProperty("refunded").GetString());
        Assert.Equal("3000", root.GetProperty("nextBill").GetProperty("total").GetString());
    }

    [Fact]
    public async Task Simulate_Thirty360AndHalfToEven_AreHandedToTheEngine()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("proration-options.json");
        var result = output.RootElement.GetProperty("results")[0];

        // 30E/360: 2026-02-28..2026-03-31 counts 32 days, 13 left from the 17th; 10.000 × 13/32 = 4.0625, a tie, to even.
        Assert.Equal("4.062", result.GetProperty("charge").GetString());
        Assert.Equal("13 of 32 days left in 2026-02-28..2026-03-31: 10.000 × 13/32 = 4.0625 → 4.062 (half to even)", result.GetProperty("detail").GetString());
        Assert.Equal("20.000", output.RootElement.GetProperty("nextBill").GetProperty("total").GetString());
    }

    [Fact]
    public async Task Simulate_SecondGranularity_CountsTheShortDstDay()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("seconds.json");
        var result = output.RootElement.GetProperty("results")[0];

        // March 2026 in Los Angeles lasts 31 days less the hour DST takes: 2,674,800 s; 1,252,800 s are left at 19:00Z on the 17th.
        Assert.Equal("14.05", result.GetProperty("charge").GetString());
        Assert.StartsWith("1252800 of 2674800 seconds left", result.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_Guards_EachRefusalIsItsOwnOutcome()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("guards.json");
        var root = output.RootElement;
        var outcomes = root.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("outcome").GetString()).ToList();

        Assert.Equal(
            [
                "Unauthorized", "Unauthorized", "Unauthorized", "LastAdminProtected", "EditLooksLikeReplacement", "EmailInUse",
                "SeatNotFound", "SeatAlreadyVacant", "VersionConflict", "Replaced", "Deleted", "SeatNotFound", "DeletionBlocked",
            ],
            outcomes);

        // The renewed term 2026-07-01..2026-12-31 with a 15-day lock-in opens on 2026-12-17.
        Assert.Equal("2026-12-17", root.GetProperty("results")[12].GetProperty("allowedFrom").GetString());
        Assert.Equal(["s1", "s2", "s4"], root.GetProperty("account").GetProperty("seats").EnumerateArray().Select(seat => seat.GetProperty("seat").GetString()));
        Assert.Equal("Manager", root.GetProperty("account").GetProperty("seats")[2].GetProperty("role").GetString());
        Assert.Equal("2026-10-01", root.GetProperty("nextBill").GetProperty("date").GetString());
        Assert.Equal("60.00", root.GetProperty("nextBill").GetProperty("total").GetString());
        Assert.Equal("0.00", root.GetProperty("totals").GetProperty("refunded").GetString());
    }

    [Theory]
    [InlineData("2026-03-20", "2026-03-31", 3, "90.00")]
    [InlineData("2026-03-31", "2026-04-30", 3, "90.00")]
    [InlineData("2026-04-15", "2026-04-30", 3, "90.00")]
    [InlineData("2025-12-31", "2026-01-31", 2, "60.00")] // s3 is added on 2026-03-17: not on the bill of 2026-01-31 (rulebook §8, §10)
    public async Task Simulate_AsOf_LooksUpTheNextBillFromThatDate(string asOf, string billDate, int seats, string total)
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("spec-example.json", "--as-of", asOf);
        var bill = output.RootElement.GetProperty("nextBill");

        Assert.Equal(billDate, bill.GetProperty("date").GetString());
        Assert.Equal(seats, bill.GetProperty("seats").GetInt32());
        Assert.Equal(total, bill.GetProperty("total").GetString());
    }

    [Fact]
    public async Task Simulate_NoCommands_LooksUpTheNextBillFromTheAnchor()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("no-commands.json");
        var root = output.RootElement;

        Assert.Empty(root.GetProperty("results").EnumerateArray());
        Assert.Equal(0, root.GetProperty("account").GetProperty("version").GetInt64());
        Assert.Equal("2026-02-28", root.GetProperty("nextBill").GetProperty("date").GetString());
        Assert.Equal("60.00", root.GetProperty("nextBill").GetProperty("total").GetString());
        Assert.Equal("0.00", root.GetProperty("totals").GetProperty("charged").GetString());
    }
}
