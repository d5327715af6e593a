using System.Linq;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// Rulebook §12, one rule a test: a deletion that takes effect later (Acme is billed monthly on the 1st, in
/// Los Angeles; s1 Ada Admin, s2 Jimmy Agent, s3 Mia Manager, s4 vacant).
/// </summary>
public sealed partial class TurnoverPolicyTests
{
    private static DeleteAgent DeleteAtNextBill(string id, Instant at, Actor actor, SeatId seat) =>
        new(Cmd(id), at, actor, seat, Effective: DeletionEffective.NextBill);

    private static (SeatId, Agent?, SeatAssets, Role) SeatFacts(Seat seat) => (seat.Id, seat.Occupant, seat.Assets, seat.LastRole);

    private static DeleteAgent DeleteAtTermEnd(string id, Instant at, Actor actor, SeatId seat) =>
        new(Cmd(id), at, actor, seat, Effective: DeletionEffective.TermEnd);

    [Fact]
    public void DeleteAgent_NextBill_LastDayIsTheDayBeforeTheNextBillDate()
    {
        var (decision, after) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));

        var scheduled = Assert.IsType<DeletionScheduled>(decision.Outcome.Case);
        Assert.Equal(new LocalDate(2026, 3, 31), scheduled.LastDay);
        Assert.Null(scheduled.Replaced);
        Assert.Equal(PendingChange.Deletion(new LocalDate(2026, 3, 31)), after.PendingChangeOf(S2));
        Assert.Equal(1, after.Version);
        Assert.True(decision.Outcome.ChargedAmount(Currency.Usd).IsZero);
    }

    [Fact]
    public void DeleteAgent_NextBillOnTheDayBeforeABillDate_IsItsOwnLastDay()
    {
        var (decision, _) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 31), Support, S2));

        Assert.Equal(new LocalDate(2026, 3, 31), Assert.IsType<DeletionScheduled>(decision.Outcome.Case).LastDay);
    }

    [Fact]
    public void DeleteAgent_TermEnd_LastDayIsTheTermsLastDay_AlwaysInsideTheWindow()
    {
        var (decision, _) = Run(Acme(Year2026), DeleteAtTermEnd("c1", Noon(2026, 3, 10), Support, S2));

        Assert.Equal(new LocalDate(2026, 12, 31), Assert.IsType<DeletionScheduled>(decision.Outcome.Case).LastDay);
    }

    [Fact]
    public void DeleteAgent_TermEndOnARenewingContract_EndsTheTermHoldingTheDay()
    {
        var (decision, _) = Run(Acme(Year2026Renewing), DeleteAtTermEnd("c1", Noon(2027, 2, 10), Support, S2));

        Assert.Equal(new LocalDate(2027, 12, 31), Assert.IsType<DeletionScheduled>(decision.Outcome.Case).LastDay);
    }

    [Fact]
    public void DeleteAgent_TermEndWithoutAContract_IsInvalidCommandNamingEffective()
    {
        var (decision, after) = Run(Acme(), DeleteAtTermEnd("c1", Noon(2026, 3, 10), Support, S2));

        Assert.Equal("effective", Assert.IsType<InvalidCommand>(decision.Outcome.Case).Field);
        Assert.Equal(0, after.Version);
    }

    [Fact]
    public void DeleteAgent_TermEndBeforeTheFirstTermOrAfterAnUnrenewedEnd_IsInvalidCommandNamingEffective()
    {
        var (before, _) = Run(Acme(Year2026), DeleteAtTermEnd("c1", Noon(2025, 12, 10), Support, S2));
        var (afterEnd, _) = Run(Acme(Year2026), DeleteAtTermEnd("c2", Noon(2027, 1, 10), Support, S2));

        Assert.Equal("effective", Assert.IsType<InvalidCommand>(before.Outcome.Case).Field);
        Assert.Equal("effective", Assert.IsType<InvalidCommand>(afterEnd.Outcome.Case).Field);
    }

    [Fact]
    public void DeleteAgent_UnknownEffective_IsInvalidCommandNamingEffective()
    {
        var (decision, _) = Run(Acme(), new DeleteAgent(Cmd("c1"), Noon(2026, 3, 10), Support, S2, Effective: (DeletionEffective)7));

        Assert.Equal("effective", Assert.IsType<InvalidCommand>(decision.Outcome.Case).Field);
    }

    [Fact]
    public void DeleteAgent_NextBillUnderAContract_IsJudgedOnTheLastDay_BlockedOutsideTheWindowAndAllowedInIt()
    {
        var (march, _) = Run(Acme(Year2026), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));
        var (november, _) = Run(Acme(Year2026), DeleteAtNextBill("c2", Noon(2026, 11, 10), Support, S2));
        var (december, _) = Run(Acme(Year2026), DeleteAtNextBill("c3", Noon(2026, 12, 10), Support, S2));

        // November's last day is 2026-11-30, before the window opens on 2026-12-02; December's is 2026-12-31.
        var blocked = Assert.IsType<DeletionBlocked>(march.Outcome.Case);
        Assert.Equal(new LocalDate(2026, 12, 2), blocked.AllowedFrom);
        Assert.Equal("contract lock-in: the term 2026-01-01..2026-12-31 allows deleting seats only in its last 30 days", blocked.Reason);
        Assert.Equal(new LocalDate(2026, 12, 2), Assert.IsType<DeletionBlocked>(november.Outcome.Case).AllowedFrom);
        Assert.Equal(new LocalDate(2026, 12, 31), Assert.IsType<DeletionScheduled>(december.Outcome.Case).LastDay);
    }

    [Fact]
    public void DeleteAgent_ScheduledByAnAdmin_GoesThroughSupport_AndSupportMaySchedule()
    {
        var (byAdmin, _) = Run(Acme(Year2026), DeleteAtTermEnd("c1", Noon(2026, 3, 10), Ada, S2));
        var (bySupport, _) = Run(Acme(Year2026), DeleteAtTermEnd("c2", Noon(2026, 3, 10), Support, S2));

        Assert.Equal(OutcomeKind.DeletionRequiresSupport, byAdmin.Outcome.Kind);
        Assert.Equal(OutcomeKind.DeletionScheduled, bySupport.Outcome.Kind);
    }

    [Fact]
    public void ScheduledDeletion_UntilTheEndOfTheLastDay_TheSeatIsAsBefore_ReplacedDeactivatedUpdated()
    {
        var (_, scheduled) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));
        var (decisions, after) = RunAll(
            scheduled,
            new ReplaceAgent(Cmd("c2"), Noon(2026, 3, 20), Ada, S2, "Cy Ho", "cy@acme.test"),
            new UpdateAgent(Cmd("c3"), Noon(2026, 3, 25), Ada, S2, Name: "Cy Hu"),
            new DeactivateAgent(Cmd("c4"), new LocalDateTime(2026, 3, 31, 23, 59).InZoneStrictly(LosAngeles).ToInstant(), Ada, S2));

        Assert.Equal([OutcomeKind.Replaced, OutcomeKind.Updated, OutcomeKind.Deactivated], Kinds(decisions));
        Assert.Equal(PendingChange.Deletion(new LocalDate(2026, 3, 31)), after.PendingChangeOf(S2)); // kept by all three
    }

    [Fact]
    public void ScheduledDeletion_FromTheDayAfterTheLastDay_TheSeatIsGone_WithoutAnyCommand()
    {
        var (_, scheduled) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));
        var firstMinute = new LocalDateTime(2026, 4, 1, 0, 0).InZoneStrictly(LosAngeles).ToInstant();

        var (notFound, _) = Run(scheduled, new DeactivateAgent(Cmd("c2"), firstMinute, Ada, S2));
        var (emailFree, after) = Run(scheduled, new AddAgent(Cmd("c3"), firstMinute, Ada, "Jimmy Again", "jimmy@acme.test", Role.Agent));

        Assert.Equal(OutcomeKind.SeatNotFound, notFound.Outcome.Kind);
        Assert.Equal(OutcomeKind.Added, emailFree.Outcome.Kind);
        Assert.Null(after.FindSeat(S2));
        Assert.Null(scheduled.AsOf(new LocalDate(2026, 4, 1)).FindSeat(S2));
        Assert.NotNull(scheduled.AsOf(new LocalDate(2026, 3, 31)).FindSeat(S2));
    }

    [Fact]
    public void ScheduledDeletion_IsOnEveryBillThroughTheLastDay_AndOnNoneAfter()
    {
        var (_, scheduled) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));

        var april = scheduled.Invoices(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 1)).Single();
        var preview = scheduled.PreviewNextInvoice(new LocalDate(2026, 3, 10));

        Assert.DoesNotContain(april.Lines, line => line.Seat == S2);
        Assert.Equal(Usd("90.00"), april.Total);
        Assert.Equal(april, preview);
    }

    [Fact]
    public void ScheduledDeletion_GivesTheInvoicesAndAccountOfAnImmediateDeletionOnTheLastDay()
    {
        var (_, scheduled) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));
        var (_, immediate) = Run(Acme(), new DeleteAgent(Cmd("c1"), Noon(2026, 3, 31), Support, S2));
        var (from, through) = (new LocalDate(2026, 4, 1), new LocalDate(2026, 12, 31));

        Assert.Equal(immediate.Invoices(from, through), scheduled.Invoices(from, through));
        Assert.Equal(immediate.AsOf(from).ListSeats().Select(SeatFacts), scheduled.AsOf(from).ListSeats().Select(SeatFacts));
        Assert.Equal(immediate.AsOf(from).SeatCount, scheduled.AsOf(from).SeatCount);
    }

    [Fact]
    public void ScheduledDeletion_HistoryShowsItTakingEffectOnTheLastDay_ByTheCommandThatScheduledIt()
    {
        var (_, scheduled) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));
        var (_, after) = Run(scheduled, new DeactivateAgent(Cmd("c2"), Noon(2026, 4, 2), Ada, S3));

        var timeline = after.SeatTimelines().Single(seat => seat.Seat == S2);
        var left = after.FormerOccupants().Single(person => person.Seat == S2);

        Assert.Equal(new LocalDate(2026, 3, 31), timeline.LastDay);
        Assert.IsType<DeletionScheduled>(timeline.Deletion);
        Assert.Equal((OutcomeKind.Deleted, Cmd("c1"), Support), (left.How, left.Command, left.By));
        Assert.Equal(new LocalDate(2026, 4, 1).AtStartOfDayInZone(LosAngeles).ToInstant(), left.At);
    }

    [Fact]
    public void CancelScheduledChange_EndsThePendingDeletion_AndChangesNoInvoice()
    {
        var (_, scheduled) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));
        var (cancel, after) = Run(scheduled, new CancelScheduledChange(Cmd("c2"), Noon(2026, 3, 12), Ada, S2));
        var (from, through) = (new LocalDate(2026, 3, 10), new LocalDate(2026, 12, 31));

        var cancelled = Assert.IsType<ScheduleCancelled>(cancel.Outcome.Case);
        Assert.Equal(PendingChange.Deletion(new LocalDate(2026, 3, 31)), cancelled.Cancelled);
        Assert.Null(after.PendingChangeOf(S2));
        Assert.Equal(Acme().Invoices(from, through), after.Invoices(from, through));
        Assert.Equal(Acme().PreviewNextBill(new LocalDate(2026, 4, 15)), after.PreviewNextBill(new LocalDate(2026, 4, 15))); // a cancel leaves no deletion to count
        Assert.NotNull(after.AsOf(new LocalDate(2026, 6, 1)).FindSeat(S2));
    }

    [Fact]
    public void CancelScheduledChange_WithNothingPending_IsNothingScheduled_AndLeavesNoTrace()
    {
        var account = Acme();
        var (decision, after) = Run(account, new CancelScheduledChange(Cmd("c1"), Noon(2026, 3, 12), Ada, S2));
        var (again, _) = Run(after, new CancelScheduledChange(Cmd("c1"), Noon(2026, 3, 12), Ada, S3));

        Assert.Equal(S2, Assert.IsType<NothingScheduled>(decision.Outcome.Case).Seat);
        Assert.False(decision.Outcome.IsAccepted);
        Assert.Empty(decision.Events);
        Assert.Same(account, after);
        Assert.Equal(OutcomeKind.NothingScheduled, again.Outcome.Kind); // its id was not remembered: no InvalidCommand
    }

    [Fact]
    public void CancelScheduledChange_ByAManagerOnAnAdminsSeat_IsUnauthorized_ByAStranger_Unauthorized()
    {
        var (byManager, _) = Run(Acme(), new CancelScheduledChange(Cmd("c1"), Noon(2026, 3, 12), Mia, S1));
        var (byStranger, _) = Run(Acme(), new CancelScheduledChange(Cmd("c2"), Noon(2026, 3, 12), Stranger, S2));

        Assert.Equal(OutcomeKind.Unauthorized, byManager.Outcome.Kind);
        Assert.Equal(OutcomeKind.Unauthorized, byStranger.Outcome.Kind);
    }

    [Fact]
    public void CancelScheduledChange_WithoutASeat_IsInvalidCommandNamingSeat_OnAnUnknownSeat_SeatNotFound()
    {
        var (noSeat, _) = Run(Acme(), new CancelScheduledChange(Cmd("c1"), Noon(2026, 3, 12), Ada, default));
        var (unknown, _) = Run(Acme(), new CancelScheduledChange(Cmd("c2"), Noon(2026, 3, 12), Ada, new SeatId("nope")));

        Assert.Equal("seat", Assert.IsType<InvalidCommand>(noSeat.Outcome.Case).Field);
        Assert.Equal(OutcomeKind.SeatNotFound, unknown.Outcome.Kind);
    }

    [Fact]
    public void DeleteAgent_ScheduledAgain_ReplacesThePendingOne_AndNamesTheLastDayItReplaced()
    {
        var (_, first) = Run(Acme(Year2026), DeleteAtNextBill("c1", Noon(2026, 12, 5), Support, S2));
        var (second, after) = Run(first, DeleteAtTermEnd("c2", Noon(2026, 12, 6), Support, S2));

        var again = Assert.IsType<DeletionScheduled>(second.Outcome.Case);
        Assert.Equal(PendingChange.Deletion(new LocalDate(2026, 12, 31)), again.Pending);
        Assert.Equal(PendingChange.Deletion(new LocalDate(2026, 12, 31)), again.Replaced);
        Assert.Equal(PendingChange.Deletion(new LocalDate(2026, 12, 31)), after.PendingChangeOf(S2));
    }

    [Fact]
    public void DeleteAgent_ImmediateAfterASchedule_EndsThePendingDeletion()
    {
        var (_, scheduled) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));
        var (deleted, after) = Run(scheduled, new DeleteAgent(Cmd("c2"), Noon(2026, 3, 15), Support, S2));

        Assert.Equal(OutcomeKind.Deleted, deleted.Outcome.Kind);
        Assert.Null(after.PendingChangeOf(S2));
        Assert.Equal(new LocalDate(2026, 3, 15), after.SeatTimelines().Single(seat => seat.Seat == S2).LastDay);
    }

    [Fact]
    public void LastAdminProtected_CountsPendingDeletionsAsDone()
    {
        var seats = AcmeSeats().Add(InitialSeat.Occupied(new SeatId("s5"), "Bea Admin", "bea@acme.test", Role.Admin));
        var account = Acme(seats: seats);
        var (_, oneAdminLeft) = Run(account, DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, new SeatId("s5")));

        var (scheduleTheOther, _) = Run(oneAdminLeft, DeleteAtNextBill("c2", Noon(2026, 3, 11), Support, S1));
        var (deactivateTheOther, _) = Run(oneAdminLeft, new DeactivateAgent(Cmd("c3"), Noon(2026, 3, 11), Support, S1));
        var (deactivateThePending, _) = Run(oneAdminLeft, new DeactivateAgent(Cmd("c4"), Noon(2026, 3, 11), Support, new SeatId("s5")));

        Assert.Equal(OutcomeKind.LastAdminProtected, scheduleTheOther.Outcome.Kind);
        Assert.Equal(OutcomeKind.LastAdminProtected, deactivateTheOther.Outcome.Kind);
        Assert.Equal(OutcomeKind.Deactivated, deactivateThePending.Outcome.Kind);
    }

    [Fact]
    public void ScheduledDeletion_ReplayedCommandId_IsTheOriginalOutcome_AndChangesNothing()
    {
        var command = DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2);
        var (_, scheduled) = Run(Acme(), command);

        var (replay, after) = Run(scheduled, command);

        Assert.True(replay.IsReplay);
        Assert.Equal(OutcomeKind.DeletionScheduled, replay.Outcome.Kind);
        Assert.Same(scheduled, after);
    }

    [Fact]
    public void ScheduledDeletion_Replay_RebuildsTheAccount_OneAtATimeOrInABatch()
    {
        var (_, after) = RunAll(
            Acme(),
            DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2),
            new CancelScheduledChange(Cmd("c2"), Noon(2026, 3, 11), Ada, S2),
            DeleteAtNextBill("c3", Noon(2026, 3, 12), Support, S2),
            new AddAgent(Cmd("c4"), Noon(2026, 4, 2), Ada, "Jimmy Again", "jimmy@acme.test", Role.Agent));

        var batch = after.AtOpening().Apply(after.History);
        var single = after.History.Aggregate(after.AtOpening(), (account, change) => account.Apply(change));

        Assert.Equal(after, batch);
        Assert.Equal(after, single);
        Assert.Null(after.FindSeat(S2));
    }

    [Fact]
    public void ScheduledDeletion_AnActorWhoseSeatIsGone_IsUnauthorized_EvenAtAnInstantPastNodaTimesLastLocalDate()
    {
        var kiritimati = DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"];
        var account = Account.Open("kiri", kiritimati, Usd("30.00"), MonthlyOnThe1st, AcmeSeats());
        var (_, scheduled) = Run(account, DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S3));

        // 9999-12-31T12:00Z is 10000-01-01 in Kiritimati (UTC+14): no local date, after every last day.
        var (decision, _) = Run(scheduled, new DeactivateAgent(Cmd("c2"), Instant.FromUtc(9999, 12, 31, 12, 0), Mia, S2));

        Assert.Equal(OutcomeKind.Unauthorized, decision.Outcome.Kind);
    }

    [Fact]
    public void ScheduledDeletion_AtTheEndOfTime_LastDayIsNodaTimesLastDate_AndNothingThrows()
    {
        var renewing = new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), autoRenew: true);
        var account = Acme(renewing);
        var (decision, after) = Run(account, DeleteAtTermEnd("c1", Noon(9999, 6, 1), Support, S2));

        var scheduled = Assert.IsType<DeletionScheduled>(decision.Outcome.Case);
        Assert.Equal(LocalDate.MaxIsoValue, scheduled.LastDay);
        Assert.NotNull(after.FindSeat(S2, new LocalDate(9999, 12, 31)));
        Assert.Equal(LocalDate.MaxIsoValue, after.SeatTimelines().Single(seat => seat.Seat == S2).LastDay);
        Assert.DoesNotContain(after.FormerOccupants(), person => person.Seat == S2);
        var (later, _) = Run(after, new UpdateAgent(Cmd("c2"), Noon(9999, 6, 2), Ada, S2, Name: "Still Here"));
        Assert.Equal(OutcomeKind.Updated, later.Outcome.Kind);
    }

    [Fact]
    public void ListSeatsAsOf_IsTheSeatsADecisionThatDaySees_AndLeavesTheAccountAsItsHistoryReplaysIt()
    {
        var (_, scheduled) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));

        Assert.Contains(scheduled.ListSeats(new LocalDate(2026, 3, 31)), seat => seat.Id == S2);
        Assert.DoesNotContain(scheduled.ListSeats(new LocalDate(2026, 4, 1)), seat => seat.Id == S2);
        Assert.Null(scheduled.FindSeat(S2, new LocalDate(2026, 4, 1)));
        Assert.NotNull(scheduled.FindSeat(S2)); // the account itself: its history settles the deletion with the next event
        Assert.Equal(scheduled, scheduled.AtOpening().Apply(scheduled.History));
    }

    [Fact]
    public void ScheduledDeletions_WithDifferentLastDays_EachTakesEffectAfterItsOwn_NotBeforeNorAfter()
    {
        var contract = new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), lockInDays: 365);
        var (_, both) = RunAll(
            Acme(contract),
            DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2),  // last day 2026-03-31
            DeleteAtNextBill("c2", Noon(2026, 4, 10), Support, S4)); // last day 2026-04-30

        // On 04-30 the first is in effect and the second is not: s4 is there through its last day.
        var (onTheSecondsLastDay, after) = Run(both, new UpdateAgent(Cmd("c3"), Noon(2026, 4, 30), Ada, S3, Name: "Mia Chen-Park"));
        var (s2Gone, _) = Run(both, new DeactivateAgent(Cmd("c4"), Noon(2026, 4, 15), Ada, S2));
        var (s4There, _) = Run(after, new ReplaceAgent(Cmd("c5"), Noon(2026, 4, 30), Ada, S4, "Nia Roe", "nia@acme.test"));
        var (s4Gone, _) = Run(after, new ReplaceAgent(Cmd("c6"), Noon(2026, 5, 1), Ada, S4, "Nia Roe", "nia@acme.test"));

        Assert.Equal(OutcomeKind.Updated, onTheSecondsLastDay.Outcome.Kind);
        Assert.Null(after.FindSeat(S2));
        Assert.NotNull(after.FindSeat(S4));
        Assert.Equal(PendingChange.Deletion(new LocalDate(2026, 4, 30)), after.PendingChangeOf(S4));
        Assert.Equal(OutcomeKind.SeatNotFound, s2Gone.Outcome.Kind);
        Assert.Equal(OutcomeKind.Replaced, s4There.Outcome.Kind);
        Assert.Equal(OutcomeKind.SeatNotFound, s4Gone.Outcome.Kind);
        Assert.Equal([S1, S3], both.ListSeats(new LocalDate(2026, 5, 1)).Select(seat => seat.Id));
        Assert.Equal([S1, S3, S4], both.ListSeats(new LocalDate(2026, 4, 30)).Select(seat => seat.Id));
    }

    [Fact]
    public void PendingChangeOf_ASeatWithoutAnId_IsNull()
    {
        var (_, scheduled) = Run(Acme(), DeleteAtNextBill("c1", Noon(2026, 3, 10), Support, S2));

        Assert.Null(scheduled.PendingChangeOf(default));
        Assert.Null(scheduled.PendingChangeOf(S1));
    }
}

