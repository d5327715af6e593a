using System.Linq;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// The model-based property's scenarios reach the edges of time (<see cref="TimeEdgeGenerators"/>) while most
/// of them stay on recent years: commands at instants the account cannot bill, accepted commands in the first
/// and last billing periods NodaTime can represent, commands around DST changes, anchors on leap days and month ends.
/// </summary>
public sealed class EdgeWeightedScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public void Scenarios_TwoThousandSamples_ReachTheEdgesOfTimeAndKeepMostOnRecentYears()
    {
        var runs = EngineGenerators.Scenario.Sample(2_000)
            .Select(scenario => (Scenario: scenario, Played: ModelRun.Play(scenario)))
            .ToList();

        var recent = runs.Count(run => run.Scenario.Account.Anchor.Year is >= 2025 and <= 2027);
        var refusedAt = runs.Count(run => run.Played.Issued.Any(command => !run.Played.Account.CanBillAt(command.At)));
        var firstPeriod = runs.Count(run => Accepted(run.Played.Account).Any(date => date < run.Played.Account.Billing.SupportedFrom.PlusDays(92)));
        var lastPeriod = runs.Count(run => Accepted(run.Played.Account).Any(date => date > run.Played.Account.Billing.SupportedThrough.PlusDays(-92)));
        var nearTransition = runs.Count(run => run.Played.Issued.Any(command => NearTransition(run.Played.Account.TimeZone, command.At)));
        var leapDay = runs.Count(run => run.Scenario.Account.Anchor is { Month: 2, Day: 29 });
        var monthEnd = runs.Count(run => run.Scenario.Account.Anchor.Day == CalendarSystem.Iso.GetDaysInMonth(run.Scenario.Account.Anchor.Year, run.Scenario.Account.Anchor.Month));
        output.WriteLine($"of {runs.Count}: recent anchors {recent}, a command the account cannot bill {refusedAt}, accepted in the first supported period {firstPeriod}, in the last {lastPeriod}, a command within 2 h of a zone transition {nearTransition}, anchored on 29 February {leapDay}, on a month's end {monthEnd}");

        Assert.InRange(recent, runs.Count * 8 / 10, runs.Count);
        Assert.InRange(refusedAt, 20, runs.Count);
        Assert.InRange(firstPeriod, 5, runs.Count);
        Assert.InRange(lastPeriod, 3, runs.Count);
        Assert.InRange(nearTransition, 8, runs.Count);
        Assert.InRange(leapDay, 5, runs.Count);
        Assert.InRange(monthEnd, 200, runs.Count);
    }

    private static System.Collections.Generic.IEnumerable<LocalDate> Accepted(Account account) =>
        account.History.Select(change => account.LocalDateOf(change.At));

    private static bool NearTransition(DateTimeZone zone, Instant at)
    {
        var interval = zone.GetZoneInterval(at);
        var twoHours = Duration.FromHours(2);
        return (interval.HasStart && at.ToUnixTimeTicks() - interval.Start.ToUnixTimeTicks() < twoHours.BclCompatibleTicks)
            || (interval.HasEnd && interval.End.ToUnixTimeTicks() - at.ToUnixTimeTicks() < twoHours.BclCompatibleTicks);
    }
}
