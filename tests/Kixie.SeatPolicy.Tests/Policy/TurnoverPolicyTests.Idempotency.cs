using System.Linq;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>Command ids: a repeated command is harmless, a reused id is refused, a rejection leaves no trace.</summary>
public sealed partial class TurnoverPolicyTests
{
    [Fact]
    public void Decide_SameIdSameContent_ReturnsTheOriginalOutcomeAsAReplayWithNoEventsAndNoSecondCharge()
    {
        var add = new AddAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent);
        var (first, after) = Run(Acme(), add);

        var again = Engine.Decide(after, add);

        Assert.True(again.IsReplay);
        Assert.Empty(again.Events);
        Assert.Equal(first.Outcome.Case, again.Outcome.Case);
        Assert.Same(after, again.ApplyTo(after));
        Assert.Single(after.History.OfType<Added>());
        Assert.Equal(5, after.SeatCount);
    }

    [Fact]
    public void Decide_SameIdSameContentAfterTheActorLostAccess_IsStillTheReplay()
    {
        var replace = new ReplaceAgent(Cmd("c1"), Noon(2026, 3, 17), Mia, S2, "Nina Lee", "nina@acme.test");
        var (first, after) = RunAll(Acme(), replace, new ReplaceAgent(Cmd("c2"), Noon(2026, 3, 18), Ada, S3, "Noor Ali", "noor@acme.test"));
        Assert.Equal(OutcomeKind.Unauthorized, Engine.Decide(after, replace with { Id = Cmd("c3") }).Outcome.Kind);

        var again = Engine.Decide(after, replace);

        Assert.True(again.IsReplay);
        Assert.Equal(first[0].Outcome.Case, again.Outcome.Case);
        Assert.Same(after, again.ApplyTo(after));
    }

    [Fact]
    public void Decide_SameIdAtAnotherInstant_IsInvalidCommandOnTheId()
    {
        var deactivate = new DeactivateAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S2);
        var (_, after) = Run(Acme(), deactivate);

        var decision = Engine.Decide(after, deactivate with { At = deactivate.At + Duration.FromSeconds(1) });

        Assert.False(decision.IsReplay);
        Assert.Equal("id", Assert.IsType<InvalidCommand>(decision.Outcome.Case).Field);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Decide_SameIdForAnotherCommandType_IsInvalidCommand()
    {
        var (_, after) = Run(Acme(), new DeactivateAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S2));

        var decision = Engine.Decide(after, new DeleteAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S2));

        Assert.Equal(OutcomeKind.InvalidCommand, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_IdOfARejectedCommand_IsDecidedAfreshNotReplayed()
    {
        var early = new DeactivateAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S4);
        var (rejected, after) = Run(Acme(), early);
        Assert.Equal(OutcomeKind.SeatAlreadyVacant, rejected.Outcome.Kind);
        Assert.Equal(0, after.Version);

        var (sameAgain, _) = Run(after, early);
        var (otherContent, last) = Run(after, new DeactivateAgent(Cmd("c1"), Noon(2026, 3, 18), Ada, S2));

        Assert.Equal((OutcomeKind.SeatAlreadyVacant, false), (sameAgain.Outcome.Kind, sameAgain.IsReplay));
        Assert.Equal((OutcomeKind.Deactivated, false), (otherContent.Outcome.Kind, otherContent.IsReplay));
        Assert.Equal(1, last.Version);
    }

    [Fact]
    public void Decide_RejectedCommandAcceptedLaterUnderTheSameId_IsNotAReplay()
    {
        var add = new AddAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, "Nina Lee", "nina@acme.test", Role.Agent);
        var (_, held) = Run(Acme(), new ReplaceAgent(Cmd("c0"), Noon(2026, 3, 16), Ada, S4, "Nina Lee", "nina@acme.test"));
        var (rejected, stillHeld) = Run(held, add);
        var (_, freed) = Run(stillHeld, new DeleteAgent(Cmd("c2"), Noon(2026, 3, 17), Support, S4));

        var (accepted, after) = Run(freed, add);

        Assert.Equal(OutcomeKind.EmailInUse, rejected.Outcome.Kind);
        Assert.Equal((OutcomeKind.Added, false), (accepted.Outcome.Kind, accepted.IsReplay));
        Assert.Equal(3, after.Version);
    }

    [Fact]
    public void Decide_AcceptedCommands_RaiseTheVersionByOneAndRejectedOnesNotAtAll()
    {
        var (decisions, after) = RunAll(
            Acme(),
            new DeactivateAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S2, ExpectedVersion: 0),
            new DeactivateAgent(Cmd("c2"), Noon(2026, 3, 17), Ada, S2, ExpectedVersion: 1),
            new ReplaceAgent(Cmd("c3"), Noon(2026, 3, 18), Ada, S2, "Nina Lee", "nina@acme.test", ExpectedVersion: 1),
            new UpdateAgent(Cmd("c4"), Noon(2026, 3, 19), Ada, S2, Role: Role.Manager, ExpectedVersion: 1),
            new UpdateAgent(Cmd("c5"), Noon(2026, 3, 19), Ada, S2, Role: Role.Manager, ExpectedVersion: 2));

        Assert.Equal(
            [OutcomeKind.Deactivated, OutcomeKind.SeatAlreadyVacant, OutcomeKind.Replaced, OutcomeKind.VersionConflict, OutcomeKind.Updated],
            Kinds(decisions));
        Assert.Equal(3, after.Version);
        Assert.Equal([1L, 2L, 3L], after.History.Select(change => change.Version));
    }
}
