using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary><c>seatpolicy prorate</c>: the issue's add under every convention, and its bad values.</summary>
public sealed class ProrateTests
{
    private static readonly string[] IssueExample =
        ["prorate", "--price", "31.00", "--currency", "USD", "--cycle", "Monthly", "--anchor", "2025-01-31", "--zone", "UTC", "--at", "2025-02-15T13:30:00Z"];

    [Fact]
    public async Task Prorate_IssueExample_GivesEveryConventionsChargeWithItsArithmetic()
    {
        var run = await SeatPolicyTool.RunAsync([.. IssueExample, "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        using var output = JsonDocument.Parse(run.Stdout);
        var rows = output.RootElement.GetProperty("charges").EnumerateArray()
            .Select(row => (row.GetProperty("convention").GetString(), row.GetProperty("charge").GetString()))
            .ToList();
        Assert.Equal(
            [("standard by day", "14.39"), ("standard 30E/360", "14.39"), ("standard by second", "13.77"), ("Kill Bill", "13.00"), ("Lago", "14.39")],
            rows);
        var details = output.RootElement.GetProperty("charges").EnumerateArray().Select(row => row.GetProperty("detail").GetString()!).ToList();
        Assert.Contains("13/31 = 0.419354839", details[3], StringComparison.Ordinal);
        Assert.Contains("3100 ÷ 28", details[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prorate_Table_HasOneRowPerConvention()
    {
        var run = await SeatPolicyTool.RunAsync(IssueExample);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("CONVENTION", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Kill Bill", lines[4], StringComparison.Ordinal);
        Assert.Contains(" 13.00 ", lines[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--price: '31' is not an amount", "--price", "31")]
    [InlineData("--currency: 'usd' is not an active ISO 4217 code", "--currency", "usd")]
    [InlineData("--cycle: unknown billing cycle 'monthly'", "--cycle", "monthly")]
    [InlineData("--anchor: '2025-02-30' is not a date", "--anchor", "2025-02-30")]
    [InlineData("--zone: unknown time zone 'Mars/Olympus'", "--zone", "Mars/Olympus")]
    [InlineData("--at: '2025-02-15 13:30' is not an instant", "--at", "2025-02-15 13:30")]
    public async Task Prorate_BadValue_ExitsTwoWithOneLine(string message, string option, string value)
    {
        var args = IssueExample.ToArray();
        args[Array.IndexOf(args, option) + 1] = value;

        var run = await SeatPolicyTool.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var stderr = run.Stderr.TrimEnd('\r', '\n');
        Assert.DoesNotContain('\n', stderr);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
