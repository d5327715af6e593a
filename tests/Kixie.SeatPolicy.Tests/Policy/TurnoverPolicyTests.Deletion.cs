using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>Deletion over a contract's life: renewal, the end of a term, before it starts, and self-serve deletion.</summary>
public sealed partial class TurnoverPolicyTests
{
    private static readonly ContractTerm Year2026Renewing = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), autoRenew: true);

    [Fact]
    public void DeleteAgent_AfterAnAutoRenewedTermEnds_IsLockedInAgainUntilTheNewTermsWindow()
    {
        var account = Acme(Year2026Renewing);

        var (midRenewal, _) = Run(account, new DeleteAgent(Cmd("c1"), Noon(2027, 6, 1), Support, S2));
        var (firstDayOfRenewal, _) = Run(account, new DeleteAgent(Cmd("c2"), Noon(2027, 1, 1), Support, S2));
        var (inNewWindow, _) = Run(account, new DeleteAgent(Cmd("c3"), Noon(2027, 12, 2), Support, S2));

        Assert.Equal(new LocalDate(2027, 12, 2), Assert.IsType<DeletionBlocked>(midRenewal.Outcome.Case).AllowedFrom);
        Assert.Equal(new LocalDate(2027, 12, 2), Assert.IsType<DeletionBlocked>(firstDayOfRenewal.Outcome.Case).AllowedFrom);
        Assert.Equal(OutcomeKind.Deleted, inNewWindow.Outcome.Kind);
    }

    [Fact]
    public void DeleteAgent_AfterATermThatDoesNotRenew_IsOutOfContractAndGoesThroughSupport()
    {
        var account = Acme(Year2026);

        var (byAdmin, _) = Run(account, new DeleteAgent(Cmd("c1"), Noon(2027, 6, 1), Ada, S2));
        var (bySupport, _) = Run(account, new DeleteAgent(Cmd("c2"), Noon(2027, 6, 1), Support, S2));

        Assert.Equal(OutcomeKind.DeletionRequiresSupport, byAdmin.Outcome.Kind);
        Assert.Equal(OutcomeKind.Deleted, bySupport.Outcome.Kind);
    }

    [Fact]
    public void DeleteAgent_WithSelfServeDeletionInTheWindow_IsDeletedForAnAdminButStillBlockedBeforeIt()
    {
        var policy = new TurnoverPolicy(new PolicyOptions { SelfServeDeletion = true });
        var account = Acme(Year2026);

        var inWindow = policy.Decide(account, new DeleteAgent(Cmd("c1"), Noon(2026, 12, 2), Ada, S2));
        var beforeIt = policy.Decide(account, new DeleteAgent(Cmd("c2"), Noon(2026, 12, 1), Ada, S2));

        Assert.Equal(OutcomeKind.Deleted, inWindow.Outcome.Kind);
        Assert.Equal(OutcomeKind.DeletionBlocked, beforeIt.Outcome.Kind);
    }

    [Fact]
    public void DeleteAgent_WithACustomLockInWindow_OpensThatManyDaysBeforeTheEnd()
    {
        var contract = new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), lockInDays: 60);

        var (dayBefore, _) = Run(Acme(contract), new DeleteAgent(Cmd("c1"), Noon(2026, 11, 1), Support, S2));
        var (firstDay, _) = Run(Acme(contract), new DeleteAgent(Cmd("c2"), Noon(2026, 11, 2), Support, S2));

        Assert.Equal(new LocalDate(2026, 11, 2), Assert.IsType<DeletionBlocked>(dayBefore.Outcome.Case).AllowedFrom);
        Assert.Equal(OutcomeKind.Deleted, firstDay.Outcome.Kind);
    }

    [Fact]
    public void DeleteAgent_VacantSeatBySupportInTheWindow_IsDeletedWithNoFormerAgent()
    {
        var (decision, after) = Run(Acme(Year2026), new DeleteAgent(Cmd("c1"), Noon(2026, 12, 20), Support, S4));

        Assert.Null(Assert.IsType<Deleted>(decision.Outcome.Case).FormerAgent);
        Assert.Empty(after.FormerOccupants());
    }
}
