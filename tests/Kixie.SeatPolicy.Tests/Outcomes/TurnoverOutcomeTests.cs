using System;
using System.Linq;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Outcomes;

/// <summary>One example per outcome kind: the command that produces it and the facts it carries.</summary>
public sealed class TurnoverOutcomeTests
{
    private static readonly Instant March17 = Noon(2026, 3, 17);

    [Fact]
    public void Decide_AddByAdmin_IsAddedWithANewSeatANewAgentAndTheCharge()
    {
        var decision = Engine.Decide(Acme(), new AddAgent(Cmd("c1"), March17, Ada, "Omar Diaz", "omar@acme.test", Role.Manager));

        var added = AssertCase<Added>(decision, OutcomeKind.Added, accepted: true);
        Assert.Equal(new SeatId("seat-5"), added.Seat);
        Assert.Equal(new Agent(new AgentId(4), "Omar Diaz", "omar@acme.test", Role.Manager), added.Agent);
        Assert.Equal(SeatAssets.None, added.Assets);
        Assert.Equal((new SeatId("seat-5"), Usd("14.52")), (added.Charge.Seat, added.Charge.Amount));
    }

    [Fact]
    public void Decide_ReplaceByAdmin_IsReplacedWithBothPeopleAndTheInheritedAssets()
    {
        var decision = Engine.Decide(Acme(), new ReplaceAgent(Cmd("c1"), March17, Ada, S2, "Nina Lee", "nina@acme.test"));

        var replaced = AssertCase<Replaced>(decision, OutcomeKind.Replaced, accepted: true);
        Assert.Equal(new Agent(new AgentId(4), "Nina Lee", "nina@acme.test", Role.Agent), replaced.NewAgent);
        Assert.Equal(new Agent(new AgentId(2), "Jimmy Doe", "jimmy@acme.test", Role.Agent), replaced.PreviousAgent);
        Assert.Equal((S2, JimmysAssets, "nina@acme.test"), (replaced.Seat, replaced.Inherited, replaced.SetupGuideSentTo));
    }

    [Fact]
    public void Decide_DeactivateByManager_IsDeactivatedKeepingTheAssets()
    {
        var decision = Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), March17, Mia, S2));

        var deactivated = AssertCase<Deactivated>(decision, OutcomeKind.Deactivated, accepted: true);
        Assert.Equal((S2, "Jimmy Doe", JimmysAssets), (deactivated.Seat, deactivated.FormerAgent.Name, deactivated.Kept));
    }

    [Fact]
    public void Decide_UpdateNameOnly_IsUpdatedKeepingThePerson()
    {
        var decision = Engine.Decide(Acme(), new UpdateAgent(Cmd("c1"), March17, Ada, S2, Name: "James Doe"));

        var updated = AssertCase<Updated>(decision, OutcomeKind.Updated, accepted: true);
        Assert.Equal(updated.Before.Id, updated.After.Id);
        Assert.Equal(("Jimmy Doe", "James Doe", "jimmy@acme.test"), (updated.Before.Name, updated.After.Name, updated.After.Email));
    }

    [Fact]
    public void Decide_DeleteBySupportOutOfContract_IsDeletedWithNoRefund()
    {
        var decision = Engine.Decide(Acme(), new DeleteAgent(Cmd("c1"), March17, Support, S2));

        var deleted = AssertCase<Deleted>(decision, OutcomeKind.Deleted, accepted: true);
        Assert.Equal((S2, "Jimmy Doe", JimmysAssets), (deleted.Seat, deleted.FormerAgent?.Name, deleted.Released));
        Assert.Equal(new LocalDate(2026, 4, 1), deleted.OffBillFrom);
        Assert.True(decision.Outcome.ChargedAmount(Currency.Usd).IsZero);
    }

    [Fact]
    public void Decide_DeleteInsideTheLockIn_IsDeletionBlockedWithTheDateAndTheAlternatives()
    {
        var decision = Engine.Decide(Acme(Year2026), new DeleteAgent(Cmd("c1"), March17, Support, S2));

        var blocked = AssertCase<DeletionBlocked>(decision, OutcomeKind.DeletionBlocked, accepted: false);
        Assert.Equal((S2, new LocalDate(2026, 12, 2)), (blocked.Seat, blocked.AllowedFrom));
        Assert.Equal([TurnoverAlternative.Replace, TurnoverAlternative.Deactivate], blocked.Alternatives.ToArray());
    }

    [Fact]
    public void Decide_DeleteByAdminOutOfContract_IsDeletionRequiresSupportWithTheContact()
    {
        var decision = Engine.Decide(Acme(), new DeleteAgent(Cmd("c1"), March17, Ada, S2));

        var viaSupport = AssertCase<DeletionRequiresSupport>(decision, OutcomeKind.DeletionRequiresSupport, accepted: false);
        Assert.Equal(S2, viaSupport.Seat);
        Assert.Equal(PolicyOptions.Default.SupportContact, viaSupport.HowToReachSupport);
    }

    [Fact]
    public void Decide_AgentRoleActor_IsUnauthorized()
    {
        var decision = Engine.Decide(Acme(), new AddAgent(Cmd("c1"), March17, Jimmy, "Omar Diaz", "omar@acme.test", Role.Agent));

        var unauthorized = AssertCase<Unauthorized>(decision, OutcomeKind.Unauthorized, accepted: false);
        Assert.Equal(Jimmy, unauthorized.Actor);
        Assert.False(string.IsNullOrWhiteSpace(unauthorized.Reason));
    }

    [Fact]
    public void Decide_DeactivateTheOnlyAdmin_IsLastAdminProtected()
    {
        var decision = Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), March17, Ada, S1));

        Assert.Equal(S1, AssertCase<LastAdminProtected>(decision, OutcomeKind.LastAdminProtected, accepted: false).Seat);
    }

    [Fact]
    public void Decide_UpdateNameAndEmail_IsEditLooksLikeReplacement()
    {
        var decision = Engine.Decide(Acme(), new UpdateAgent(Cmd("c1"), March17, Ada, S2, "Nina Lee", "nina@acme.test"));

        Assert.Equal(S2, AssertCase<EditLooksLikeReplacement>(decision, OutcomeKind.EditLooksLikeReplacement, accepted: false).Seat);
    }

    [Fact]
    public void Decide_AddWithAnOccupantsEmail_IsEmailInUseNamingTheSeat()
    {
        var decision = Engine.Decide(Acme(), new AddAgent(Cmd("c1"), March17, Ada, "Mia Two", "mia@acme.test", Role.Agent));

        var inUse = AssertCase<EmailInUse>(decision, OutcomeKind.EmailInUse, accepted: false);
        Assert.Equal(("mia@acme.test", S3), (inUse.Email, inUse.HeldBy));
    }

    [Fact]
    public void Decide_UnknownSeat_IsSeatNotFound()
    {
        var decision = Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), March17, Ada, new SeatId("s9")));

        Assert.Equal(new SeatId("s9"), AssertCase<SeatNotFound>(decision, OutcomeKind.SeatNotFound, accepted: false).Seat);
    }

    [Fact]
    public void Decide_DeactivateAVacantSeat_IsSeatAlreadyVacant()
    {
        var decision = Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), March17, Ada, S4));

        Assert.Equal(S4, AssertCase<SeatAlreadyVacant>(decision, OutcomeKind.SeatAlreadyVacant, accepted: false).Seat);
    }

    [Fact]
    public void Decide_MalformedEmail_IsInvalidCommandNamingTheField()
    {
        var decision = Engine.Decide(Acme(), new AddAgent(Cmd("c1"), March17, Ada, "Omar Diaz", "omar.acme.test", Role.Agent));

        Assert.Equal("email", AssertCase<InvalidCommand>(decision, OutcomeKind.InvalidCommand, accepted: false).Field);
    }

    [Fact]
    public void Decide_StaleExpectedVersion_IsVersionConflictWithBothVersions()
    {
        var decision = Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), March17, Ada, S2, ExpectedVersion: 3));

        var conflict = AssertCase<VersionConflict>(decision, OutcomeKind.VersionConflict, accepted: false);
        Assert.Equal((3L, 0L), (conflict.Expected, conflict.Actual));
    }

    [Fact]
    public void Decide_DeleteAtTheNextBillBySupport_IsDeletionScheduledWithItsLastDay()
    {
        var decision = Engine.Decide(Acme(), new DeleteAgent(Cmd("c1"), March17, Support, S2, Effective: DeletionEffective.NextBill));

        var scheduled = AssertCase<DeletionScheduled>(decision, OutcomeKind.DeletionScheduled, accepted: true);
        Assert.Equal((S2, new LocalDate(2026, 3, 31), (PendingChange?)null), (scheduled.Seat, scheduled.LastDay, scheduled.Replaced));
        Assert.Same(scheduled, decision.Events[0]);
    }

    [Fact]
    public void Decide_CancelAPendingDeletion_IsScheduleCancelledNamingIt()
    {
        var scheduled = Engine.Decide(Acme(), new DeleteAgent(Cmd("c1"), March17, Support, S2, Effective: DeletionEffective.NextBill)).ApplyTo(Acme());
        var decision = Engine.Decide(scheduled, new CancelScheduledChange(Cmd("c2"), March17, Ada, S2));

        var cancelled = AssertCase<ScheduleCancelled>(decision, OutcomeKind.ScheduleCancelled, accepted: true);
        Assert.Equal(PendingChange.Deletion(new LocalDate(2026, 3, 31)), cancelled.Cancelled);
    }

    [Fact]
    public void Decide_CancelWithNothingPending_IsNothingScheduled()
    {
        var decision = Engine.Decide(Acme(), new CancelScheduledChange(Cmd("c1"), March17, Ada, S2));

        Assert.Equal(S2, AssertCase<NothingScheduled>(decision, OutcomeKind.NothingScheduled, accepted: false).Seat);
    }

    [Fact]
    public void Decide_ChangePlanToADearerPlan_IsPlanUpgradedWithItsCharge()
    {
        var decision = Engine.Decide(AcmeOnPlans(), new ChangePlan(Cmd("c1"), March17, Ada, S2, "PowerDialer"));

        var upgraded = AssertCase<PlanUpgraded>(decision, OutcomeKind.PlanUpgraded, accepted: true);
        Assert.Equal((S2, "Integrate", "PowerDialer", Usd("29.03")), (upgraded.Seat, upgraded.From, upgraded.To, upgraded.Charge.Amount));
    }

    [Fact]
    public void Decide_ChangePlanToTheSamePrice_IsPlanChanged()
    {
        var decision = Engine.Decide(AcmeOnPlans(), new ChangePlan(Cmd("c1"), March17, Ada, S2, "Voice"));

        var changed = AssertCase<PlanChanged>(decision, OutcomeKind.PlanChanged, accepted: true);
        Assert.Equal((S2, "Integrate", "Voice"), (changed.Seat, changed.From, changed.To));
    }

    [Fact]
    public void Decide_ChangePlanToACheaperPlan_IsDowngradeScheduledAtTheNextBillDate()
    {
        var upgraded = Engine.Decide(AcmeOnPlans(), new ChangePlan(Cmd("c1"), March17, Ada, S2, "PowerDialer")).ApplyTo(AcmeOnPlans());
        var decision = Engine.Decide(upgraded, new ChangePlan(Cmd("c2"), March17, Ada, S2, "Integrate"));

        var downgrade = AssertCase<DowngradeScheduled>(decision, OutcomeKind.DowngradeScheduled, accepted: true);
        Assert.Equal((S2, "PowerDialer", "Integrate", new LocalDate(2026, 4, 1)), (downgrade.Seat, downgrade.From, downgrade.To, downgrade.Effective));
    }

    [Fact]
    public void Decide_DowngradeInsideTheLockIn_IsDowngradeBlocked()
    {
        var account = AcmeOnPlans(Year2026, seats: [.. AcmeSeats().Take(3), InitialSeat.Vacant(S4, plan: "PowerDialer")]);
        var decision = Engine.Decide(account, new ChangePlan(Cmd("c1"), March17, Ada, S4, "Integrate"));

        var blocked = AssertCase<DowngradeBlocked>(decision, OutcomeKind.DowngradeBlocked, accepted: false);
        Assert.Equal((S4, new LocalDate(2026, 12, 2)), (blocked.Seat, blocked.AllowedFrom));
    }

    [Fact]
    public void OutcomeKind_EveryKind_HasAnExampleAbove()
    {
        var examples = typeof(TurnoverOutcomeTests).GetMethods()
            .Where(method => method.GetCustomAttributes(typeof(FactAttribute), false).Length > 0)
            .Count(method => method.Name.StartsWith("Decide_", StringComparison.Ordinal));

        Assert.Equal(Enum.GetValues<OutcomeKind>().Length, examples);
    }

    [Fact]
    public void Match_RejectedOutcome_ReachesTheRejectionLambdaWithTheGuardsCase()
    {
        var decision = Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), March17, Ada, S4));

        var seen = decision.Outcome.Match(
            added => "added",
            replaced => "replaced",
            deactivated => "deactivated",
            updated => "updated",
            deleted => "deleted",
            blocked => "blocked",
            viaSupport => "via support",
            rejection => rejection.Match(
                unauthorized => "unauthorized",
                lastAdmin => "last admin",
                looksLikeReplacement => "looks like replacement",
                emailInUse => "email in use",
                notFound => "not found",
                alreadyVacant => "already vacant:" + alreadyVacant.Seat,
                invalid => "invalid",
                conflict => "conflict"),
            scheduling => "scheduling");

        Assert.Equal("already vacant:s4", seen);
    }

    private static T AssertCase<T>(Decision decision, OutcomeKind kind, bool accepted)
        where T : OutcomeCase
    {
        Assert.Equal(kind, decision.Outcome.Kind);
        Assert.Equal(accepted, decision.Outcome.IsAccepted);
        Assert.False(decision.IsReplay);
        Assert.Equal(accepted ? 1 : 0, decision.Events.Length);
        Assert.False(string.IsNullOrWhiteSpace(decision.Outcome.ToString()));
        return Assert.IsType<T>(decision.Outcome.Case);
    }
}
