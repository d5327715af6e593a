using System.Linq;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Accounts;

/// <summary>The account as a value: opening, history, former occupants, the next bill, replay.</summary>
public sealed class AccountTests
{
    [Fact]
    public void Open_AcmeSeats_StartsAtVersionZeroWithAgentsNumberedInOrder()
    {
        var account = Acme();

        Assert.Equal((0L, 4, 3, 1), (account.Version, account.SeatCount, account.OccupiedSeatCount, account.OccupiedAdminCount));
        Assert.Equal((4L, 3L), (account.SeatsEverCreated, account.AgentsEverCreated));
        Assert.Equal([S1, S2, S3, S4], account.ListSeats().Select(seat => seat.Id));
        Assert.Equal([1L, 2L, 3L], account.ListSeats().Where(seat => seat.IsOccupied).Select(seat => seat.Occupant!.Id.Value));
        Assert.Empty(account.History);
        Assert.Empty(account.FormerOccupants());
    }

    [Fact]
    public void Open_TwoSeatsWithOneEmailInAnotherCase_Throws()
    {
        var seats = AcmeSeats().Add(InitialSeat.Occupied(new SeatId("s5"), "Ada Two", "ADA@acme.test", Role.Agent));

        var refused = Assert.Throws<ValueRefusedException>(() => Acme(seats: seats));

        Assert.Equal(("email", (object?)"ADA@acme.test"), (refused.Member, refused.Value));
    }

    [Fact]
    public void Open_TwoSeatsWithOneId_Throws()
    {
        var seats = AcmeSeats().Add(InitialSeat.Vacant(S4));

        var refused = Assert.Throws<ValueRefusedException>(() => Acme(seats: seats));

        Assert.Equal(("seat", (SeatId?)S4), (refused.Member, refused.Seat));
    }

    [Fact]
    public void FormerOccupants_AfterReplaceDeactivateAndDelete_KeepsEachPersonWithWhenByWhomAndWhichCommand()
    {
        var (_, after) = RunAll(
            Acme(),
            new ReplaceAgent(Cmd("c1"), Noon(2026, 3, 5), Ada, S2, "Nina Lee", "nina@acme.test"),
            new DeactivateAgent(Cmd("c2"), Noon(2026, 3, 6), Mia, S2),
            new UpdateAgent(Cmd("c3"), Noon(2026, 3, 7), Ada, S3, Name: "Mia C."),
            new DeleteAgent(Cmd("c4"), Noon(2026, 3, 8), Support, S3));

        var former = after.FormerOccupants().ToArray();

        Assert.Equal(
            [
                ("Jimmy Doe", S2, OutcomeKind.Replaced, Noon(2026, 3, 5), Ada, Cmd("c1")),
                ("Nina Lee", S2, OutcomeKind.Deactivated, Noon(2026, 3, 6), Mia, Cmd("c2")),
                ("Mia C.", S3, OutcomeKind.Deleted, Noon(2026, 3, 8), Support, Cmd("c4")),
            ],
            former.Select(f => (f.Agent.Name, f.Seat, f.How, f.At, f.By, f.Command)));
        Assert.Equal(4, after.History.Count);
    }

    [Fact]
    public void PreviewNextBill_OnABillDate_IsTheFollowingBillDate()
    {
        var bill = Acme().PreviewNextBill(new LocalDate(2026, 4, 1));

        Assert.Equal(new LocalDate(2026, 5, 1), bill.Date);
    }

    [Fact]
    public void PreviewNextBill_QuarterlyFromTheEndOfAMonth_ClampsToTheMonthsEnd()
    {
        var account = Acme(billing: new BillingCalendar(BillingCycle.Quarterly, new LocalDate(2026, 1, 31)));

        var bill = account.PreviewNextBill(new LocalDate(2026, 3, 15));

        Assert.Equal(new NextBill(new LocalDate(2026, 4, 30), 4, Usd("30.00"), Usd("120.00")), bill);
    }

    [Fact]
    public void PreviewNextBill_AfterAddDeactivateAndDelete_CountsEveryExistingSeatVacantOnesIncluded()
    {
        var (_, after) = RunAll(
            Acme(),
            new AddAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent),
            new DeactivateAgent(Cmd("c2"), Noon(2026, 3, 17), Ada, S2),
            new DeleteAgent(Cmd("c3"), Noon(2026, 3, 17), Support, S4));

        var bill = after.PreviewNextBill(new LocalDate(2026, 3, 17));

        Assert.Equal(new NextBill(new LocalDate(2026, 4, 1), 4, Usd("30.00"), Usd("120.00")), bill);
        Assert.Equal(3, after.OccupiedSeatCount);
    }

    [Fact]
    public void Apply_TheHistoryOntoTheInitialAccount_GivesTheFinalAccount()
    {
        var initial = Acme(Year2026);
        var (_, after) = RunAll(
            initial,
            new AddAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Manager),
            new ReplaceAgent(Cmd("c2"), Noon(2026, 4, 1), new Actor("omar@acme.test"), S2, "Nina Lee", "nina@acme.test"),
            new DeactivateAgent(Cmd("c3"), Noon(2026, 5, 1), Ada, S3),
            new UpdateAgent(Cmd("c4"), Noon(2026, 6, 1), Ada, S2, Email: "nina.lee@acme.test"),
            new DeleteAgent(Cmd("c5"), Noon(2026, 12, 15), Support, S3));

        var replayed = initial.Apply(after.History);

        Assert.Equal(5, after.Version);
        Assert.Equal(after, replayed);
        Assert.NotEqual(initial, replayed);
        Assert.Equal(after.GetHashCode(), replayed.GetHashCode());
    }

    [Fact]
    public void AtOpening_AfterCommands_IsTheInitialAccountAndWithTheHistoryTheWholeAccount()
    {
        var initial = Acme();
        var (_, after) = RunAll(
            initial,
            new DeleteAgent(Cmd("c1"), Noon(2026, 3, 17), Support, S4),
            new AddAgent(Cmd("c2"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent));

        Assert.Equal(initial, after.AtOpening());
        Assert.Equal(after, after.AtOpening().Apply(after.History));
    }

    [Fact]
    public void Equals_SameCommandsOnEqualAccounts_IsTrueAndAnExtraCommandMakesItFalse()
    {
        var add = new AddAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent);
        var (_, one) = Run(Acme(), add);
        var (_, other) = Run(Acme(), add);
        var (_, more) = Run(other, new DeactivateAgent(Cmd("c2"), Noon(2026, 3, 18), Ada, S2));

        Assert.Equal(one, other);
        Assert.NotEqual(one, more);
    }

    [Fact]
    public void LocalDateOf_AnInstantLateInTheEvening_IsTheDateInTheAccountsZone()
    {
        Assert.Equal(new LocalDate(2026, 3, 31), Acme().LocalDateOf(Instant.FromUtc(2026, 4, 1, 6, 59)));
    }
}
