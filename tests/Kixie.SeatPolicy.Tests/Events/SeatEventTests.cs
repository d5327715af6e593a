using System;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Events;

/// <summary>Events: one per accepted command, carrying the command, the next version and the facts; applied only in order.</summary>
public sealed class SeatEventTests
{
    private static readonly Instant Mar17 = Noon(2026, 3, 17);

    [Fact]
    public void Decide_AcceptedAdd_YieldsOneSeatAddedWithTheCommandTheNextVersionAndTheCharge()
    {
        var add = new AddAgent(Cmd("c1"), Mar17, Ada, "Omar Diaz", "omar@acme.test", Role.Agent);

        var added = Assert.IsType<Added>(Assert.Single(Engine.Decide(Acme(), add).Events));

        Assert.Equal((add, 1L, new SeatId("seat-5")), ((SeatCommand)added.Command, added.Version, added.Seat));
        Assert.Equal((Mar17, Ada), (added.At, added.By));
        Assert.Equal(Usd("14.52"), added.Charge.Amount);
        Assert.Equal("omar@acme.test", added.Agent.Email);
    }

    [Fact]
    public void Decide_AcceptedReplace_YieldsAgentReplacedWithBothPeopleAndTheInheritedAssets()
    {
        var replaced = Assert.IsType<Replaced>(Assert.Single(
            Engine.Decide(Acme(), new ReplaceAgent(Cmd("c1"), Mar17, Ada, S2, "Nina Lee", "nina@acme.test")).Events));

        Assert.Equal(("Nina Lee", "Jimmy Doe", JimmysAssets), (replaced.NewAgent.Name, replaced.PreviousAgent?.Name, replaced.Inherited));
    }

    [Fact]
    public void Decide_AcceptedDeactivateUpdateAndDelete_YieldTheirEvents()
    {
        var account = Acme();

        var deactivated = Assert.IsType<Deactivated>(Assert.Single(Engine.Decide(account, new DeactivateAgent(Cmd("c1"), Mar17, Ada, S2)).Events));
        var updated = Assert.IsType<Updated>(Assert.Single(Engine.Decide(account, new UpdateAgent(Cmd("c2"), Mar17, Ada, S2, Role: Role.Manager)).Events));
        var deleted = Assert.IsType<Deleted>(Assert.Single(Engine.Decide(account, new DeleteAgent(Cmd("c3"), Mar17, Support, S2)).Events));

        Assert.Equal(("Jimmy Doe", JimmysAssets), (deactivated.FormerAgent.Name, deactivated.Kept));
        Assert.Equal((Role.Agent, Role.Manager), (updated.Before.Role, updated.After.Role));
        Assert.Equal(("Jimmy Doe", JimmysAssets, new LocalDate(2026, 4, 1)), (deleted.FormerAgent?.Name, deleted.Released, deleted.OffBillFrom));
    }

    [Fact]
    public void Decide_RejectedCommand_YieldsNoEvent()
    {
        Assert.Empty(Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), Mar17, Stranger, S2)).Events);
    }

    [Fact]
    public void Apply_AnEventForAnotherVersion_Throws()
    {
        var (decision, after) = Run(Acme(), new DeactivateAgent(Cmd("c1"), Mar17, Ada, S2));

        Assert.Throws<ArgumentException>(() => after.Apply(decision.Events[0]));
    }

    [Fact]
    public void Apply_ADeletionOfASeatThatDoesNotExist_Throws()
    {
        var (_, after) = Run(Acme(), new DeleteAgent(Cmd("c1"), Mar17, Support, S4));
        var elsewhere = Engine.Decide(Acme(), new DeleteAgent(Cmd("c9"), Mar17, Support, S4)).Events[0] as Deleted;
        Assert.NotNull(elsewhere);

        Assert.Throws<ArgumentException>(() => after.Apply(elsewhere with { Version = 2 }));
    }

    [Fact]
    public void Apply_AnEventOfACommandAlreadyApplied_ThrowsOneAtATimeAndInABatch()
    {
        var (first, after) = Run(Acme(), new DeactivateAgent(Cmd("c1"), Mar17, Ada, S2));
        var again = Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), Mar17, Ada, S3)).Events[0] with { Version = 2 };

        var single = Assert.Throws<ArgumentException>(() => after.Apply(again));
        var batchOnHistory = Assert.Throws<ArgumentException>(() => after.Apply([again]));
        var batchFromOpening = Assert.Throws<ArgumentException>(() => Acme().Apply([first.Events[0], again]));

        Assert.Equal(("change", "changes", "changes"), (single.ParamName, batchOnHistory.ParamName, batchFromOpening.ParamName));
        Assert.All(
            new[] { single, batchOnHistory, batchFromOpening },
            refused => Assert.Contains("Command 'c1' was already applied", refused.Message, StringComparison.Ordinal));
        Assert.Equal(1, after.Version);
    }

    [Fact]
    public void Apply_AnEventOfANewCommandForAnotherVersion_ThrowsNamingTheVersions()
    {
        var (_, after) = Run(Acme(), new DeactivateAgent(Cmd("c1"), Mar17, Ada, S2));
        var later = Engine.Decide(after, new DeactivateAgent(Cmd("c2"), Mar17, Ada, S3)).Events[0] with { Version = 5 };

        var refused = Assert.Throws<ArgumentException>(() => after.Apply(later));

        Assert.Contains("version 5 does not follow account version 1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ASeatAddedForASeatThatExists_Throws()
    {
        var added = (Added)Engine.Decide(Acme(), new AddAgent(Cmd("c1"), Mar17, Ada, "Omar Diaz", "omar@acme.test", Role.Agent)).Events[0];

        var refused = Assert.Throws<ArgumentException>(() => Acme().Apply(added with { Seat = S2 }));

        Assert.Contains("already existed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ABatchThatGivesOneEmailToTwoOccupants_Throws()
    {
        var first = Engine.Decide(Acme(), new AddAgent(Cmd("c1"), Mar17, Ada, "Omar Diaz", "omar@acme.test", Role.Agent)).Events[0];
        var (_, afterFirst) = Run(Acme(), new AddAgent(Cmd("c1"), Mar17, Ada, "Omar Diaz", "omar@acme.test", Role.Agent));
        var second = (Added)Engine.Decide(afterFirst, new AddAgent(Cmd("c2"), Mar17, Ada, "Omar Two", "omar2@acme.test", Role.Agent)).Events[0];
        var clash = second with { Agent = second.Agent with { Email = "OMAR@acme.test" } };

        var refused = Assert.Throws<ArgumentException>(() => Acme().Apply([first, clash]));

        Assert.Contains("already belongs to the occupant", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ABatchOnAnAccountWithHistory_IsTheEventsOneAtATime_AndRefusesAnIdTwice()
    {
        var (_, start) = Run(Acme(), new DeactivateAgent(Cmd("c1"), Mar17, Ada, S2));
        var (_, after) = RunAll(
            start,
            new AddAgent(Cmd("c2"), Mar17, Ada, "Omar Diaz", "omar@acme.test", Role.Agent),
            new ReplaceAgent(Cmd("c3"), Mar17, Ada, S2, "Nina Lee", "nina@acme.test"));
        var added = after.History[1];
        var replaced = after.History[2];

        var batch = start.Apply([added, replaced]);
        var twice = Assert.Throws<ArgumentException>(() => start.Apply([added, replaced with { Command = added.Command }]));

        Assert.Equal(after, batch);
        Assert.Equal(S2, batch.FindSeatOf("nina@acme.test")?.Id);
        Assert.NotNull(batch.FindSeatOf("omar@acme.test"));
        Assert.Contains("Command 'c2' was already applied", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Acme().Apply((SeatEvent)null!));
    }

    [Fact]
    public void Apply_TheEventsOneAtATimeOrAllAtOnce_GivesTheSameAccount()
    {
        var initial = Acme();
        var (_, after) = RunAll(
            initial,
            new AddAgent(Cmd("c1"), Mar17, Ada, "Omar Diaz", "omar@acme.test", Role.Agent),
            new DeactivateAgent(Cmd("c2"), Mar17, Ada, S2),
            new ReplaceAgent(Cmd("c3"), Mar17, Ada, S2, "Nina Lee", "nina@acme.test"));

        var oneByOne = initial;
        foreach (var change in after.History)
        {
            oneByOne = oneByOne.Apply(change);
        }

        Assert.Equal(after, oneByOne);
        Assert.Equal(after, initial.Apply(after.History));
    }
}
