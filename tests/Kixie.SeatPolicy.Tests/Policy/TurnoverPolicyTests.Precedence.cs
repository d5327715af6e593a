using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// The rulebook's precedence ("first match wins"), one step at a time: each command breaks two
/// adjacent rules and the earlier one must be the outcome.
/// </summary>
public sealed partial class TurnoverPolicyTests
{
    private static readonly Instant Mar17 = Noon(2026, 3, 17);

    [Fact]
    public void Decide_ReplayOfACommandWhoseActorLostAccess_IsTheReplayNotUnauthorized()
    {
        var deactivate = new DeactivateAgent(Cmd("c1"), Mar17, Mia, S2);
        var (_, after) = RunAll(Acme(), deactivate, new DeactivateAgent(Cmd("c2"), Mar17, Ada, S3));

        var again = Engine.Decide(after, deactivate);

        Assert.True(again.IsReplay);
        Assert.Equal(OutcomeKind.Deactivated, again.Outcome.Kind);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Decide_StrangerWithAnInvalidEmail_IsUnauthorizedNotInvalidCommand()
    {
        var decision = Engine.Decide(Acme(), new AddAgent(Cmd("c1"), Mar17, Stranger, "Omar Diaz", "not an email", Role.Agent));

        Assert.Equal(OutcomeKind.Unauthorized, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_AgentRoleActorWithAMissingSeat_IsUnauthorizedNotInvalidCommand()
    {
        var decision = Engine.Decide(Acme(), new DeleteAgent(Cmd("c1"), Mar17, Jimmy, new SeatId(" ")));

        Assert.Equal(OutcomeKind.Unauthorized, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_InvalidCommandWithAStaleVersion_IsInvalidCommandNotVersionConflict()
    {
        var decision = Engine.Decide(Acme(), new ReplaceAgent(Cmd("c1"), Mar17, Ada, S2, "  ", "nina@acme.test", ExpectedVersion: 7));

        Assert.Equal(OutcomeKind.InvalidCommand, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_StaleVersionOnAnUnknownSeat_IsVersionConflictNotSeatNotFound()
    {
        var decision = Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), Mar17, Ada, new SeatId("s9"), ExpectedVersion: 1));

        Assert.Equal(OutcomeKind.VersionConflict, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_ManagerGrantingAdminOnAnUnknownSeat_IsSeatNotFoundNotUnauthorized()
    {
        var decision = Engine.Decide(Acme(), new ReplaceAgent(Cmd("c1"), Mar17, Mia, new SeatId("s9"), "Nina Lee", "nina@acme.test", Role.Admin));

        Assert.Equal(OutcomeKind.SeatNotFound, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_ManagerGrantingAdminOnAVacantSeat_IsUnauthorizedNotSeatAlreadyVacant()
    {
        var decision = Engine.Decide(Acme(), new UpdateAgent(Cmd("c1"), Mar17, Mia, S4, Role: Role.Admin));

        Assert.Equal(OutcomeKind.Unauthorized, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_ManagerGrantingAdminWithAnEmailInUse_IsUnauthorizedNotEmailInUse()
    {
        var decision = Engine.Decide(Acme(), new AddAgent(Cmd("c1"), Mar17, Mia, "Jim Two", "jimmy@acme.test", Role.Admin));

        Assert.Equal(OutcomeKind.Unauthorized, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_UpdateOfAVacantSeatToAnEmailInUse_IsSeatAlreadyVacantNotEmailInUse()
    {
        var decision = Engine.Decide(Acme(), new UpdateAgent(Cmd("c1"), Mar17, Ada, S4, Email: "jimmy@acme.test"));

        Assert.Equal(OutcomeKind.SeatAlreadyVacant, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_UpdateOfNameAndEmailToAnEmailInUse_IsEmailInUseNotEditLooksLikeReplacement()
    {
        var decision = Engine.Decide(Acme(), new UpdateAgent(Cmd("c1"), Mar17, Ada, S2, "Mia Two", "MIA@acme.test"));

        Assert.Equal(OutcomeKind.EmailInUse, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_ReplacementLookalikeThatDemotesTheLastAdmin_IsEditLooksLikeReplacementNotLastAdminProtected()
    {
        var decision = Engine.Decide(Acme(), new UpdateAgent(Cmd("c1"), Mar17, Ada, S1, "Nina Lee", "nina@acme.test", Role.Agent));

        Assert.Equal(OutcomeKind.EditLooksLikeReplacement, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_DeleteTheLastAdminInsideTheLockIn_IsLastAdminProtectedNotDeletionBlocked()
    {
        var decision = Engine.Decide(Acme(Year2026), new DeleteAgent(Cmd("c1"), Mar17, Support, S1));

        Assert.Equal(OutcomeKind.LastAdminProtected, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_AdminDeletingInsideTheLockIn_IsDeletionBlockedNotDeletionRequiresSupport()
    {
        var decision = Engine.Decide(Acme(Year2026), new DeleteAgent(Cmd("c1"), Mar17, Ada, S2));

        Assert.Equal(OutcomeKind.DeletionBlocked, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_ReusedIdWithOtherContentFromAStranger_IsUnauthorizedNotInvalidCommand()
    {
        var (_, after) = Run(Acme(), new DeactivateAgent(Cmd("c1"), Mar17, Ada, S2));

        var decision = Engine.Decide(after, new DeactivateAgent(Cmd("c1"), Mar17, Stranger, S2));

        Assert.Equal(OutcomeKind.Unauthorized, decision.Outcome.Kind);
    }
}
