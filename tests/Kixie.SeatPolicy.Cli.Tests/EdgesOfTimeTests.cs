using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>
/// Commands at the ends of NodaTime's years (tests/scenarios/edges-of-time.json): each gets an outcome, in
/// every format, and the tool never ends with an internal error (issue 17).
/// </summary>
public sealed class EdgesOfTimeTests
{
    [Fact]
    public async Task Simulate_CommandsAtTheEdgesOfTime_AreDecidedAndTheScenarioGoesOn()
    {
        using var document = await SeatPolicyTool.SimulateJsonAsync("edges-of-time.json");

        var results = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["Added", "InvalidCommand", "Added"], results.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal("0.97", results[0].GetProperty("charge").GetString());
        Assert.StartsWith("at: -9998-01-01T00:00:00Z is outside the dates this account can bill", results[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("html")]
    public async Task Simulate_CommandsAtTheEdgesOfTime_ExitZeroInEveryFormat(string format)
    {
        var run = await SeatPolicyTool.RunAsync("simulate", SeatPolicyTool.Scenario("edges-of-time.json"), "--format", format);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("InvalidCommand", run.Stdout, StringComparison.Ordinal);
    }
}
