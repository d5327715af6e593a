using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>
/// An add billed on the next bill in the last billing period NodaTime can represent
/// (tests/scenarios/edges-of-time-on-next-bill.json): that bill's period would end past 9999-12-31, so the
/// policy refuses the add naming <c>at</c> instead of accepting a charge no invoice could carry (issue 17,
/// found by the edge-weighted invoice laws).
/// </summary>
public sealed class AddChargesAtTheEndOfTimeTests
{
    [Fact]
    public async Task Simulate_AnAddOnTheNextBillInTheLastPeriod_IsInvalidNamingAtAndTheAddBeforeIsBilled()
    {
        using var document = await SeatPolicyTool.SimulateJsonAsync("edges-of-time-on-next-bill.json");

        var results = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["InvalidCommand", "Added"], results.Select(r => r.GetProperty("outcome").GetString()));
        Assert.StartsWith("at: 9999-12-30T18:00:00Z is in the last billing period", results[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
