using System.Linq;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// The stories of the source article (a help page on managing agent turnover), one example each:
/// replace instead of delete, hold a seat vacant, contract lock-in, deletion through support,
/// every add charges, and deletion never refunds.
/// </summary>
public sealed partial class TurnoverPolicyTests
{
    // "The new agent will acquire the direct number, caller ID, ring group placement(s), and devices
    // of the old, and will be automatically e-mailed a setup guide."
    [Fact]
    public void ReplaceAgent_OccupiedSeat_NewAgentInheritsNumberCallerIdRingGroupsAndDevices()
    {
        var account = Acme();
        var replace = new ReplaceAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S2, "Nina Lee", "nina@acme.test");

        var (decision, after) = Run(account, replace);

        var replaced = Assert.IsType<Replaced>(decision.Outcome.Case);
        Assert.Equal(S2, replaced.Seat);
        Assert.Equal(JimmysAssets, replaced.Inherited);
        Assert.Equal("nina@acme.test", replaced.SetupGuideSentTo);
        Assert.Equal("Nina Lee", replaced.NewAgent.Name);
        Assert.Equal("Jimmy Doe", replaced.PreviousAgent?.Name);
        Assert.NotEqual(replaced.PreviousAgent?.Id, replaced.NewAgent.Id);

        var seat = after.FindSeat(S2);
        Assert.NotNull(seat);
        Assert.Equal(JimmysAssets, seat.Assets);
        Assert.Equal("nina@acme.test", seat.Occupant?.Email);
        Assert.Null(after.FindSeatOf("jimmy@acme.test"));
        Assert.Equal(account.SeatCount, after.SeatCount);
        Assert.True(decision.Outcome.ChargedAmount(Currency.Usd).IsZero);

        var former = Assert.Single(after.FormerOccupants());
        Assert.Equal(("Jimmy Doe", S2, OutcomeKind.Replaced), (former.Agent.Name, former.Seat, former.How));
        Assert.Equal((replace.At, Ada, replace.Id), (former.At, former.By, former.Command));
    }

    [Fact]
    public void ReplaceAgent_OutgoingManager_LosesAccessAndIncomingManagerGainsIt()
    {
        var (decisions, _) = RunAll(
            Acme(),
            new ReplaceAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S3, "Noor Ali", "noor@acme.test"),
            new DeactivateAgent(Cmd("c2"), Noon(2026, 3, 18), Mia, S2),
            new DeactivateAgent(Cmd("c3"), Noon(2026, 3, 18), new Actor("noor@acme.test"), S2));

        Assert.Equal([OutcomeKind.Replaced, OutcomeKind.Unauthorized, OutcomeKind.Deactivated], Kinds(decisions));
        Assert.Equal(Role.Manager, Assert.IsType<Replaced>(decisions[0].Outcome.Case).NewAgent.Role);
    }

    // "Deactivating a User (to be replaced at a later time)": the article's jimmy_replaceme@ trick,
    // done properly as DeactivateAgent now and ReplaceAgent later.
    [Fact]
    public void DeactivateThenReplace_HeldSeat_StaysBilledWhileVacantAndIsReactivatedWithItsAssetsForFree()
    {
        var account = Acme();

        var (deactivation, vacant) = Run(account, new DeactivateAgent(Cmd("c1"), Noon(2026, 3, 10), Ada, S2));

        var deactivated = Assert.IsType<Deactivated>(deactivation.Outcome.Case);
        Assert.Equal(("Jimmy Doe", JimmysAssets), (deactivated.FormerAgent.Name, deactivated.Kept));
        Assert.True(vacant.FindSeat(S2)?.IsVacant);
        Assert.Equal(4, vacant.SeatCount);
        var bill = vacant.PreviewNextBill(new LocalDate(2026, 3, 10));
        Assert.Equal((new LocalDate(2026, 4, 1), 4, Usd("120.00")), (bill.Date, bill.Seats, bill.Total));

        var (reactivation, refilled) = Run(vacant, new ReplaceAgent(Cmd("c2"), Noon(2026, 4, 15), Ada, S2, "Nina Lee", "nina@acme.test"));

        var replaced = Assert.IsType<Replaced>(reactivation.Outcome.Case);
        Assert.Null(replaced.PreviousAgent);
        Assert.Equal(JimmysAssets, replaced.Inherited);
        Assert.Equal(Role.Agent, replaced.NewAgent.Role);
        Assert.Equal("nina@acme.test", replaced.SetupGuideSentTo);
        Assert.True(reactivation.Outcome.ChargedAmount(Currency.Usd).IsZero);
        Assert.Equal(4, refilled.SeatCount);
        Assert.Equal(JimmysAssets, refilled.FindSeat(S2)?.Assets);
        Assert.DoesNotContain(refilled.History, change => change is Added);
    }

    // "Downgrading or deleting users is only possible within the last 30 days of your contract term."
    [Fact]
    public void DeleteAgent_ContractBeforeItsLast30Days_IsBlockedUntilTheWindowAndSupportDeletesInIt()
    {
        var account = Acme(Year2026);

        var (byAdmin, _) = Run(account, new DeleteAgent(Cmd("c1"), Noon(2026, 12, 1), Ada, S2));
        var (bySupportTooEarly, _) = Run(account, new DeleteAgent(Cmd("c2"), Noon(2026, 12, 1), Support, S2));
        var (bySupportInWindow, after) = Run(account, new DeleteAgent(Cmd("c3"), Noon(2026, 12, 2), Support, S2));

        var blocked = Assert.IsType<DeletionBlocked>(byAdmin.Outcome.Case);
        Assert.Equal(new LocalDate(2026, 12, 2), blocked.AllowedFrom);
        Assert.Equal([TurnoverAlternative.Replace, TurnoverAlternative.Deactivate], blocked.Alternatives.ToArray());
        Assert.Contains("lock-in", blocked.Reason, System.StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.DeletionBlocked, bySupportTooEarly.Outcome.Kind);
        Assert.Equal(OutcomeKind.Deleted, bySupportInWindow.Outcome.Kind);
        Assert.Null(after.FindSeat(S2));
    }

    [Fact]
    public void DeleteAgent_ContractInItsLast30Days_IsAllowedThroughSupport()
    {
        var account = Acme(Year2026);

        var (byAdmin, _) = Run(account, new DeleteAgent(Cmd("c1"), Noon(2026, 12, 15), Ada, S2));
        var (bySupportOnTheLastDay, _) = Run(account, new DeleteAgent(Cmd("c2"), Noon(2026, 12, 31), Support, S2));

        Assert.Equal(OutcomeKind.DeletionRequiresSupport, byAdmin.Outcome.Kind);
        Assert.Equal(OutcomeKind.Deleted, bySupportOnTheLastDay.Outcome.Kind);
    }

    [Fact]
    public void DeleteAgent_EveningBeforeTheWindowInTheAccountsZone_IsStillBlocked()
    {
        // 2026-12-02T07:30Z is 23:30 on 2026-12-01 in Los Angeles: the local date decides.
        var late = Instant.FromUtc(2026, 12, 2, 7, 30);

        var (decision, _) = Run(Acme(Year2026), new DeleteAgent(Cmd("c1"), late, Support, S2));

        Assert.Equal(OutcomeKind.DeletionBlocked, decision.Outcome.Kind);
    }

    // "To delete a user that you're not going to replace before your next bill date, please reach
    // out to your account manager or our support team."
    [Fact]
    public void DeleteAgent_NonContractAccount_GoesThroughSupportAndTheSeatLeavesTheNextBill()
    {
        var account = Acme();

        var (byAdmin, _) = Run(account, new DeleteAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S2));
        var (bySupport, after) = Run(account, new DeleteAgent(Cmd("c2"), Noon(2026, 3, 17), Support, S2));
        var (later, _) = Run(after, new ReplaceAgent(Cmd("c3"), Noon(2026, 3, 18), Ada, S2, "Nina Lee", "nina@acme.test"));

        var viaSupport = Assert.IsType<DeletionRequiresSupport>(byAdmin.Outcome.Case);
        Assert.Contains("support@kixie.com", viaSupport.HowToReachSupport, System.StringComparison.Ordinal);
        var deleted = Assert.IsType<Deleted>(bySupport.Outcome.Case);
        Assert.Equal(("Jimmy Doe", JimmysAssets, new LocalDate(2026, 4, 1)), (deleted.FormerAgent?.Name, deleted.Released, deleted.OffBillFrom));
        Assert.Equal(OutcomeKind.SeatNotFound, later.Outcome.Kind);
        Assert.Equal(new NextBill(new LocalDate(2026, 4, 1), 3, Usd("30.00"), Usd("90.00")), after.PreviewNextBill(new LocalDate(2026, 3, 17)));
        Assert.Equal(new NextBill(new LocalDate(2026, 4, 1), 4, Usd("30.00"), Usd("120.00")), account.PreviewNextBill(new LocalDate(2026, 3, 17)));
    }

    // "Adding a new user always generates a pro-rated charge."
    [Fact]
    public void AddAgent_MidPeriod_ChargesThePriceTimesTheDaysLeftOverTheDaysInThePeriod()
    {
        var add = new AddAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent);

        var (decision, after) = Run(Acme(), add);

        var added = Assert.IsType<Added>(decision.Outcome.Case);
        Assert.Equal(Usd("14.52"), added.Charge.Amount);
        Assert.Equal((15L, 31L), (added.Charge.Proration.UnitsRemaining, added.Charge.Proration.UnitsInPeriod));
        Assert.Equal(new LocalDate(2026, 3, 1), added.Charge.Proration.Period.Start);
        Assert.Equal(Usd("14.52"), decision.Outcome.ChargedAmount(Currency.Usd));
        Assert.Equal(5, after.SeatCount);
        var charged = Assert.IsType<Added>(Assert.Single(decision.Events));
        Assert.Equal(Usd("14.52"), charged.Charge.Amount);
    }

    [Fact]
    public void AddAgent_OnABillDate_ChargesTheFullPrice()
    {
        var (decision, _) = Run(Acme(), new AddAgent(Cmd("c1"), Noon(2026, 4, 1), Support, "Omar Diaz", "omar@acme.test", Role.Agent));

        Assert.Equal(Usd("30.00"), Assert.IsType<Added>(decision.Outcome.Case).Charge.Amount);
    }

    // "Note: There are no prorated refunds when you delete a user."
    [Fact]
    public void DeleteAgent_TheDayAfterTheBillDate_RefundsNothing()
    {
        var (decision, after) = Run(Acme(), new DeleteAgent(Cmd("c1"), Noon(2026, 3, 2), Support, S2));

        var deleted = Assert.IsType<Deleted>(decision.Outcome.Case);
        Assert.True(decision.Outcome.ChargedAmount(Currency.Usd).IsZero);
        var paid = Assert.Single(after.Invoices(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 1)));
        Assert.Contains(paid.Lines, line => line.Seat == S2 && line.Amount == Money.Parse("30.00", Currency.Usd));
        Assert.DoesNotContain(after.Invoices(new LocalDate(2026, 3, 2), new LocalDate(2026, 12, 31)).SelectMany(invoice => invoice.Lines), line => line.Amount.IsNegative);
        Assert.DoesNotContain(after.History, change => change is Added);
        Assert.Equal(new LocalDate(2026, 4, 1), deleted.OffBillFrom);
        Assert.Equal(3, after.SeatCount);
    }
}
