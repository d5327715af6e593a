using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>The <c>--format html</c> page, read as a structure: its SVG parsed with System.Xml.Linq and checked against the JSON of the same run.</summary>
public sealed partial class HtmlReportTests
{
    private static readonly string[] Accepted = ["Added", "Replaced", "Deactivated", "Updated", "Deleted", "DeletionScheduled", "ScheduleCancelled", "PlanUpgraded", "PlanChanged", "DowngradeScheduled"];

    public static TheoryData<string> Scenarios { get; } = new(
        Directory.GetFiles(Path.Combine(SeatPolicyTool.RepositoryRoot, "tests", "scenarios"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Simulate_Html_DrawsEverySeatEveryInvoiceTotalAndEveryRefusal(string scenario)
    {
        var page = await RunAsync("simulate", SeatPolicyTool.Scenario(scenario), "--format", "html");
        using var json = await SeatPolicyTool.SimulateJsonAsync(scenario);

        var svg = Assert.Single(Svgs(page));
        AssertDrawsTheRun(svg, page, json.RootElement);
    }

    [Fact]
    public async Task Demo_Html_OnePagePerRunWithATimelinePerScenario()
    {
        var page = await RunAsync("demo", "--format", "html");
        var json = JsonDocument.Parse((await SeatPolicyTool.RunAsync("demo", "--format", "json")).Stdout).RootElement;
        var runs = json.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("report")).ToList();

        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", page);
        Assert.Contains("@page", page, StringComparison.Ordinal);
        var svgs = Svgs(page);
        Assert.Equal(runs.Count, svgs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            AssertDrawsTheRun(svgs[i], page, runs[i]);
        }

        var contract = svgs[0];
        Assert.Contains(contract.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value.Contains("deletion allowed from 2026-12-02", StringComparison.Ordinal));
        Assert.Contains(contract.Descendants(), e => e.Name.LocalName == "pattern"); // vacant is hatched, not only coloured
        Assert.Contains(contract.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value.Contains("vacant · billed", StringComparison.Ordinal));
        Assert.Contains(contract.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value.Contains("deleted", StringComparison.Ordinal));
        Assert.Contains(contract.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value == "Maria Santos" || t.Value == "María Santos");
    }

    [Fact]
    public async Task Simulate_HtmlEscapesEveryText()
    {
        var scenario = File.ReadAllText(Path.Combine(SeatPolicyTool.RepositoryRoot, "tests", "scenarios", "spec-example.json"))
            .Replace("\"c1\"", "\"<b>&c1\"", StringComparison.Ordinal);
        var run = await SeatPolicyTool.RunWithInputAsync(scenario, "simulate", "-", "--format", "html");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("<b>&c1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;&amp;c1", run.Stdout, StringComparison.Ordinal);
        Assert.NotEmpty(Svgs(run.Stdout));
    }

    [Fact]
    public async Task Simulate_OutputToAMissingFolder_ExitsTwoWithOneLineAndLeavesNothing()
    {
        var root = Path.Combine(Path.GetTempPath(), "seatpolicy-html-" + Guid.NewGuid().ToString("N"));
        var target = Path.Combine(root, "missing", "page.html");

        var run = await SeatPolicyTool.RunAsync("simulate", SeatPolicyTool.Scenario("spec-example.json"), "--format", "html", "--output", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var line = Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("seatpolicy: ", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public async Task Simulate_Output_WritesThePageWholeAndNoTemporaryFile()
    {
        var folder = Directory.CreateTempSubdirectory("seatpolicy-html-").FullName;
        try
        {
            var target = Path.Combine(folder, "page.html");
            var run = await SeatPolicyTool.RunAsync("simulate", SeatPolicyTool.Scenario("spec-example.json"), "--format", "html", "--output", target);
            var stdout = await RunAsync("simulate", SeatPolicyTool.Scenario("spec-example.json"), "--format", "html");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout + run.Stderr);
            Assert.Equal(stdout, File.ReadAllText(target));
            Assert.Equal(["page.html"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Checks one run's SVG against its JSON: lanes, totals, refusals, the viewBox, and dates in order along x.</summary>
    private static void AssertDrawsTheRun(XElement svg, string page, JsonElement run)
    {
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var seats = run.GetProperty("account").GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("seat").GetString()!)
            .Concat(results.Where(r => r.GetProperty("outcome").GetString() is "Added" or "Deleted").Select(r => r.GetProperty("seat").GetString()!))
            .ToHashSet();
        var lanes = svg.Descendants().Where(e => e.Attribute("data-seat") is not null).Select(e => (string)e.Attribute("data-seat")!).ToList();
        Assert.Equal(lanes.Count, lanes.Distinct().Count());
        Assert.All(seats, seat => Assert.Contains(seat, lanes));

        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        foreach (var bill in run.GetProperty("invoices").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "Bill").Append(run.GetProperty("nextBill")))
        {
            var total = bill.GetProperty("total").GetString()!;
            Assert.Contains(texts, text => text.EndsWith(total, StringComparison.Ordinal));
        }

        foreach (var invoice in run.GetProperty("invoices").EnumerateArray())
        {
            Assert.Contains(">" + invoice.GetProperty("total").GetString() + " ", page, StringComparison.Ordinal);
        }

        var refused = svg.Descendants().Where(e => (string?)e.Attribute("class") == "refused").Select(e => e.Value).ToList();
        var refusedIds = results.Where(r => !Accepted.Contains(r.GetProperty("outcome").GetString())).Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(refusedIds.Count, refused.Count);
        Assert.All(refusedIds.Zip(refused), pair => Assert.StartsWith(System.Net.WebUtility.HtmlDecode(pair.First) + " ", pair.Second, StringComparison.Ordinal));
        Assert.Equal(results.Count, svg.Descendants().Count(e => (string?)e.Attribute("class") is "refused" or "accepted"));

        // Every accepted plan move is marked on its seat's lane (a downgrade on the bill date it takes effect).
        var moves = results.Count(r => r.GetProperty("outcome").GetString() is "PlanUpgraded" or "PlanChanged" or "DowngradeScheduled" && !r.GetProperty("replayed").GetBoolean());
        Assert.Equal(moves, svg.Descendants().Count(e => (string?)e.Attribute("class") == "plan-change"));

        AssertInsideTheViewBox(svg);
        AssertDatesRunLeftToRight(svg);
    }

    private static void AssertInsideTheViewBox(XElement svg)
    {
        var box = ((string)svg.Attribute("viewBox")!).Split(' ').Select(N).ToArray();
        var (width, height) = (box[2], box[3]);
        var shapes = svg.Descendants().Where(e => !e.Ancestors().Any(a => a.Name.LocalName == "defs")).ToList();
        Assert.NotEmpty(shapes);
        foreach (var shape in shapes)
        {
            var points = shape.Name.LocalName switch
            {
                "rect" => [(A(shape, "x"), A(shape, "y")), (A(shape, "x") + A(shape, "width"), A(shape, "y") + A(shape, "height"))],
                "line" => [(A(shape, "x1"), A(shape, "y1")), (A(shape, "x2"), A(shape, "y2"))],
                "circle" => [(A(shape, "cx") - A(shape, "r"), A(shape, "cy") - A(shape, "r")), (A(shape, "cx") + A(shape, "r"), A(shape, "cy") + A(shape, "r"))],
                "polygon" => ((string)shape.Attribute("points")!).Split(' ').Select(p => p.Split(',')).Select(p => (N(p[0]), N(p[1]))).ToList(),
                "text" => [(A(shape, "x"), A(shape, "y"))],
                _ => new List<(double, double)>(),
            };
            Assert.All(points, p => Assert.True(p.Item1 >= 0 && p.Item1 <= width && p.Item2 >= 0 && p.Item2 <= height, $"{shape.Name.LocalName} at {p} is outside 0 0 {width} {height}: {shape}"));
        }
    }

    private static void AssertDatesRunLeftToRight(XElement svg)
    {
        var dated = svg.Descendants()
            .Where(e => e.Attribute("data-date") is not null)
            .Select(e => (Date: Day((string)e.Attribute("data-date")!), X: A(e, e.Name.LocalName == "line" ? "x1" : "x"), Line: e.Name.LocalName == "line"))
            .OrderBy(d => d.Date).ThenBy(d => d.X)
            .ToList();
        Assert.True(dated.Count(d => d.Line) >= 2, "expected month ticks and bill lines");
        for (var i = 1; i < dated.Count; i++)
        {
            Assert.True(dated[i].X >= dated[i - 1].X, $"{dated[i].Date} at x={dated[i].X} is left of {dated[i - 1].Date} at x={dated[i - 1].X}");
        }

        var lines = dated.Where(d => d.Line).GroupBy(d => d.Date).Select(g => (g.Key, X: Assert.Single(g.Select(d => d.X).Distinct()))).ToList();
        Assert.All(lines.Zip(lines.Skip(1)), pair => Assert.True(pair.Second.X > pair.First.X, $"{pair.Second.Key} is not right of {pair.First.Key}"));
    }

    /// <summary>A <c>yyyy-MM-dd</c> date as a sortable (year, month, day); the year may be negative (NodaTime's -9998), which DateOnly cannot read.</summary>
    private static (int Year, int Month, int Day) Day(string iso)
    {
        var negative = iso.StartsWith('-');
        var parts = (negative ? iso[1..] : iso).Split('-').Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToArray();
        return (negative ? -parts[0] : parts[0], parts[1], parts[2]);
    }

    [Fact]
    public async Task Simulate_Html_ScheduledDeletion_EndsTheLaneOnItsLastDay_MarkedAsScheduled()
    {
        var page = await RunAsync("simulate", "tests/scenarios/examples/scheduled-deletion.json", "--format", "html");

        var texts = Svgs(page).Single().Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("last day 2026-03-31", texts);
        Assert.Contains("✕ last day", texts);
        Assert.Contains("s2 scheduled deletion: last day 2026-03-31; off the bill from 2026-04-01", page, StringComparison.Ordinal);
    }

    /// <summary>Every <c>&lt;svg&gt;…&lt;/svg&gt;</c> element of the page, parsed as XML.</summary>
    internal static List<XElement> Svgs(string page) =>
        [.. SvgPattern().Matches(page).Select(match => XElement.Parse(match.Value))];

    private static async Task<string> RunAsync(params string[] args)
    {
        var run = await SeatPolicyTool.RunAsync(args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(string.Empty, run.Stderr);
        return run.Stdout;
    }

    private static double A(XElement element, string name) => N((string?)element.Attribute(name) ?? throw new InvalidOperationException($"{element.Name.LocalName} has no {name}: {element}"));

    private static double N(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex("<svg\\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();
}
