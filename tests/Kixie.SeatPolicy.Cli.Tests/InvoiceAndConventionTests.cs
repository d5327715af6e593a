using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>
/// The invoices of <c>--format json</c> (rulebook §10, docs/scenario-format.md) and the other engines'
/// conventions (rulebook §5) as a scenario selects them, each worked out by hand.
/// </summary>
public sealed class InvoiceAndConventionTests
{
    [Fact]
    public async Task Simulate_SpecExampleAsOfTheBillDate_GivesTheFormatSpecsInvoices()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("spec-example.json", "--as-of", "2026-03-31");
        var invoices = output.RootElement.GetProperty("invoices").EnumerateArray().ToList();

        Assert.Equal(2, invoices.Count);
        Assert.Equal(("2026-03-17", "Add", "13.55"), Head(invoices[0]));
        Assert.Equal(
            [("Add", "s3", "13.55", "14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55")],
            Lines(invoices[0]));
        Assert.Equal(("2026-03-31", "Bill", "90.00"), Head(invoices[1]));
        Assert.Equal(
            [
                ("Seat", "s1", "30.00", "2026-03-31..2026-04-30"),
                ("Seat", "s2", "30.00", "2026-03-31..2026-04-30"),
                ("Seat", "s3", "30.00", "2026-03-31..2026-04-30"),
            ],
            Lines(invoices[1]));
        Assert.Equal(["date", "kind", "total", "lines"], invoices[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Simulate_DefaultAsOf_ListsTheInvoicesUpToTheLastCommandsDate()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("spec-example.json");

        var invoices = output.RootElement.GetProperty("invoices").EnumerateArray().ToList();
        Assert.Equal([("2026-03-17", "Add", "13.55")], invoices.Select(Head));
    }

    [Fact]
    public async Task Simulate_NoCommands_HasNoInvoices()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("no-commands.json");

        Assert.Equal(0, output.RootElement.GetProperty("invoices").GetArrayLength());
    }

    [Fact]
    public async Task Simulate_OnNextBillWithARetriedAdd_BillsTheAddOnceOnTheNextBill()
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync("on-next-bill.json", "--as-of", "2026-04-30");
        var root = output.RootElement;
        var invoices = root.GetProperty("invoices").EnumerateArray().ToList();

        // 2026-03-17 in Los Angeles, 14 of 31 days: 13.55, collected by the bill of 2026-03-31 after both seat lines.
        Assert.Equal([("2026-03-31", "Bill", "73.55"), ("2026-04-30", "Bill", "60.00")], invoices.Select(Head));
        Assert.Equal(
            [
                ("Seat", "s1", "30.00", "2026-03-31..2026-04-30"),
                ("Seat", "s2", "30.00", "2026-03-31..2026-04-30"),
                ("Add", "s2", "13.55", "14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55"),
            ],
            Lines(invoices[0]));
        Assert.True(root.GetProperty("results")[1].GetProperty("replayed").GetBoolean());
        Assert.Equal("13.55", root.GetProperty("totals").GetProperty("charged").GetString());
        Assert.Equal("60.00", root.GetProperty("nextBill").GetProperty("total").GetString());
    }

    [Theory]
    // Kill Bill: (e − d) over the days from e less one cycle to e, 9 places half up, then half up to cents.
    // 2025-02-15: 13 days to 2025-02-28 over 2025-01-28..2025-02-28 (31) → 13/31 × 31.00 = 13.00.
    // 2025-03-15: 16 days to 2025-03-31 over 2025-02-28..2025-03-31 (31) → 16.00.
    // 2025-02-01: 27 days to 2025-02-28 over 31 → 27.00.
    [InlineData("convention-killbill.json", "13.00", "16.00", "27.00")]
    // Lago: days × (3100 ÷ period days) in binary64, half away from zero: 13 × 3100/28 = 1439.28… → 14.39;
    // 16 × 3100/31 = 1600 → 16.00; 27 × 3100/28 = 2989.28… → 29.89.
    [InlineData("convention-lago.json", "14.39", "16.00", "29.89")]
    public async Task Simulate_AnotherEnginesConvention_ChargesAsThatEngine(string scenario, string first, string second, string third)
    {
        using var output = await SeatPolicyTool.SimulateJsonAsync(scenario);

        var charges = output.RootElement.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("charge").GetString());
        Assert.Equal([first, second, third], charges);
    }

    private static (string?, string?, string?) Head(JsonElement invoice) =>
        (invoice.GetProperty("date").GetString(), invoice.GetProperty("kind").GetString(), invoice.GetProperty("total").GetString());

    private static (string?, string?, string?, string?)[] Lines(JsonElement invoice) =>
        [.. invoice.GetProperty("lines").EnumerateArray().Select(line => (
            line.GetProperty("kind").GetString(),
            line.GetProperty("seat").GetString(),
            line.GetProperty("amount").GetString(),
            line.GetProperty("detail").GetString()))];
}
