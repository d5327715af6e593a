using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>The table format, the demo, and the arguments.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] DemoOutcomes =
        ["Replaced", "Deactivated", "Added", "DeletionBlocked", "Deleted", "DeletionRequiresSupport", "EditLooksLikeReplacement", "Updated", "DeletionScheduled", "SeatNotFound"];

    [Fact]
    public async Task Simulate_TableFormat_PrintsAlignedLinesTotalsNextBillAndSeats()
    {
        var run = await SeatPolicyTool.RunAsync("simulate", SeatPolicyTool.Scenario("spec-example.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.DoesNotContain("\u001b[", run.Stdout, StringComparison.Ordinal); // redirected: no colour
        var lines = run.Stdout.ReplaceLineEndings("\n").Split('\n');
        var header = Array.FindIndex(lines, line => line.StartsWith("ID ", StringComparison.Ordinal));
        Assert.True(header >= 0, run.Stdout);
        var rows = lines.Skip(header + 1).Take(4).ToList();
        Assert.Equal(["c1", "c2", "c3", "c4"], rows.Select(row => row.Split(' ')[0]));
        Assert.Contains("Added", rows[0], StringComparison.Ordinal);
        Assert.Contains("13.55", rows[0], StringComparison.Ordinal);
        Assert.Contains("30.00 × 14/31 = 13.548… → 13.55", rows[0], StringComparison.Ordinal);
        Assert.Contains("DeletionBlocked", rows[3], StringComparison.Ordinal);

        // Aligned: every row's charge column ends where the header's CHARGE ends.
        var chargeEnd = lines[header].IndexOf("CHARGE", StringComparison.Ordinal) + "CHARGE".Length;
        Assert.All(rows, row => Assert.Equal(' ', row[chargeEnd]));
        Assert.Equal("13.55", rows[0][(chargeEnd - 5)..chargeEnd]);
        Assert.Equal(" 0.00", rows[1][(chargeEnd - 5)..chargeEnd]);

        Assert.Contains("Charged   13.55 USD", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Next bill 2026-03-31: 3 seats × 30.00 = 90.00 USD", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Trim().StartsWith("s3  Vacant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulate_TableFormat_MarksReplays()
    {
        var run = await SeatPolicyTool.RunAsync("simulate", SeatPolicyTool.Scenario("replay.json"), "--format", "table");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Added (replay)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Charged   43.55 USD", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_Table_ExitsZeroAndTellsTheWholeStory()
    {
        var run = await SeatPolicyTool.RunAsync("demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        foreach (var outcome in DemoOutcomes)
        {
            Assert.Contains(outcome, run.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("Added (replay)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("30.00 × 11/31 = 10.645… → 10.65", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Next bill", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_AFileWithAByteOrderMark_RunsAsTheSameFileWithout()
    {
        var target = Path.Combine(Path.GetTempPath(), $"seatpolicy-bom-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllBytes(target, [.. "\uFEFF"u8, .. File.ReadAllBytes(Path.Combine(SeatPolicyTool.RepositoryRoot, SeatPolicyTool.Scenario("spec-example.json")))]);
            var withMark = await SeatPolicyTool.RunAsync("simulate", target, "--format", "json");
            var without = await SeatPolicyTool.RunAsync("simulate", SeatPolicyTool.Scenario("spec-example.json"), "--format", "json");

            Assert.Equal(0, withMark.ExitCode);
            Assert.Equal(without.Stdout, withMark.Stdout);
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Demo_Output_WritesTheFileStandardOutputWouldShow(string format)
    {
        var target = Path.Combine(Path.GetTempPath(), $"seatpolicy-demo-{Guid.NewGuid():N}.txt");
        try
        {
            var printed = await SeatPolicyTool.RunAsync("demo", "--format", format);
            var written = await SeatPolicyTool.RunAsync("demo", "--format", format, "--output", target);

            Assert.Equal(0, written.ExitCode);
            Assert.Equal(string.Empty, written.Stdout);
            Assert.Equal(printed.Stdout, File.ReadAllText(target));
            Assert.Contains(format == "table" ? "Advice for seat s2" : "\"scenarios\"", printed.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task Demo_Json_RunsAContractAndANonContractAccount()
    {
        var run = await SeatPolicyTool.RunAsync("demo", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var output = JsonDocument.Parse(run.Stdout);
        var scenarios = output.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(3, scenarios.Count);
        var outcomes = scenarios
            .SelectMany(scenario => scenario.GetProperty("report").GetProperty("results").EnumerateArray())
            .Select(result => result.GetProperty("outcome").GetString())
            .ToHashSet();
        Assert.Superset(DemoOutcomes.ToHashSet(), outcomes!);

        // Contract account: the seat Maria takes keeps Jimmy's number; the deletion waits for the window and support.
        var contract = scenarios[0].GetProperty("report");
        var results = contract.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("2026-12-02", results.Single(r => r.GetProperty("outcome").GetString() == "DeletionBlocked").GetProperty("allowedFrom").GetString());
        Assert.Equal("10.65", contract.GetProperty("totals").GetProperty("charged").GetString());
        Assert.Equal("2026-12-31", contract.GetProperty("nextBill").GetProperty("date").GetString());
        Assert.Equal("120.00", contract.GetProperty("nextBill").GetProperty("total").GetString());

        // Non-contract account: the Admin is sent to support, support deletes, a new add is charged.
        var open = scenarios[1].GetProperty("report");
        Assert.Equal(
            ["DeletionRequiresSupport", "Deleted", "Added"],
            open.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal("3.33", open.GetProperty("totals").GetProperty("charged").GetString());

        // Scheduled at the term's end: billed through 2026-12-31, gone from the renewed term without a command.
        var scheduled = scenarios[2].GetProperty("report");
        var scheduling = scheduled.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(
            ["DeletionRequiresSupport", "DeletionScheduled", "Replaced", "SeatNotFound"],
            scheduling.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal("2026-12-31", scheduling[1].GetProperty("lastDay").GetString());
        Assert.Equal(["s1"], scheduled.GetProperty("account").GetProperty("seats").EnumerateArray().Select(seat => seat.GetProperty("seat").GetString()));
        var bills = scheduled.GetProperty("invoices").EnumerateArray().ToDictionary(i => i.GetProperty("date").GetString()!, i => i.GetProperty("total").GetString());
        Assert.Equal(("80.00", "40.00"), (bills["2026-12-01"], bills["2027-01-01"]));
    }

    [Theory]
    [InlineData("contract-account.json")]
    [InlineData("non-contract-account.json")]
    [InlineData("scheduled-deletion.json")]
    public async Task Simulate_DemoScenarioFile_RunsLikeAnyScenario(string name)
    {
        var run = await SeatPolicyTool.RunAsync("simulate", "src/Kixie.SeatPolicy.Cli/Demo/" + name, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_ListsTheCommandsAndExitsZero(params string[] args)
    {
        var run = await SeatPolicyTool.RunAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("seatpolicy [command] [options]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("simulate <SCENARIO>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("demo", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("simulate", "--help")]
    [InlineData("help", "simulate")]
    public async Task Help_OfACommand_ShowsItsArgumentsAndOptions(params string[] args)
    {
        var run = await SeatPolicyTool.RunAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("seatpolicy simulate <SCENARIO> [options]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--format <table|json|html>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--as-of <YYYY-MM-DD>", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Required command was not provided.")]
    [InlineData("Unrecognized command or argument 'simulte'.", "simulte", "x.json")]
    [InlineData("Unrecognized command or argument '--verbose'.", "simulate", "tests/scenarios/spec-example.json", "--verbose")]
    [InlineData("Required argument missing for command: 'simulate'.", "simulate")]
    [InlineData("unknown format 'xml' (table, json or html)", "simulate", "tests/scenarios/spec-example.json", "--format", "xml")]
    [InlineData("Required argument missing for option: '--format'.", "simulate", "tests/scenarios/spec-example.json", "--format")]
    [InlineData("'2026-02-30' is not a date (yyyy-MM-dd)", "simulate", "tests/scenarios/spec-example.json", "--as-of", "2026-02-30")]
    [InlineData("Unrecognized command or argument 'b.json'.", "simulate", "a.json", "b.json")]
    [InlineData("Unrecognized command or argument 'a.json'.", "demo", "a.json")]
    public async Task BadArguments_ExitTwoWithOneLineNamingTheProblem(string message, params string[] args)
    {
        var run = await SeatPolicyTool.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var stderr = run.Stderr.TrimEnd('\r', '\n');
        Assert.DoesNotContain('\n', stderr);
        Assert.StartsWith("seatpolicy: ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.EndsWith("(seatpolicy --help for usage)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_Dash_ReadsStandardInput()
    {
        var scenario = await System.IO.File.ReadAllTextAsync(System.IO.Path.Combine(SeatPolicyTool.RepositoryRoot, "tests", "scenarios", "jpy.json"));

        var run = await SeatPolicyTool.RunWithInputAsync(scenario, "simulate", "-", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var output = JsonDocument.Parse(run.Stdout);
        Assert.Equal("516", output.RootElement.GetProperty("results")[0].GetProperty("charge").GetString());
    }

    [Fact]
    public async Task Simulate_Dash_NamesStandardInputInProblems()
    {
        var run = await SeatPolicyTool.RunWithInputAsync("{", "simulate", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("-: $: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0 | BytePositionInLine: 1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_FormatWithEquals_IsAccepted()
    {
        var run = await SeatPolicyTool.RunAsync("simulate", "--format=json", "tests/scenarios/spec-example.json", "--as-of=2026-04-15");

        Assert.Equal(0, run.ExitCode);
        using var output = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2026-04-30", output.RootElement.GetProperty("nextBill").GetProperty("date").GetString());
    }
}
