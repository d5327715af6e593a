using System.Linq;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Accounts;

/// <summary><see cref="AccountHistory.SeatTimelines"/>: every seat ever created, who held it when, and its deletion.</summary>
public sealed class SeatTimelineTests
{
    [Fact]
    public void SeatTimelines_AtOpening_AreTheInitialSeatsWithTheirOccupantsFromTheOpening()
    {
        var timelines = Acme().SeatTimelines();

        Assert.Equal([S1, S2, S3, S4], timelines.Select(timeline => timeline.Seat));
        Assert.All(timelines, timeline => Assert.Null(Assert.Single(timeline.Spells).From));
        Assert.Equal(new[] { "Ada Park", "Jimmy Doe", "Mia Chen", null }, timelines.Select(timeline => timeline.Spells[0].Occupant?.Name));
        Assert.All(timelines, timeline => Assert.Null(timeline.Deletion));
    }

    [Fact]
    public void SeatTimelines_AfterTurnover_ShowEachChangeOnItsLocalDateAndTheDeletion()
    {
        var (decisions, account) = RunAll(
            Acme(),
            new ReplaceAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S2, "Nina Lee", "nina@acme.test"),
            new AddAgent(Cmd("c2"), Noon(2026, 3, 18), Ada, "Omar Diaz", "omar@acme.test", Role.Agent),
            new DeactivateAgent(Cmd("c3"), Noon(2026, 3, 19), Ada, S2),
            new DeleteAgent(Cmd("c4"), Noon(2026, 3, 20), Support, S4));
        Assert.All(decisions, decision => Assert.True(decision.Outcome.IsAccepted, decision.Outcome.ToString()));

        var timelines = account.SeatTimelines();

        Assert.Equal([S1, S2, S3, S4, new SeatId("seat-5")], timelines.Select(timeline => timeline.Seat));
        Assert.Equal(
            new (LocalDate?, string?)[] { (null, "Jimmy Doe"), (new LocalDate(2026, 3, 17), "Nina Lee"), (new LocalDate(2026, 3, 19), null) },
            timelines[1].Spells.Select(spell => (spell.From, spell.Occupant?.Name)));
        var omar = Assert.Single(timelines[4].Spells);
        Assert.Equal((new LocalDate(2026, 3, 18), "Omar Diaz"), (omar.From, omar.Occupant?.Name));
        Assert.Equal(S4, timelines[3].Deletion?.Seat);
        Assert.Null(timelines[1].Deletion);
    }

    [Fact]
    public void SeatTimelines_AfterAnUpdate_StartASpellWithTheUpdatedAgentOnItsLocalDate()
    {
        var (decisions, account) = RunAll(Acme(), new UpdateAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S3, Name: "Mia Chen-Park"));
        Assert.True(decisions[0].Outcome.IsAccepted, decisions[0].Outcome.ToString());

        Assert.Equal(
            new (LocalDate?, string?)[] { (null, "Mia Chen"), (new LocalDate(2026, 3, 17), "Mia Chen-Park") },
            account.SeatTimelines()[2].Spells.Select(spell => (spell.From, spell.Occupant?.Name)));
    }
}
