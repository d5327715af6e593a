using System;
using System.Linq;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// Rulebook §13, one rule a test: plans, upgrades, downgrades and price changes (Acme on plans: Integrate 35.00,
/// the default, PowerDialer 95.00, Voice 35.00; billed monthly on the 1st in Los Angeles; s1 Ada Admin, s2 Jimmy
/// Agent, s3 Mia Manager, s4 vacant).
/// </summary>
public sealed partial class TurnoverPolicyTests
{
    private static ChangePlan MovePlan(string id, Instant at, Actor actor, SeatId seat, string plan) => new(Cmd(id), at, actor, seat, plan);

    private static Invoice BillOn(Account account, LocalDate date) =>
        account.Invoices(date, date).Single(invoice => invoice.Kind == InvoiceKind.Bill);

    [Fact]
    public void Open_PlainSeatPrice_IsOnePlanNamedStandard_AndEverySeatAndLineIsOnIt()
    {
        var account = Acme();

        Assert.Equal<Plan>([new Plan(Plan.Standard, Usd("30.00"))], account.Plans);
        Assert.Equal(Plan.Standard, account.DefaultPlan.Name);
        Assert.All(account.ListSeats(), seat => Assert.Equal(Plan.Standard, seat.Plan));
        Assert.All(BillOn(account, new LocalDate(2026, 4, 1)).Lines, line => Assert.Equal((Plan.Standard, Usd("30.00")), (line.Plan, line.Amount)));
    }

    [Fact]
    public void Open_InitialSeatsOnTheirPlans_BillEachAtItsPlansPrice()
    {
        var account = AcmeOnPlans(seats: [.. AcmeSeats().Take(3), InitialSeat.Vacant(S4, plan: "PowerDialer")]);

        var bill = BillOn(account, new LocalDate(2026, 4, 1));

        Assert.Equal(["Integrate", "Integrate", "Integrate", "PowerDialer"], bill.Lines.Select(line => line.Plan));
        Assert.Equal(Usd("200.00"), bill.Total);
        Assert.Equal("PowerDialer", account.FindSeat(S4)!.Plan);
    }

    [Fact]
    public void Open_BadPlans_AreRefusedNamingTheMember()
    {
        Assert.Equal("plans[1].plan", Assert.Throws<ValueRefusedException>(() => AcmeOnPlans(plans: [new Plan("Integrate", Usd("35.00")), new Plan("Integrate", Usd("95.00"))])).Member);
        Assert.Equal("plans[0].plan", Assert.Throws<ValueRefusedException>(() => AcmeOnPlans(plans: [new Plan(" ", Usd("35.00"))])).Member);
        Assert.Equal("plans[0].prices[1].from", Assert.Throws<ValueRefusedException>(() => AcmeOnPlans(plans:
            [new Plan("Integrate", Usd("35.00"), [new PlanPrice(new LocalDate(2027, 1, 1), Usd("36.00")), new PlanPrice(new LocalDate(2027, 1, 1), Usd("37.00"))])])).Member);
        Assert.Equal("plans[0].seatPrice", Assert.Throws<ValueRefusedException>(() => AcmeOnPlans(plans: [new Plan("Integrate", Usd("-1.00"))])).Member);
        Assert.Equal("defaultPlan", Assert.Throws<ValueRefusedException>(() =>
            Account.OpenOnPlans("acme", LosAngeles, TwoPlans(), "Gold", MonthlyOnThe1st, AcmeSeats())).Member);
        var unknownSeatPlan = Assert.Throws<ValueRefusedException>(() => AcmeOnPlans(seats: [InitialSeat.Vacant(S4, plan: "Gold")]));
        Assert.Equal(("plan", 0), (unknownSeatPlan.Member, unknownSeatPlan.SeatIndex));
    }

    [Fact]
    public void AddAgent_OnAPlan_IsProratedAtThatPlansPrice_AndTheSeatIsOnIt()
    {
        var (decision, after) = Run(AcmeOnPlans(), new AddAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent, Plan: "PowerDialer"));

        var added = Assert.IsType<Added>(decision.Outcome.Case);
        Assert.Equal(("PowerDialer", Usd("45.97")), (added.Plan, added.Charge.Amount)); // 95.00 × 15/31: March 17..31 of 31 days
        Assert.Equal("PowerDialer", after.FindSeat(added.Seat)!.Plan);
        var line = after.Invoices(new LocalDate(2026, 3, 17), new LocalDate(2026, 3, 17)).Single().Lines.Single();
        Assert.Equal((InvoiceLineKind.Add, "PowerDialer"), (line.Kind, line.Plan));
    }

    [Fact]
    public void AddAgent_NoPlan_IsOnTheDefaultPlan_UnknownPlanIsInvalidNamingPlan()
    {
        var (decision, after) = Run(AcmeOnPlans(), new AddAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent));
        var unknown = Engine.Decide(AcmeOnPlans(), new AddAgent(Cmd("c2"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent, Plan: "Gold"));

        Assert.Equal("Integrate", after.FindSeat(Assert.IsType<Added>(decision.Outcome.Case).Seat)!.Plan);
        Assert.Equal("plan", Assert.IsType<InvalidCommand>(unknown.Outcome.Case).Field);
    }

    [Fact]
    public void ChangePlan_ToADearerPlan_IsPlanUpgradedAtOnce_ChargedTheProratedDifference_BilledAsAnAdd()
    {
        var (decision, after) = Run(AcmeOnPlans(), MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "PowerDialer"));

        var upgraded = Assert.IsType<PlanUpgraded>(decision.Outcome.Case);
        Assert.Equal(("Integrate", "PowerDialer", Usd("29.03")), (upgraded.From, upgraded.To, upgraded.Charge.Amount)); // (95 − 35) × 15/31
        Assert.Equal(Usd("29.03"), decision.Outcome.ChargedAmount(Currency.Usd));
        Assert.Equal("PowerDialer", after.FindSeat(S2)!.Plan);
        var invoice = after.Invoices(new LocalDate(2026, 3, 17), new LocalDate(2026, 3, 17)).Single();
        Assert.Equal(InvoiceKind.Add, invoice.Kind);
        var line = invoice.Lines.Single();
        Assert.Equal((InvoiceLineKind.Upgrade, S2, "PowerDialer", Usd("29.03")), (line.Kind, line.Seat, line.Plan, line.Amount));
        Assert.Equal(Usd("95.00"), BillOn(after, new LocalDate(2026, 4, 1)).Lines.Single(l => l.Seat == S2).Amount);
    }

    public static TheoryData<string, string> Conventions => new()
    {
        { "day", "29.03" },        // (95.00 − 35.00) × 15/31 = 29.032…
        { "30E/360", "28.00" },    // 60.00 × 14/30
        { "second", "28.10" },     // 60.00 × 1,252,800/2,674,800 s (March has 743 hours in Los Angeles)
        { "Kill Bill", "29.03" },  // 15/31 = 0.483870968 (9 places) × 60.00 = 29.032…
        { "Lago", "29.03" },       // 6000 ÷ 31 per day × 15 = 2903.2… minor units
    };

    [Theory]
    [MemberData(nameof(Conventions))]
    public void ChangePlan_Upgrade_IsTheDifferenceProratedUnderTheAccountsConvention(string convention, string expected)
    {
        var rule = convention switch
        {
            "30E/360" => new ProrationConvention { DayCount = DayCount.Thirty360 },
            "second" => new ProrationConvention { Granularity = ProrationGranularity.Second },
            "Kill Bill" => ProrationConvention.KillBill,
            "Lago" => ProrationConvention.Lago,
            _ => ProrationConvention.Default,
        };

        var (decision, after) = Run(AcmeOnPlans(proration: rule), MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "PowerDialer"));

        var upgraded = Assert.IsType<PlanUpgraded>(decision.Outcome.Case);
        Assert.Equal(Usd(expected), upgraded.Charge.Amount);
        Assert.Equal(upgraded.Charge.Proration.Explain(), after.Invoices(new LocalDate(2026, 3, 17), new LocalDate(2026, 3, 17)).Single().Lines.Single().Explain());
    }

    [Fact]
    public void ChangePlan_UpgradeOnNextBill_IsALineOfTheNextBill()
    {
        var (_, after) = Run(AcmeOnPlans(addCharges: AddChargeBilling.OnNextBill), MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "PowerDialer"));

        var invoices = after.Invoices(new LocalDate(2026, 3, 17), new LocalDate(2026, 4, 1));
        var bill = Assert.Single(invoices);
        Assert.Contains(bill.Lines, line => line.Kind == InvoiceLineKind.Upgrade && line.Amount == Usd("29.03"));
        Assert.Equal(Usd("35.00") * 3 + Usd("95.00") + Usd("29.03"), bill.Total);
    }

    [Fact]
    public void ChangePlan_OnABillDate_IsNotOnThatDaysBill_AndChargesTheWholeDifference()
    {
        var (decision, after) = Run(AcmeOnPlans(), MovePlan("c1", Noon(2026, 4, 1), Ada, S2, "PowerDialer"));

        Assert.Equal(Usd("60.00"), Assert.IsType<PlanUpgraded>(decision.Outcome.Case).Charge.Amount);
        Assert.Equal("Integrate", BillOn(after, new LocalDate(2026, 4, 1)).Lines.Single(l => l.Seat == S2).Plan);
        Assert.Equal("PowerDialer", BillOn(after, new LocalDate(2026, 5, 1)).Lines.Single(l => l.Seat == S2).Plan);
    }

    [Fact]
    public void ChangePlan_SamePrice_IsPlanChangedAtOnce_NothingCharged()
    {
        var (decision, after) = Run(AcmeOnPlans(), MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "Voice"));

        var changed = Assert.IsType<PlanChanged>(decision.Outcome.Case);
        Assert.Equal(("Integrate", "Voice"), (changed.From, changed.To));
        Assert.True(decision.Outcome.ChargedAmount(Currency.Usd).IsZero);
        Assert.Empty(after.Invoices(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 31)));
        Assert.Equal(("Voice", Usd("35.00")), BillOn(after, new LocalDate(2026, 4, 1)).Lines.Single(l => l.Seat == S2) is var line ? (line.Plan, line.Amount) : default);
    }

    [Fact]
    public void ChangePlan_DowngradeOutOfContract_IsScheduledForTheNextBillDate_BilledOnTheOldPlanUntilThen()
    {
        var (_, upgraded) = Run(AcmeOnPlans(), MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "PowerDialer"));

        var (decision, after) = Run(upgraded, MovePlan("c2", Noon(2026, 4, 10), Ada, S2, "Integrate"));

        var downgrade = Assert.IsType<DowngradeScheduled>(decision.Outcome.Case);
        Assert.Equal(("PowerDialer", "Integrate", new LocalDate(2026, 5, 1), (PendingChange?)null), (downgrade.From, downgrade.To, downgrade.Effective, downgrade.Replaced));
        Assert.Equal(PendingChange.Downgrade(new LocalDate(2026, 5, 1), "Integrate"), after.PendingChangeOf(S2));
        Assert.Equal(PendingChange.Downgrade(new LocalDate(2026, 5, 1), "Integrate"), after.PendingChangeOf(S2, new LocalDate(2026, 4, 30)));
        Assert.Null(after.PendingChangeOf(S2, new LocalDate(2026, 5, 1)));
        Assert.Equal("PowerDialer", after.FindSeat(S2)!.Plan);
        Assert.Equal("Integrate", after.FindSeat(S2, new LocalDate(2026, 5, 1))!.Plan);
        Assert.Equal("PowerDialer", after.FindSeat(S2, new LocalDate(2026, 4, 30))!.Plan);
        Assert.Equal(Usd("95.00"), BillOn(after, new LocalDate(2026, 4, 1)).Lines.Single(l => l.Seat == S2).Amount);
        Assert.Equal(Usd("35.00"), BillOn(after, new LocalDate(2026, 5, 1)).Lines.Single(l => l.Seat == S2).Amount);
        Assert.True(decision.Outcome.ChargedAmount(Currency.Usd).IsZero);
    }

    [Fact]
    public void ChangePlan_DowngradeInsideTheLockIn_IsDowngradeBlockedUntilTheWindow_ThenScheduled()
    {
        var account = Run(AcmeOnPlans(Year2026), MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "PowerDialer")).After;

        var blocked = Engine.Decide(account, MovePlan("c2", Noon(2026, 6, 10), Ada, S2, "Integrate"));
        var (allowed, after) = Run(account, MovePlan("c3", Noon(2026, 12, 5), Ada, S2, "Integrate"));

        var refusal = Assert.IsType<DowngradeBlocked>(blocked.Outcome.Case);
        Assert.Equal((S2, new LocalDate(2026, 12, 2)), (refusal.Seat, refusal.AllowedFrom));
        Assert.Empty(blocked.Events);
        Assert.Equal(new LocalDate(2027, 1, 1), Assert.IsType<DowngradeScheduled>(allowed.Outcome.Case).Effective);
        Assert.Equal(2, after.Version);
    }

    [Fact]
    public void ChangePlan_UnknownOrOwnPlan_IsInvalidNamingPlan_OnAMissingSeatItIsSeatNotFound()
    {
        var account = AcmeOnPlans();

        Assert.Equal("plan", Assert.IsType<InvalidCommand>(Engine.Decide(account, MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "Gold")).Outcome.Case).Field);
        Assert.Equal("plan", Assert.IsType<InvalidCommand>(Engine.Decide(account, MovePlan("c2", Noon(2026, 3, 17), Ada, S2, "Integrate")).Outcome.Case).Field);
        Assert.Equal("plan", Assert.IsType<InvalidCommand>(Engine.Decide(account, new ChangePlan(Cmd("c3"), Noon(2026, 3, 17), Ada, S2, null)).Outcome.Case).Field);
        Assert.IsType<SeatNotFound>(Engine.Decide(account, MovePlan("c4", Noon(2026, 3, 17), Ada, new SeatId("s9"), "Integrate")).Outcome.Case);
    }

    [Fact]
    public void ChangePlan_ToTheCurrentPlanWhileADowngradeIsPending_IsInvalidNamingPlan_CancelEndsIt()
    {
        var (_, account) = RunAll(AcmeOnPlans(), MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "PowerDialer"), MovePlan("c2", Noon(2026, 4, 10), Ada, S2, "Integrate"));

        var again = Engine.Decide(account, MovePlan("c3", Noon(2026, 4, 11), Ada, S2, "PowerDialer"));
        var (cancel, after) = Run(account, new CancelScheduledChange(Cmd("c4"), Noon(2026, 4, 11), Ada, S2));

        Assert.Contains("CancelScheduledChange", Assert.IsType<InvalidCommand>(again.Outcome.Case).Reason);
        Assert.Equal(PendingChange.Downgrade(new LocalDate(2026, 5, 1), "Integrate"), Assert.IsType<ScheduleCancelled>(cancel.Outcome.Case).Cancelled);
        Assert.Null(after.PendingChangeOf(S2));
        Assert.Equal(Usd("95.00"), BillOn(after, new LocalDate(2026, 5, 1)).Lines.Single(l => l.Seat == S2).Amount);
    }

    [Fact]
    public void ChangePlan_ByAManagerOnAnAdminsSeat_IsUnauthorized()
    {
        var decision = Engine.Decide(AcmeOnPlans(), MovePlan("c1", Noon(2026, 3, 17), Mia, S1, "PowerDialer"));

        Assert.IsType<Unauthorized>(decision.Outcome.Case);
    }

    [Fact]
    public void ReplaceAgent_KeepsTheSeatsPlan()
    {
        var (_, after) = RunAll(AcmeOnPlans(), MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "PowerDialer"), new ReplaceAgent(Cmd("c2"), Noon(2026, 3, 18), Ada, S2, "Nina Lee", "nina@acme.test"));

        Assert.Equal("PowerDialer", after.FindSeat(S2)!.Plan);
    }

    [Fact]
    public void PendingChanges_ADowngradeReplacesAPendingDeletion_AndTheSeatStays()
    {
        var (_, account) = RunAll(AcmeOnPlans(), MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "PowerDialer"), DeleteAtNextBill("c2", Noon(2026, 4, 3), Support, S2));

        var (decision, after) = Run(account, MovePlan("c3", Noon(2026, 4, 10), Ada, S2, "Integrate"));

        Assert.Equal(PendingChange.Deletion(new LocalDate(2026, 4, 30)), Assert.IsType<DowngradeScheduled>(decision.Outcome.Case).Replaced);
        Assert.NotNull(after.FindSeat(S2, new LocalDate(2026, 6, 1)));
        Assert.Equal(Usd("35.00"), BillOn(after, new LocalDate(2026, 5, 1)).Lines.Single(l => l.Seat == S2).Amount);
        Assert.Contains(after.SeatTimelines(), timeline => timeline.Seat == S2 && timeline.Deletion is null);
    }

    [Fact]
    public void PendingChanges_AScheduledDeletionReplacesAPendingDowngrade_AnUpgradeEndsIt_AnImmediateDeletionEndsIt()
    {
        var (_, pending) = RunAll(AcmeOnPlans(), MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "PowerDialer"), MovePlan("c2", Noon(2026, 4, 10), Ada, S2, "Integrate"));

        var (deletion, _) = Run(pending, DeleteAtNextBill("c3", Noon(2026, 4, 11), Support, S2));
        var (_, upgradedAgain) = RunAll(pending, MovePlan("c4", Noon(2026, 4, 11), Ada, S2, "Voice"));
        var (_, deleted) = Run(pending, new DeleteAgent(Cmd("c5"), Noon(2026, 4, 11), Support, S2));

        Assert.Equal(PendingChange.Downgrade(new LocalDate(2026, 5, 1), "Integrate"), Assert.IsType<DeletionScheduled>(deletion.Outcome.Case).Replaced);
        Assert.Null(deleted.PendingChangeOf(S2));
        Assert.Equal("Voice", upgradedAgain.FindSeat(S2, new LocalDate(2026, 6, 1))!.Plan);
    }

    [Fact]
    public void PriceChange_ABillUsesThePriceInEffectOnItsDate_AnAddThePriceOnItsPeriodsStart()
    {
        var account = AcmeOnPlans(seats: [InitialSeat.Occupied(S1, "Ada Park", "ada@acme.test", Role.Admin, plan: "PowerDialer")],
            plans: TwoPlans(new PlanPrice(new LocalDate(2026, 5, 1), Usd("99.00")), new PlanPrice(new LocalDate(2026, 5, 15), Usd("120.00"))));

        var (add, after) = Run(account, new AddAgent(Cmd("c1"), Noon(2026, 5, 20), Ada, "Omar Diaz", "omar@acme.test", Role.Agent, Plan: "PowerDialer"));

        Assert.Equal(Usd("95.00"), BillOn(after, new LocalDate(2026, 4, 1)).Total);
        Assert.Equal(Usd("99.00"), BillOn(after, new LocalDate(2026, 5, 1)).Lines.Single(l => l.Seat == S1).Amount);
        Assert.Equal(Usd("120.00"), BillOn(after, new LocalDate(2026, 6, 1)).Lines.Single(l => l.Seat == S1).Amount);
        Assert.Equal(Usd("38.32"), Assert.IsType<Added>(add.Outcome.Case).Charge.Amount); // 99.00 × 12/31: the price on May 1
    }

    [Fact]
    public void PriceChange_AContractHoldsTheTermsPriceUntilItRenews()
    {
        var renewing = new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), autoRenew: true);
        var account = AcmeOnPlans(renewing, seats: [InitialSeat.Occupied(S1, "Ada Park", "ada@acme.test", Role.Admin, plan: "PowerDialer")],
            plans: TwoPlans(new PlanPrice(new LocalDate(2026, 6, 1), Usd("99.00"))));

        Assert.Equal(Usd("95.00"), BillOn(account, new LocalDate(2026, 6, 1)).Total);
        Assert.Equal(Usd("95.00"), BillOn(account, new LocalDate(2026, 12, 1)).Total);
        Assert.Equal(Usd("99.00"), BillOn(account, new LocalDate(2027, 1, 1)).Total);
        var noContract = AcmeOnPlans(seats: [InitialSeat.Occupied(S1, "Ada Park", "ada@acme.test", Role.Admin, plan: "PowerDialer")],
            plans: TwoPlans(new PlanPrice(new LocalDate(2026, 6, 1), Usd("99.00"))));
        Assert.Equal(Usd("99.00"), BillOn(noContract, new LocalDate(2026, 6, 1)).Total);
    }

    [Fact]
    public void ChangePlan_ResentWithAnEarlierInstant_TheBillsFollowTheHistorysLastMove_AsTheAccountDoes()
    {
        // Voice is Integrate's price: both moves are PlanChanged. The second command carries an instant before the first's.
        var (_, after) = RunAll(AcmeOnPlans(), MovePlan("c1", Noon(2026, 8, 7), Ada, S2, "Voice"), MovePlan("c2", Noon(2026, 7, 10), Ada, S2, "Integrate"));

        Assert.Equal("Integrate", after.FindSeat(S2)!.Plan);
        Assert.Equal("Integrate", BillOn(after, new LocalDate(2026, 9, 1)).Lines.Single(l => l.Seat == S2).Plan);
        Assert.Equal("Integrate", BillOn(after, new LocalDate(2026, 8, 1)).Lines.Single(l => l.Seat == S2).Plan);
    }

    [Fact]
    public void Apply_PlanEventsThatDoNotFit_AreRefused()
    {
        var account = AcmeOnPlans();
        var charge = new ChargeIncurred(S2, Proration.Prorate(Usd("60.00"), MonthlyOnThe1st, Noon(2026, 3, 17), LosAngeles, ProrationConvention.Default));

        Assert.Throws<ArgumentException>(() => account.Apply(new PlanUpgraded(MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "Gold"), 1, S2, "Integrate", charge)));
        Assert.Throws<ArgumentException>(() => account.Apply(new PlanChanged(new DeactivateAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S2), 1, S2, "Integrate")));
        Assert.Throws<ArgumentException>(() => account.Apply(new DowngradeScheduled(MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "Voice"), 1, S2, "Integrate", new LocalDate(2026, 3, 17), null)));
        Assert.Throws<ArgumentException>(() => account.Apply(new Added(new AddAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent), 1, new SeatId("s9"),
            new Agent(new AgentId(4), "Omar Diaz", "omar@acme.test", Role.Agent), SeatAssets.None, charge, "Gold")));
        Assert.Equal(0, account.Version);
    }

    [Fact]
    public void Plans_ReplayRebuildsTheAccount_AndEveryEventReadsAsTheOutcome()
    {
        var (decisions, after) = RunAll(
            AcmeOnPlans(Year2026),
            MovePlan("c1", Noon(2026, 3, 17), Ada, S2, "PowerDialer"),
            MovePlan("c2", Noon(2026, 3, 18), Ada, S3, "Voice"),
            MovePlan("c3", Noon(2026, 12, 5), Ada, S2, "Integrate"),
            new AddAgent(Cmd("c4"), Noon(2026, 12, 6), Ada, "Omar Diaz", "omar@acme.test", Role.Agent, Plan: "PowerDialer"));

        Assert.Equal(after, after.AtOpening().Apply(after.History));
        Assert.Equal(after, after.History.Aggregate(after.AtOpening(), (account, change) => account.Apply(change)));
        Assert.Equal([OutcomeKind.PlanUpgraded, OutcomeKind.PlanChanged, OutcomeKind.DowngradeScheduled, OutcomeKind.Added], Kinds(decisions));
        Assert.Equal(after.AtOpening().Apply(after.History).Invoices(new LocalDate(2026, 1, 1), new LocalDate(2027, 3, 1)), after.Invoices(new LocalDate(2026, 1, 1), new LocalDate(2027, 3, 1)));
    }
}
