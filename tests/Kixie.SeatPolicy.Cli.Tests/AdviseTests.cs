using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary><c>seatpolicy advise</c> (rulebook §11, docs/scenario-format.md), its JSON and its usage errors.</summary>
public sealed class AdviseTests
{
    private static readonly string[] Maria = ["--hire", "2026-04-15T16:00:00Z", "--name", "Maria Santos", "--email", "maria@acme.test"];

    private static string[] Args(string scenario, string seat, string actor, string until, params string[] more) =>
        ["advise", SeatPolicyTool.Scenario(scenario), "--seat", seat, "--leaves", "2026-03-10T17:00:00Z", "--actor", actor, "--until", until, .. more];

    private static async Task<JsonDocument> JsonAsync(params string[] args)
    {
        var run = await SeatPolicyTool.RunAsync([.. args, "--format", "json"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout);
    }

    [Fact]
    public async Task Advise_ContractAccountWithAHire_HoldsAndReplacesAndDeleteAndAddIsBlocked()
    {
        using var output = await JsonAsync(Args("spec-example.json", "s2", "ada@acme.test", "2026-12-31", Maria));
        var root = output.RootElement;

        Assert.Equal(["seat", "from", "until", "recommended", "plans"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("s2", "2026-03-10", "2026-12-31", "HoldAndReplace"), (root.GetProperty("seat").GetString(), root.GetProperty("from").GetString(), root.GetProperty("until").GetString(), root.GetProperty("recommended").GetString()));
        var plans = root.GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal(["plan", "feasible", "total", "saving", "keepsAssets", "steps"], plans[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("913.55", plans[0].GetProperty("total").GetString()); // the add of 03-17 (13.55) and ten bills of 3 seats
        Assert.Equal("0.00", plans[0].GetProperty("saving").GetString());
        Assert.Equal(["plan", "feasible", "keepsAssets", "blockedBy", "steps"], plans[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("DeletionBlocked", plans[1].GetProperty("blockedBy").GetString());
        Assert.Equal(["DeactivateAgent"], plans[1].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("type").GetString()));
        var replace = plans[0].GetProperty("steps")[1];
        Assert.Equal(["at", "type", "actor", "outcome", "charge"], replace.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2026-04-15T16:00:00Z", "ReplaceAgent", "ada@acme.test", "Replaced", "0.00"), (replace.GetProperty("at").GetString(), replace.GetProperty("type").GetString(), replace.GetProperty("actor").GetString(), replace.GetProperty("outcome").GetString(), replace.GetProperty("charge").GetString()));
    }

    [Fact]
    public async Task Advise_NonContractGapSpanningABillDate_RecommendsDeleteAndAddWithItsSaving()
    {
        using var output = await JsonAsync(Args("advice-non-contract.json", "s2", "hana@globex.test", "2026-12-31", "--hire", "2026-04-14T16:00:00Z", "--name", "Maria Santos", "--email", "maria@globex.test"));
        var plans = output.RootElement.GetProperty("plans").EnumerateArray().ToList();

        // Hold: 2 seats on ten bills (03-15..12-15) = 500.00. Delete on 03-10: 1 seat on 03-15, the add on 04-14
        // (1 of 31 days of 25.00 = 0.81), 2 seats from 04-15 = 25.00 + 0.81 + 450.00 = 475.81.
        Assert.Equal("DeleteAndAdd", output.RootElement.GetProperty("recommended").GetString());
        Assert.Equal(("DeleteAndAdd", "475.81", "24.19"), (plans[0].GetProperty("plan").GetString(), plans[0].GetProperty("total").GetString(), plans[0].GetProperty("saving").GetString()));
        Assert.Equal(("HoldAndReplace", "500.00", "0.00"), (plans[1].GetProperty("plan").GetString(), plans[1].GetProperty("total").GetString(), plans[1].GetProperty("saving").GetString()));
        Assert.Equal(
            [("DeactivateAgent", "hana@globex.test", "Deactivated", "0.00"), ("DeleteAgent", "support", "Deleted", "0.00"), ("AddAgent", "hana@globex.test", "Added", "0.81")],
            plans[0].GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("type").GetString(), s.GetProperty("actor").GetString(), s.GetProperty("outcome").GetString(), s.GetProperty("charge").GetString())));
    }

    [Fact]
    public async Task Advise_UnknownSeat_ExitsZeroWithEveryPlanInfeasible()
    {
        using var output = await JsonAsync(Args("spec-example.json", "s9", "ada@acme.test", "2026-12-31"));

        Assert.Equal(JsonValueKind.Null, output.RootElement.GetProperty("recommended").ValueKind);
        Assert.All(output.RootElement.GetProperty("plans").EnumerateArray(), plan => Assert.Equal("SeatNotFound", plan.GetProperty("blockedBy").GetString()));
        Assert.Equal(["HoldVacant", "Delete"], output.RootElement.GetProperty("plans").EnumerateArray().Select(p => p.GetProperty("plan").GetString()));
    }

    [Fact]
    public async Task Advise_Table_ShowsTotalsSavingsWhatIsLostAndWhy()
    {
        var run = await SeatPolicyTool.RunAsync(Args("spec-example.json", "s2", "ada@acme.test", "2026-12-31", Maria));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Recommended: HoldAndReplace", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("913.55", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("direct number", run.Stdout, System.StringComparison.Ordinal);
        Assert.Contains("infeasible: DeletionBlocked", run.Stdout, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--hire, --name and --email go together", "--hire", "2026-04-15T16:00:00Z")]
    [InlineData("--hire, --name and --email go together", "--name", "Maria", "--email", "m@acme.test")]
    [InlineData("--hire: the hire", "--hire", "2026-03-09T16:00:00Z", "--name", "Maria", "--email", "m@acme.test")]
    [InlineData("is not an instant", "--hire", "soon", "--name", "Maria", "--email", "m@acme.test")]
    public async Task Advise_BadOptionValues_ExitTwoWithOneLine(string expected, params string[] more)
    {
        var run = await SeatPolicyTool.RunAsync(Args("spec-example.json", "s2", "ada@acme.test", "2026-12-31", more));

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("seatpolicy: ", line, System.StringComparison.Ordinal);
        Assert.Contains(expected, line, System.StringComparison.Ordinal);
        Assert.EndsWith("(seatpolicy --help for usage)", line, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advise_HorizonBeforeTheDeparture_ExitsTwo()
    {
        var run = await SeatPolicyTool.RunAsync(Args("spec-example.json", "s2", "ada@acme.test", "2026-03-09"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--until", run.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advise_SeatPriceWhoseBillsOverflow_ExitsTwoNamingTheSeatPrice()
    {
        // Found while adding the advise path to the fuzzing harness (issue 17): simulate reported this file as
        // unusable, advise ended with an unhandled OverflowException and a stack trace.
        var file = SeatPolicyTool.Scenario("unusable/seat-price-overflows.json");

        var run = await SeatPolicyTool.RunAsync("advise", file, "--seat", "s1", "--leaves", "2026-04-01T00:00:00Z", "--actor", "ada@acme.test", "--until", "2026-06-30");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.Equal($"{file}: $.account.seatPrice: 92233720368547758.07 USD is too large: the charges or bills it leads to overflow", line);
    }

    [Fact]
    public async Task Demo_Table_HasTheAdviceChapterOnBothAccounts()
    {
        var run = await SeatPolicyTool.RunAsync("demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3. Advice", run.Stdout, System.StringComparison.Ordinal);
        Assert.Equal(2, run.Stdout.Split("Recommended:").Length - 1);
    }
}
