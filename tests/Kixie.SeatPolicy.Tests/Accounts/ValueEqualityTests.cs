using System.Collections.Immutable;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>Value equality: equal when every member is, unequal when any one differs.</summary>
public sealed class ValueEqualityTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    [Fact]
    public void SeatAssets_EqualMembers_AreEqualWithEqualHashes()
    {
        var one = new SeatAssets { DirectNumber = "+14155550100", CallerId = "+14155550101", RingGroups = ["a", "b"], Devices = ["d"] };
        var two = new SeatAssets { DirectNumber = "+14155550100", CallerId = "+14155550101", RingGroups = ["a", "b"], Devices = ["d"] };

        Assert.Equal(one, two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
        Assert.Equal(new SeatAssets { RingGroups = default, Devices = default }, SeatAssets.None);
        Assert.Equal(new SeatAssets { RingGroups = default }.GetHashCode(), SeatAssets.None.GetHashCode());
        Assert.False(one.Equals(null));
    }

    [Fact]
    public void SeatAssets_AnyMemberDifferent_IsUnequal()
    {
        var one = new SeatAssets { DirectNumber = "+14155550100", CallerId = "+14155550101", RingGroups = ["a", "b"], Devices = ["d"] };

        Assert.NotEqual(one, one with { DirectNumber = "+14155550199" });
        Assert.NotEqual(one, one with { CallerId = "+14155550199" });
        Assert.NotEqual(one, one with { RingGroups = ["b", "a"] });
        Assert.NotEqual(one, one with { Devices = [] });
        Assert.NotEqual(SeatAssets.None, one with { RingGroups = [], Devices = [] });
    }

    [Fact]
    public void Account_AnyTermDifferent_IsUnequal()
    {
        var account = Open();

        Assert.Equal(account, Open());
        Assert.Equal(account.GetHashCode(), Open().GetHashCode());
        Assert.False(account.Equals(null));
        Assert.NotEqual(account, Open(id: "other"));
        Assert.NotEqual(account, Open(zone: DateTimeZoneProviders.Tzdb["Europe/Berlin"]));
        Assert.NotEqual(account, Open(price: "31.00"));
        Assert.NotEqual(account, Open(anchor: new LocalDate(2026, 3, 2)));
        Assert.NotEqual(account, Open(proration: new ProrationConvention { Rounding = RoundingMode.HalfToEven }));
        Assert.NotEqual(account, Open(contract: new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31))));
        Assert.NotEqual(account, Open(secondName: "Jo Parker"));
    }

    [Fact]
    public void Account_SameTermsDifferentHistory_IsUnequal()
    {
        var account = Open();
        var deactivated = Apply(account, new DeactivateAgent(new CommandId("c1"), Instant.FromUtc(2026, 3, 5, 12, 0), new Actor("ada@acme.test"), new SeatId("s2")));
        var updated = Apply(account, new UpdateAgent(new CommandId("c1"), Instant.FromUtc(2026, 3, 5, 12, 0), new Actor("ada@acme.test"), new SeatId("s2"), Role: Role.Manager));

        Assert.NotEqual(account, deactivated);
        Assert.NotEqual(deactivated, updated);
        Assert.Equal(deactivated, account.AtOpening().Apply(deactivated.History));
        Assert.Same(account, account.AtOpening());
        Assert.NotSame(deactivated, deactivated.AtOpening());
        Assert.Equal(account, deactivated.AtOpening());
    }

    [Fact]
    public void Account_SameSeatsEmailsAndCommandIdsButOneNameDifferent_IsUnequal()
    {
        // Every key (seat ids, emails, command ids) and every counter alike: only the values under one key differ.
        var account = Open();
        var renamed = Apply(account, new UpdateAgent(new CommandId("c1"), Instant.FromUtc(2026, 3, 5, 12, 0), new Actor("ada@acme.test"), new SeatId("s2"), Name: "Jo Park-Lee"));
        var renamedOtherwise = Apply(account, new UpdateAgent(new CommandId("c1"), Instant.FromUtc(2026, 3, 5, 12, 0), new Actor("ada@acme.test"), new SeatId("s2"), Name: "Jo Parker"));

        Assert.Equal(renamed.Version, renamedOtherwise.Version);
        Assert.NotEqual(renamed, renamedOtherwise);
        Assert.NotEqual(renamedOtherwise, renamed);
    }

    [Fact]
    public void Seat_AnyMemberDifferent_IsUnequal()
    {
        var seat = Open().FindSeat(new SeatId("s2"))!;
        var same = Open().FindSeat(new SeatId("s2"))!;

        Assert.Equal(seat, same);
        Assert.Equal(seat.GetHashCode(), same.GetHashCode());
        Assert.False(seat.Equals(null));
        Assert.NotEqual(seat, seat.Vacate());
        Assert.NotEqual(seat, Open().FindSeat(new SeatId("s1")));
        Assert.NotEqual(seat, Open(secondName: "Jo Parker").FindSeat(new SeatId("s2")));
        Assert.Equal("s2 (Jo Park, Agent)", seat.ToString());
        Assert.Equal("s2 (vacant)", seat.Vacate().ToString());
    }

    [Fact]
    public void DeletionBlocked_SameFactsInNewArrays_AreEqual()
    {
        var one = new DeletionBlocked(new SeatId("s1"), "lock-in", new LocalDate(2026, 12, 2), [TurnoverAlternative.Replace, TurnoverAlternative.Deactivate]);
        var two = new DeletionBlocked(new SeatId("s1"), "lock-in", new LocalDate(2026, 12, 2), ImmutableArray.Create(TurnoverAlternative.Replace, TurnoverAlternative.Deactivate));

        Assert.Equal(one, two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
        Assert.False(one.Equals(null));
        Assert.NotEqual(one, two with { Seat = new SeatId("s2") });
        Assert.NotEqual(one, two with { Reason = "other" });
        Assert.NotEqual(one, two with { AllowedFrom = new LocalDate(2026, 12, 3) });
        Assert.NotEqual(one, two with { Alternatives = [TurnoverAlternative.Replace] });
    }

    [Fact]
    public void BillingPeriod_AnyMemberDifferent_IsUnequal()
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 1));
        var march = calendar.PeriodContaining(new LocalDate(2026, 3, 10));
        var otherAnchor = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2025, 12, 1)).PeriodContaining(new LocalDate(2026, 3, 10));
        var quarterly = new BillingCalendar(BillingCycle.Quarterly, new LocalDate(2026, 1, 1)).PeriodContaining(new LocalDate(2026, 3, 10));

        Assert.Equal(march, calendar.PeriodContaining(new LocalDate(2026, 3, 31)));
        Assert.True(march != otherAnchor);
        Assert.NotEqual(march, quarterly);
        Assert.NotEqual(
            calendar.PeriodContaining(new LocalDate(2026, 1, 10)),
            new BillingCalendar(BillingCycle.Quarterly, new LocalDate(2026, 1, 1)).PeriodContaining(new LocalDate(2026, 1, 10)));
        Assert.False(march.Equals(new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1)).PeriodContaining(new LocalDate(2026, 3, 10))));
    }

    private static Account Apply(Account account, SeatCommand command) =>
        TurnoverPolicy.Default.Decide(account, command).ApplyTo(account);

    private static Account Open(
        string id = "acme",
        DateTimeZone? zone = null,
        string price = "30.00",
        LocalDate? anchor = null,
        ProrationConvention proration = default,
        ContractTerm? contract = null,
        string secondName = "Jo Park") =>
        Account.Open(
            id,
            zone ?? Paris,
            Money.Parse(price, Currency.Eur),
            new BillingCalendar(BillingCycle.Monthly, anchor ?? new LocalDate(2026, 3, 1)),
            [
                InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin),
                InitialSeat.Occupied(new SeatId("s2"), secondName, "jo@acme.test", Role.Agent),
            ],
            contract,
            proration);
}
