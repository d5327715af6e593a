using System;
using System.Linq;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Advice;

/// <summary>Turnover advice (rulebook §11), worked through on Acme: 30.00 USD a seat a month, billed on the 1st.</summary>
public sealed class TurnoverAdvisorTests
{
    private static TurnoverAdvice WithMaria(Account account, SeatId seat, Instant leaves, Actor actor, LocalDate until, Instant hire) =>
        TurnoverAdvisor.Advise(account, seat, leaves, actor, until, hire, "Maria Lopez", "maria@acme.test");

    private static AdvicePlan Plan(TurnoverAdvice advice, AdvicePlanKind kind) => advice.Plans.Single(plan => plan.Kind == kind);

    [Fact]
    public void Advise_NonContractGapSpanningABillDate_DeletingAndAddingIsCheaperButLosesTheNumber()
    {
        var advice = WithMaria(Acme(), S2, Noon(2026, 3, 10), Ada, new LocalDate(2026, 6, 30), Noon(2026, 4, 15));

        // Hold: 4 seats on the bills of 04-01, 05-01 and 06-01 = 360.00. Delete and add: 3 seats on 04-01 (90.00),
        // the add on 04-15 (16 of 30 days: 16.00), 4 seats on 05-01 and 06-01 (240.00) = 346.00.
        Assert.Equal([AdvicePlanKind.DeleteAndAdd, AdvicePlanKind.HoldAndReplace], advice.Plans.Select(plan => plan.Kind));
        Assert.Equal(AdvicePlanKind.DeleteAndAdd, advice.Recommended!.Kind);
        Assert.Equal(Usd("346.00"), Plan(advice, AdvicePlanKind.DeleteAndAdd).Total);
        Assert.Equal(Usd("14.00"), Plan(advice, AdvicePlanKind.DeleteAndAdd).Saving);
        Assert.False(Plan(advice, AdvicePlanKind.DeleteAndAdd).KeepsAssets);
        Assert.Equal(Usd("360.00"), Plan(advice, AdvicePlanKind.HoldAndReplace).Total);
        Assert.Equal(Usd("0.00"), Plan(advice, AdvicePlanKind.HoldAndReplace).Saving);
        Assert.True(Plan(advice, AdvicePlanKind.HoldAndReplace).KeepsAssets);
        Assert.Equal(
            [OutcomeKind.Deactivated, OutcomeKind.Deleted, OutcomeKind.Added],
            Plan(advice, AdvicePlanKind.DeleteAndAdd).Steps.Select(step => step.Outcome.Kind));
        Assert.Equal(Noon(2026, 3, 10), Plan(advice, AdvicePlanKind.DeleteAndAdd).Steps[1].Command.At);
        Assert.Equal(Support, Plan(advice, AdvicePlanKind.DeleteAndAdd).Steps[1].Command.Actor);
        Assert.Equal(["advice-1", "advice-2", "advice-3"], Plan(advice, AdvicePlanKind.DeleteAndAdd).Steps.Select(step => step.Command.Id.Value));
    }

    [Fact]
    public void Advise_OnPlans_TotalsBillTheSeatsPlan_AndDeleteAndAddAddsOnIt()
    {
        var seats = AcmeSeats().Select(seat => seat.Seat == S2 ? InitialSeat.Occupied(S2, "Jimmy Doe", "jimmy@acme.test", Role.Agent, JimmysAssets, plan: "PowerDialer") : seat);
        var advice = WithMaria(AcmeOnPlans(seats: seats), S2, Noon(2026, 3, 10), Ada, new LocalDate(2026, 6, 30), Noon(2026, 4, 15));

        // Hold: 3 × 35.00 + 95.00 = 200.00 on each of 04-01, 05-01, 06-01 = 600.00. Delete and add: 105.00 on 04-01,
        // the add on PowerDialer on 04-15 (95.00 × 16/30 = 50.67), 200.00 on 05-01 and 06-01 = 555.67.
        Assert.Equal(Usd("600.00"), Plan(advice, AdvicePlanKind.HoldAndReplace).Total);
        Assert.Equal(Usd("555.67"), Plan(advice, AdvicePlanKind.DeleteAndAdd).Total);
        Assert.Equal("PowerDialer", Assert.IsType<Added>(Plan(advice, AdvicePlanKind.DeleteAndAdd).Steps[^1].Outcome.Case).Plan);
    }

    [Fact]
    public void Advise_ContractMidTerm_DeleteAndAddIsInfeasibleBlockedUntilTheWindow()
    {
        var advice = WithMaria(Acme(Year2026), S2, Noon(2026, 3, 10), Ada, new LocalDate(2026, 6, 30), Noon(2026, 4, 15));

        var blocked = Plan(advice, AdvicePlanKind.DeleteAndAdd);
        Assert.Equal(AdvicePlanKind.HoldAndReplace, advice.Recommended!.Kind);
        Assert.Equal(Usd("360.00"), advice.Recommended.Total);
        Assert.False(blocked.IsFeasible);
        Assert.Null(blocked.Total);
        Assert.Null(blocked.Saving);
        Assert.Equal(new LocalDate(2026, 12, 2), Assert.IsType<DeletionBlocked>(blocked.BlockedBy!.Case).AllowedFrom);
        Assert.Equal([OutcomeKind.Deactivated], blocked.Steps.Select(step => step.Outcome.Kind));
        Assert.Same(blocked, advice.Plans[^1]);
    }

    [Fact]
    public void Advise_LeaveInsideTheWindowWithNoHire_DeletesOnTheDayOfLeaving()
    {
        var advice = TurnoverAdvisor.Advise(Acme(Year2026), S2, Noon(2026, 12, 10), Ada, new LocalDate(2027, 2, 28));

        // Hold vacant: 4 seats on 2027-01-01 and 02-01 = 240.00; delete on 12-10: 3 seats = 180.00.
        Assert.Equal([AdvicePlanKind.Delete, AdvicePlanKind.HoldVacant], advice.Plans.Select(plan => plan.Kind));
        Assert.Equal(Usd("180.00"), advice.Recommended!.Total);
        Assert.Equal(Usd("60.00"), advice.Recommended.Saving);
        Assert.Equal(Noon(2026, 12, 10), advice.Recommended.Steps[1].Command.At);
        Assert.Equal(Usd("240.00"), Plan(advice, AdvicePlanKind.HoldVacant).Total);
    }

    [Fact]
    public void Advise_LeaveBeforeTheWindowWithNoHire_DeletesAtTheStartOfTheFirstAllowedDay()
    {
        var advice = TurnoverAdvisor.Advise(Acme(Year2026), S2, Noon(2026, 11, 10), Ada, new LocalDate(2027, 1, 31));

        var delete = Plan(advice, AdvicePlanKind.Delete);
        Assert.True(delete.IsFeasible);
        Assert.Equal(new LocalDate(2026, 12, 2).AtStartOfDayInZone(LosAngeles).ToInstant(), delete.Steps[1].Command.At);
        Assert.Equal(Usd("210.00"), delete.Total); // 4 seats on 12-01, 3 on 2027-01-01
        Assert.Equal(Usd("240.00"), Plan(advice, AdvicePlanKind.HoldVacant).Total);
    }

    [Fact]
    public void Advise_HireBeforeTheWindowOpens_DeleteAndAddIsInfeasible()
    {
        var advice = WithMaria(Acme(Year2026), S2, Noon(2026, 11, 10), Ada, new LocalDate(2026, 12, 31), Noon(2026, 11, 25));

        var blocked = Plan(advice, AdvicePlanKind.DeleteAndAdd);
        Assert.False(blocked.IsFeasible);
        Assert.Equal(OutcomeKind.DeletionBlocked, blocked.BlockedBy!.Kind);
        Assert.Single(blocked.Steps);
        Assert.Equal(AdvicePlanKind.HoldAndReplace, advice.Recommended!.Kind);
        Assert.Equal(Usd("120.00"), advice.Recommended.Total);
    }

    [Fact]
    public void Advise_HireAfterTheWindowOpens_DeletesAtTheWindowThenAdds()
    {
        var advice = WithMaria(Acme(Year2026), S2, Noon(2026, 11, 10), Ada, new LocalDate(2026, 12, 31), Noon(2026, 12, 15));

        var deleteAndAdd = Plan(advice, AdvicePlanKind.DeleteAndAdd);
        Assert.True(deleteAndAdd.IsFeasible);
        Assert.Equal(Usd("136.45"), deleteAndAdd.Total); // 4 seats on 12-01 (120.00) + 17 of 31 days (16.45)
        Assert.Equal(AdvicePlanKind.HoldAndReplace, advice.Recommended!.Kind);
        Assert.Equal(Usd("16.45"), advice.Recommended.Saving);
    }

    [Fact]
    public void Advise_ManagerOnAnAdminsSeat_EveryPlanIsInfeasibleUnauthorized()
    {
        var advice = WithMaria(Acme(), S1, Noon(2026, 3, 10), Mia, new LocalDate(2026, 6, 30), Noon(2026, 4, 15));

        Assert.Null(advice.Recommended);
        Assert.All(advice.Plans, plan => Assert.Equal(OutcomeKind.Unauthorized, plan.BlockedBy!.Kind));
        Assert.Equal([AdvicePlanKind.HoldAndReplace, AdvicePlanKind.DeleteAndAdd], advice.Plans.Select(plan => plan.Kind));
    }

    [Fact]
    public void Advise_LastAdminLeaving_EveryPlanIsInfeasibleLastAdminProtected()
    {
        var advice = TurnoverAdvisor.Advise(Acme(), S1, Noon(2026, 3, 10), Ada, new LocalDate(2026, 6, 30));

        Assert.Null(advice.Recommended);
        Assert.All(advice.Plans, plan => Assert.Equal(OutcomeKind.LastAdminProtected, plan.BlockedBy!.Kind));
    }

    [Fact]
    public void Advise_UnknownSeatOrStranger_IsInfeasibleNotAnException()
    {
        var unknown = TurnoverAdvisor.Advise(Acme(), new SeatId("nope"), Noon(2026, 3, 10), Ada, new LocalDate(2026, 6, 30));
        var stranger = TurnoverAdvisor.Advise(Acme(), S2, Noon(2026, 3, 10), Stranger, new LocalDate(2026, 6, 30));

        Assert.All(unknown.Plans, plan => Assert.Equal(OutcomeKind.SeatNotFound, plan.BlockedBy!.Kind));
        Assert.All(stranger.Plans, plan => Assert.Equal(OutcomeKind.Unauthorized, plan.BlockedBy!.Kind));
    }

    [Fact]
    public void Advise_QuarterlyJpy_HoldingIsCheaperWhenNoBillDateFallsInTheGap()
    {
        var jpy = Account.Open(
            "tokyo",
            LosAngeles,
            Money.Parse("3000", Currency.Jpy),
            new BillingCalendar(BillingCycle.Quarterly, new LocalDate(2026, 1, 1)),
            AcmeSeats());

        var advice = WithMaria(jpy, S2, Noon(2026, 2, 10), Ada, new LocalDate(2026, 6, 30), Noon(2026, 3, 20));

        // Bill on 04-01: 4 × 3000 = 12000 either way; the add on 03-20 pays 12 of 90 days = 400.
        Assert.Equal(AdvicePlanKind.HoldAndReplace, advice.Recommended!.Kind);
        Assert.Equal(Money.Parse("12000", Currency.Jpy), advice.Recommended.Total);
        Assert.Equal(Money.Parse("400", Currency.Jpy), advice.Recommended.Saving);
        Assert.Equal(Money.Parse("12400", Currency.Jpy), Plan(advice, AdvicePlanKind.DeleteAndAdd).Total);
    }

    [Fact]
    public void Advise_AdviceIdsAlreadyInTheHistory_AreSkipped()
    {
        var (_, account) = Run(Acme(), new UpdateAgent(Cmd("advice-1"), Noon(2026, 3, 1), Ada, S3, Name: "Mia Chen-Park"));

        var advice = TurnoverAdvisor.Advise(account, S2, Noon(2026, 3, 10), Ada, new LocalDate(2026, 6, 30));

        Assert.Equal("advice-2", advice.Plans[0].Steps[0].Command.Id.Value);
        Assert.True(advice.Plans[0].IsFeasible);
    }

    [Fact]
    public void Advise_CallerBugs_ThrowNamingTheParameter()
    {
        var account = Acme();
        var leaves = Noon(2026, 3, 10);
        var until = new LocalDate(2026, 6, 30);

        Assert.Equal("until", Assert.Throws<ValueRefusedException>(() => TurnoverAdvisor.Advise(account, S2, leaves, Ada, new LocalDate(2026, 3, 9))).ParamName);
        Assert.Equal("hireAt", Assert.Throws<ValueRefusedException>(() => TurnoverAdvisor.Advise(account, S2, leaves, Ada, until, Noon(2026, 3, 9), "M", "m@acme.test")).ParamName);
        Assert.Equal("hireName", Assert.Throws<ValueRefusedException>(() => TurnoverAdvisor.Advise(account, S2, leaves, Ada, until, Noon(2026, 4, 9), null, "m@acme.test")).ParamName);
        Assert.Equal("hireEmail", Assert.Throws<ValueRefusedException>(() => TurnoverAdvisor.Advise(account, S2, leaves, Ada, until, Noon(2026, 4, 9), "M", " ")).ParamName);
        Assert.Equal("hireAt", Assert.Throws<ValueRefusedException>(() => TurnoverAdvisor.Advise(account, S2, leaves, Ada, until, null, "M", "m@acme.test")).ParamName);
        Assert.Equal("account", Assert.Throws<ArgumentNullException>(() => TurnoverAdvisor.Advise(null!, S2, leaves, Ada, until)).ParamName);
    }
}
