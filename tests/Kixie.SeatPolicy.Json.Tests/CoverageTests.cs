using System;
using System.Linq;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Json.Tests.Generators;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>The generated histories are worth round-tripping: they reach every command, event and outcome.</summary>
public sealed class CoverageTests
{
    [Fact]
    public void Runs_ThreeHundredSamples_ReachEveryCommandEventOutcomeAndDialectCorner()
    {
        var runs = JsonGenerators.Run.Sample(300).ToList();
        var decisions = runs.SelectMany(run => run.Decisions).ToList();

        // The generated accounts have one plan (a plain seat price), so a plan change (rulebook §13) never happens
        // in them: PlansJsonTests round-trips every one of those outcomes and events on an account on plans.
        Assert.Equal(
            Enum.GetValues<OutcomeKind>().Except(PlansJsonTests.PlanOutcomes),
            decisions.Select(decision => decision.Outcome.Kind).Distinct().Order());
        Assert.Equal(
            ["AgentDeactivated", "AgentReplaced", "AgentUpdated", "DeletionScheduled", "ScheduleCancelled", "SeatAdded", "SeatDeleted"],
            runs.SelectMany(run => run.Final.History).Select(change => Same.Element(change).GetProperty("type").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            ["AddAgent", "CancelScheduledChange", "DeactivateAgent", "DeleteAgent", "MalformedCommand", "ReplaceAgent", "UpdateAgent"],
            runs.SelectMany(run => run.Commands).Select(command => command.GetType().Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(decisions, decision => decision.IsReplay);
        var commands = runs.SelectMany(run => run.Commands).ToList();
        Assert.Contains(commands, command => command is MalformedCommand { Seat: not null });
        Assert.Contains(commands, command => command is MalformedCommand { Seat: null });
        Assert.Contains(commands, command => command is AddAgent { Assets: { } assets } && assets == SeatAssets.None);
        Assert.Contains(commands, command => command is AddAgent { Assets: { RingGroups.IsEmpty: false } });
        Assert.Contains(decisions, decision => decision.Outcome.Case is InvalidCommand { Field: "id" });
        Assert.Contains(decisions, decision => decision.Outcome.Case is InvalidCommand { Field: "role" });
        Assert.True(runs.Average(run => run.Final.Version) > 2, "most runs should have a history");
    }
}
