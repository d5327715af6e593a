using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// Where the rulebook is silent, the engine's choices (written down in docs/rules.md), pinned by examples.
/// </summary>
public sealed partial class TurnoverPolicyTests
{
    private static readonly SeatId S5 = new("s5");

    private static Account AcmeWithAVacantAdminSeat() => Acme(seats: AcmeSeats().Add(InitialSeat.Vacant(S5, Role.Admin)));

    [Fact]
    public void ReplaceAgent_ManagerOnAVacantSeatLastHeldByAnAdminGivingALesserRole_IsReplaced()
    {
        var decision = Engine.Decide(AcmeWithAVacantAdminSeat(), new ReplaceAgent(Cmd("c1"), Noon(2026, 4, 2), Mia, S5, "Nina Lee", "nina@acme.test", Role.Agent));

        Assert.Equal(Role.Agent, Assert.IsType<Replaced>(decision.Outcome.Case).NewAgent.Role);
    }

    [Fact]
    public void DeleteAgent_ManagerWithSelfServeOnAVacantSeatLastHeldByAnAdmin_IsDeleted()
    {
        var policy = new TurnoverPolicy(new PolicyOptions { SelfServeDeletion = true });

        var decision = policy.Decide(AcmeWithAVacantAdminSeat(), new DeleteAgent(Cmd("c1"), Noon(2026, 4, 2), Mia, S5));

        Assert.Equal(OutcomeKind.Deleted, decision.Outcome.Kind);
    }

    [Fact]
    public void DeleteAgent_BeforeTheContractStarts_IsBlockedUntilTheFirstTermsWindow()
    {
        var contract = new ContractTerm(new LocalDate(2026, 6, 1), new LocalDate(2027, 5, 31));

        var decision = Engine.Decide(Acme(contract), new DeleteAgent(Cmd("c1"), Noon(2026, 4, 2), Support, S2));

        Assert.Equal(new LocalDate(2027, 5, 2), Assert.IsType<DeletionBlocked>(decision.Outcome.Case).AllowedFrom);
    }

    [Fact]
    public void DeleteAgent_BeforeAContractShorterThanItsLockIn_IsBlockedUntilTheContractStarts()
    {
        var contract = new ContractTerm(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 30), lockInDays: 45);

        var before = Engine.Decide(Acme(contract), new DeleteAgent(Cmd("c1"), Noon(2026, 5, 15), Support, S2));
        var firstDay = Engine.Decide(Acme(contract), new DeleteAgent(Cmd("c2"), Noon(2026, 6, 1), Support, S2));

        Assert.Equal(new LocalDate(2026, 6, 1), Assert.IsType<DeletionBlocked>(before.Outcome.Case).AllowedFrom);
        Assert.Equal(OutcomeKind.Deleted, firstDay.Outcome.Kind);
    }

    [Fact]
    public void DeleteAgent_NoLockInDaysWithoutRenewal_IsBlockedThroughTheLastDayAndAllowedAfterIt()
    {
        var contract = new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), lockInDays: 0);

        var lastDay = Engine.Decide(Acme(contract), new DeleteAgent(Cmd("c1"), Noon(2026, 12, 31), Support, S2));
        var dayAfter = Engine.Decide(Acme(contract), new DeleteAgent(Cmd("c2"), Noon(2027, 1, 1), Support, S2));

        Assert.Equal(new LocalDate(2027, 1, 1), Assert.IsType<DeletionBlocked>(lastDay.Outcome.Case).AllowedFrom);
        Assert.Equal(OutcomeKind.Deleted, dayAfter.Outcome.Kind);
    }

    [Fact]
    public void ContractTerm_NoLockInDaysWithRenewal_IsRefusedSinceDeletionCouldNeverBeAllowed()
    {
        var refused = Assert.Throws<ValueRefusedException>(
            () => new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), lockInDays: 0, autoRenew: true));

        Assert.Equal(("lockInDays", "lockInDays", (object?)0), (refused.ParamName, refused.Member, refused.Value));
    }

    [Fact]
    public void DeleteAgent_NoLockInDaysWithoutRenewal_IsAllowedFromTheDayAfterTheEnd()
    {
        var contract = new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), lockInDays: 0);
        var blocked = Engine.Decide(Acme(contract), new DeleteAgent(Cmd("c1"), Noon(2026, 12, 31), Support, S2));
        var allowedFrom = Assert.IsType<DeletionBlocked>(blocked.Outcome.Case).AllowedFrom;

        var onThatDay = Engine.Decide(Acme(contract), new DeleteAgent(Cmd("c2"), Noon(allowedFrom.Year, allowedFrom.Month, allowedFrom.Day), Support, S2));

        Assert.Equal(new LocalDate(2027, 1, 1), allowedFrom);
        Assert.Equal(OutcomeKind.Deleted, onThatDay.Outcome.Kind);
    }

    [Fact]
    public void AddAgent_WithoutASeatIdWhenSeatNIsTaken_SkipsToTheNextFreeNumber()
    {
        var at = Noon(2026, 4, 2);
        var (decisions, _) = RunAll(
            Acme(),
            new AddAgent(Cmd("c1"), at, Ada, "Omar Diaz", "omar@acme.test", Role.Agent, new SeatId("seat-6")),
            new AddAgent(Cmd("c2"), at, Ada, "Pia Ray", "pia@acme.test", Role.Agent));

        Assert.Equal(new SeatId("seat-7"), Assert.IsType<Added>(decisions[1].Outcome.Case).Seat);
    }

    [Fact]
    public void UpdateAgent_WithTheCurrentValues_IsUpdatedAndRaisesTheVersion()
    {
        var (decision, after) = Run(Acme(), new UpdateAgent(Cmd("c1"), Noon(2026, 4, 2), Ada, S2, "Jimmy Doe", "jimmy@acme.test", Role.Agent));

        var updated = Assert.IsType<Updated>(decision.Outcome.Case);
        Assert.Equal(updated.Before, updated.After);
        Assert.Equal(1, after.Version);
    }

    [Fact]
    public void Decide_ActorNamesInAnotherCase_AreSupportAndTheOccupant()
    {
        var at = Noon(2026, 4, 2);
        var (decisions, _) = RunAll(
            Acme(),
            new DeleteAgent(Cmd("c1"), at, new Actor("SUPPORT"), S4),
            new DeactivateAgent(Cmd("c2"), at, new Actor("Ada@ACME.test"), S2));

        Assert.Equal([OutcomeKind.Deleted, OutcomeKind.Deactivated], Kinds(decisions));
    }

    [Fact]
    public void Decide_UnknownRoleValue_IsInvalidCommand()
    {
        var unknown = (Role)7;

        var update = Engine.Decide(Acme(), new UpdateAgent(Cmd("c1"), Noon(2026, 4, 2), Ada, S2, Role: unknown));
        var replace = Engine.Decide(Acme(), new ReplaceAgent(Cmd("c2"), Noon(2026, 4, 2), Ada, S2, "Nina Lee", "nina@acme.test", unknown));

        Assert.Equal("role", Assert.IsType<InvalidCommand>(update.Outcome.Case).Field);
        Assert.Equal("role", Assert.IsType<InvalidCommand>(replace.Outcome.Case).Field);
    }

    [Fact]
    public void Decide_NegativeExpectedVersion_IsInvalidCommandNotVersionConflict()
    {
        var decision = Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), Noon(2026, 4, 2), Ada, S2, ExpectedVersion: -1));

        Assert.Equal("expectedVersion", Assert.IsType<InvalidCommand>(decision.Outcome.Case).Field);
    }

    [Fact]
    public void AddAgent_SecondGranularity_CountsWholeSecondsOfTheDstShortenedPeriod()
    {
        var account = Account.Open(
            "acme", LosAngeles, Usd("30.00"), MonthlyOnThe1st, AcmeSeats(), proration: new ProrationConvention { Granularity = ProrationGranularity.Second });
        var at = Instant.FromUtc(2026, 3, 17, 18, 0);

        var exact = Engine.Decide(account, new AddAgent(Cmd("c1"), at, Ada, "Omar Diaz", "omar@acme.test", Role.Agent));
        var later = Engine.Decide(account, new AddAgent(Cmd("c1"), at + Duration.FromMilliseconds(999), Ada, "Omar Diaz", "omar@acme.test", Role.Agent));

        var charge = Assert.IsType<Added>(exact.Outcome.Case).Charge.Proration;
        Assert.Equal((1_256_400L, 2_674_800L), (charge.UnitsRemaining, charge.UnitsInPeriod));
        Assert.Equal(Usd("14.09"), charge.Amount);
        Assert.Equal(charge, Assert.IsType<Added>(later.Outcome.Case).Charge.Proration);
    }

    [Fact]
    public void AddAgent_Thirty360_CountsTheEndOfFebruaryLiterally()
    {
        var account = Account.Open(
            "acme", LosAngeles, Usd("30.00"), MonthlyOnThe1st, AcmeSeats(), proration: new ProrationConvention { DayCount = DayCount.Thirty360 });

        var decision = Engine.Decide(account, new AddAgent(Cmd("c1"), Noon(2026, 2, 28), Ada, "Omar Diaz", "omar@acme.test", Role.Agent));

        var charge = Assert.IsType<Added>(decision.Outcome.Case).Charge.Proration;
        Assert.Equal((3L, 30L, Usd("3.00")), (charge.UnitsRemaining, charge.UnitsInPeriod, charge.Amount));
    }

    [Fact]
    public void AddAgent_Thirty360OnThe30thBeforeABillDateOnThe31st_ChargesZeroDays()
    {
        var billedOnThe31st = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31));
        var account = Account.Open(
            "acme", LosAngeles, Usd("30.00"), billedOnThe31st, AcmeSeats(), proration: new ProrationConvention { DayCount = DayCount.Thirty360 });

        var decision = Engine.Decide(account, new AddAgent(Cmd("c1"), Noon(2026, 3, 30), Ada, "Omar Diaz", "omar@acme.test", Role.Agent));

        var charge = Assert.IsType<Added>(decision.Outcome.Case).Charge.Proration;
        Assert.Equal((0L, 32L, Usd("0.00")), (charge.UnitsRemaining, charge.UnitsInPeriod, charge.Amount));
    }

    [Fact]
    public void UpdateAgent_NameChangingOnlyInCaseWithANewEmail_IsEditLooksLikeReplacement()
    {
        var decision = Engine.Decide(Acme(), new UpdateAgent(Cmd("c1"), Noon(2026, 4, 2), Ada, S2, "JIMMY DOE", "jimmy.doe@acme.test"));

        Assert.Equal(OutcomeKind.EditLooksLikeReplacement, decision.Outcome.Kind);
    }

    [Fact]
    public void AddAgent_SeatIdDifferingOnlyInCase_IsANewSeat()
    {
        var decision = Engine.Decide(Acme(), new AddAgent(Cmd("c1"), Noon(2026, 4, 2), Ada, "Omar Diaz", "omar@acme.test", Role.Agent, new SeatId("S1")));

        Assert.Equal(new SeatId("S1"), Assert.IsType<Added>(decision.Outcome.Case).Seat);
    }

    [Fact]
    public void Decide_SameIdWithTheActorInAnotherCase_IsOtherContentAndInvalid()
    {
        var deactivate = new DeactivateAgent(Cmd("c1"), Noon(2026, 4, 2), Ada, S2);
        var (_, after) = Run(Acme(), deactivate);

        var decision = Engine.Decide(after, deactivate with { Actor = new Actor("ADA@acme.test") });

        Assert.Equal(OutcomeKind.InvalidCommand, decision.Outcome.Kind);
    }

    [Fact]
    public void DeleteAgent_WithSelfServeOutOfContract_IsDeletedForAnAdmin()
    {
        var policy = new TurnoverPolicy(new PolicyOptions { SelfServeDeletion = true });

        var decision = policy.Decide(Acme(), new DeleteAgent(Cmd("c1"), Noon(2026, 4, 2), Ada, S2));

        Assert.Equal(OutcomeKind.Deleted, decision.Outcome.Kind);
    }

    [Fact]
    public void DeleteAgent_RenewedTermsOfAContractStartingOnThe31st_AreCountedFromItsStart()
    {
        var contract = new ContractTerm(new LocalDate(2026, 1, 31), new LocalDate(2026, 2, 27), lockInDays: 1, autoRenew: true);

        var lastDayOfSecondTerm = Engine.Decide(Acme(contract), new DeleteAgent(Cmd("c1"), Noon(2026, 3, 30), Support, S2));
        var dayBefore = Engine.Decide(Acme(contract), new DeleteAgent(Cmd("c2"), Noon(2026, 3, 29), Support, S2));

        Assert.Equal(OutcomeKind.Deleted, lastDayOfSecondTerm.Outcome.Kind);
        Assert.Equal(new LocalDate(2026, 3, 30), Assert.IsType<DeletionBlocked>(dayBefore.Outcome.Case).AllowedFrom);
    }

    [Fact]
    public void Decide_ReplayOfAnAdd_CarriesTheOriginalChargeButNoEvent()
    {
        var add = new AddAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent);
        var (_, after) = Run(Acme(), add);

        var again = Engine.Decide(after, add);

        Assert.True(again.IsReplay);
        Assert.Equal(Usd("14.52"), again.Outcome.ChargedAmount(Currency.Usd));
        Assert.Empty(again.Events);
    }

    [Fact]
    public void DeactivateAgent_AnAdminDeactivatingThemselfWithAnotherAdminLeft_IsDeactivatedAndTheyLoseAccess()
    {
        var at = Noon(2026, 4, 2);
        var (decisions, _) = RunAll(
            Acme(),
            new UpdateAgent(Cmd("c1"), at, Ada, S3, Role: Role.Admin),
            new DeactivateAgent(Cmd("c2"), at, Ada, S1),
            new DeactivateAgent(Cmd("c3"), at, Ada, S2));

        Assert.Equal([OutcomeKind.Updated, OutcomeKind.Deactivated, OutcomeKind.Unauthorized], Kinds(decisions));
    }
}
