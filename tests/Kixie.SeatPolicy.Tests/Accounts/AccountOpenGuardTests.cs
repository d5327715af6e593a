using System.Linq;
using System;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>Account.Open refuses programmer errors with ArgumentExceptions naming the parameter.</summary>
public sealed class AccountOpenGuardTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly BillingCalendar Billing = new(BillingCycle.Monthly, new LocalDate(2026, 3, 1));
    private static readonly Money Price = Money.Parse("30.00", Currency.Eur);

    [Fact]
    public void Open_NullArguments_ThrowArgumentNullExceptionNamingThem()
    {
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => Account.Open(null!, Paris, Price, Billing, [])).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => Account.Open(" ", Paris, Price, Billing, [])).ParamName);
        Assert.Equal("timeZone", Assert.Throws<ArgumentNullException>(() => Account.Open("a", null!, Price, Billing, [])).ParamName);
        Assert.Equal("billing", Assert.Throws<ArgumentNullException>(() => Account.Open("a", Paris, Price, null!, [])).ParamName);
        Assert.Equal("seats", Assert.Throws<ArgumentNullException>(() => Account.Open("a", Paris, Price, Billing, null!)).ParamName);
        Assert.Equal("seats", Assert.Throws<ArgumentNullException>(() => Account.Open("a", Paris, Price, Billing, [null!])).ParamName);
    }

    [Fact]
    public void Open_BadPriceOrConvention_ThrowsNamingIt()
    {
        Assert.Equal("seatPrice", Assert.Throws<ArgumentOutOfRangeException>(() => Account.Open("a", Paris, Money.Parse("-1.00", Currency.Eur), Billing, [])).ParamName);
        Assert.Equal("seatPrice", Assert.Throws<ArgumentException>(() => Account.Open("a", Paris, default, Billing, [])).ParamName);
        Assert.Equal("proration", Assert.Throws<ArgumentOutOfRangeException>(() => Account.Open("a", Paris, Price, Billing, [], proration: new ProrationConvention { DayCount = (DayCount)7 })).ParamName);
    }

    [Theory]
    [InlineData("", "Ada", "ada@acme.test", Role.Admin, false, "Initial seat 0 ('') has no seat id.")]
    [InlineData("s1", "Ada", "ada@acme.test", (Role)9, false, "Initial seat 0 ('s1') has an unknown role (9).")]
    [InlineData("s1", " ", "ada@acme.test", Role.Admin, false, "Initial seat 0 ('s1') is occupied but has no name.")]
    [InlineData("s1", "Ada", "ada", Role.Admin, false, "Initial seat 0 ('s1') is occupied but 'ada' is not a valid email.")]
    [InlineData("s1", "Ada", "ada@acme.test", Role.Admin, true, "Initial seat 0 ('s1') has an invalid directNumber: '5' is not an E.164 phone number (+, a digit 1-9, 7 to 15 digits).")]
    public void Open_InvalidInitialSeat_SaysWhichSeatAndWhy(string seat, string name, string email, Role role, bool badPhone, string message)
    {
        var initial = InitialSeat.Occupied(new SeatId(seat), name, email, role, badPhone ? new SeatAssets { DirectNumber = "5" } : null);

        var refused = Assert.Throws<ArgumentException>(() => Account.Open("a", Paris, Price, Billing, [initial]));

        Assert.Equal("seats", refused.ParamName);
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RepeatedSeatOrEmail_SaysWhichIsRepeated()
    {
        var ada = InitialSeat.Occupied(new SeatId("s1"), "Ada", "ada@acme.test", Role.Admin);
        var sameSeat = Assert.Throws<ArgumentException>(() => Account.Open("a", Paris, Price, Billing, [ada, InitialSeat.Vacant(new SeatId("s1"))]));
        var sameEmail = Assert.Throws<ArgumentException>(() => Account.Open("a", Paris, Price, Billing, [ada, InitialSeat.Occupied(new SeatId("s2"), "Ad", "ADA@acme.test", Role.Agent)]));

        Assert.StartsWith("Initial seat 1 ('s1') repeats the seat id 's1'.", sameSeat.Message, StringComparison.Ordinal);
        Assert.StartsWith("Initial seat 1 ('s2') repeats the email 'ADA@acme.test'.", sameEmail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Seats_AreListedInTheOrderGiven()
    {
        var account = Account.Open("a", Paris, Price, Billing, [
            InitialSeat.Vacant(new SeatId("z")),
            InitialSeat.Occupied(new SeatId("m"), "Ada", "ada@acme.test", Role.Admin),
            InitialSeat.Vacant(new SeatId("a"), Role.Manager),
        ]);

        Assert.Equal(["z", "m", "a"], account.ListSeats().Select(seat => seat.Id.Value));
        Assert.Equal(Role.Manager, account.FindSeat(new SeatId("a"))!.LastRole);
        Assert.Equal(1, account.OccupiedSeatCount);
        Assert.Equal(3, account.SeatsEverCreated);
    }
}
