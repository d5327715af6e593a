using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>
/// The account's email index keeps entries for people who moved on and does not believe them;
/// these pin that a departed, renamed or re-hired person is found exactly where they are now.
/// </summary>
public sealed class AccountEmailIndexTests
{
    private static readonly Actor Ada = new("ada@acme.test");
    private static readonly TurnoverPolicy Policy = TurnoverPolicy.Default;

    [Fact]
    public void FindSeatOf_ReplacedPerson_IsNotFoundAndCanBeHiredIntoANewSeat()
    {
        var account = Run(
            Open(),
            new ReplaceAgent(Id("c1"), At(2), Ada, new SeatId("s2"), "Cy Ho", "cy@acme.test"),
            new AddAgent(Id("c2"), At(3), Ada, "Jo Park", "JO@acme.test", Role.Agent, new SeatId("s3")));

        Assert.Equal(new SeatId("s3"), account.FindSeatOf("jo@acme.test")!.Id);
        Assert.Equal(new SeatId("s2"), account.FindSeatOf("cy@acme.test")!.Id);
        Assert.Equal(3, account.OccupiedSeatCount);
    }

    [Fact]
    public void FindSeatOf_EmailChangedAndBack_FollowsTheCurrentAddressOnly()
    {
        var changed = Run(Open(), new UpdateAgent(Id("c1"), At(2), Ada, new SeatId("s2"), Email: "jo.park@acme.test"));
        var back = Run(changed, new UpdateAgent(Id("c2"), At(3), Ada, new SeatId("s2"), Email: "jo@acme.test"));

        Assert.Null(changed.FindSeatOf("jo@acme.test"));
        Assert.Equal(new SeatId("s2"), changed.FindSeatOf("jo.park@acme.test")!.Id);
        Assert.Null(back.FindSeatOf("jo.park@acme.test"));
        Assert.Equal(new SeatId("s2"), back.FindSeatOf("jo@acme.test")!.Id);
        Assert.Equal(2, back.OccupiedSeatCount);
    }

    [Fact]
    public void FindSeatOf_DeactivatedOrDeletedPerson_IsNotFoundAndCannotAct()
    {
        var deactivated = Run(Open(), new DeactivateAgent(Id("c1"), At(2), Ada, new SeatId("s2")));
        var deleted = Run(Open(), new DeleteAgent(Id("c1"), At(2), Actor.Support, new SeatId("s2")));
        var byFormer = Policy.Decide(deactivated, new DeactivateAgent(Id("c9"), At(4), new Actor("jo@acme.test"), new SeatId("s1")));

        Assert.Null(deactivated.FindSeatOf("jo@acme.test"));
        Assert.Null(deleted.FindSeatOf("jo@acme.test"));
        Assert.Equal(1, deactivated.OccupiedSeatCount);
        Assert.Equal(1, deleted.OccupiedSeatCount);
        Assert.Equal(OutcomeKind.Unauthorized, byFormer.Outcome.Kind);
    }

    [Fact]
    public void Apply_EventGivingAnOccupantsEmailToAnotherSeat_IsRefused()
    {
        var account = Open();
        var forged = new Added(
            new AddAgent(Id("x"), At(2), Ada, "Jo Again", "jo@acme.test", Role.Agent),
            1,
            new SeatId("s9"),
            new Agent(new AgentId(9), "Jo Again", "jo@acme.test", Role.Agent),
            SeatAssets.None,
            new ChargeIncurred(new SeatId("s9"), default));

        Assert.Throws<System.ArgumentException>(() => account.Apply(forged));
    }

    private static Account Open() => Account.Open(
        "acme",
        DateTimeZoneProviders.Tzdb["Europe/Paris"],
        Money.Parse("30.00", Currency.Eur),
        new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1)),
        [
            InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin),
            InitialSeat.Occupied(new SeatId("s2"), "Jo Park", "jo@acme.test", Role.Agent),
        ]);

    private static Account Run(Account account, params SeatCommand[] commands)
    {
        foreach (var command in commands)
        {
            var decision = Policy.Decide(account, command);
            Assert.True(decision.Outcome.IsAccepted, decision.ToString());
            account = decision.ApplyTo(account);
        }

        return account;
    }

    private static CommandId Id(string id) => new(id);

    private static Instant At(int day) => Instant.FromUtc(2026, 3, day, 12, 0);
}
