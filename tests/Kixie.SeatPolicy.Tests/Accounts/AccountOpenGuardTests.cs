using System;
using System.Linq;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>Account.Open refuses null arguments with ArgumentNullExceptions, and every value it will not open with a ValueRefusedException saying which seat, which member and why, as data.</summary>
public sealed class AccountOpenGuardTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly BillingCalendar Billing = new(BillingCycle.Monthly, new LocalDate(2026, 3, 1));
    private static readonly Money Price = Money.Parse("30.00", Currency.Eur);

    [Fact]
    public void Open_NullArguments_ThrowArgumentNullExceptionNamingThem()
    {
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => Account.Open(null!, Paris, Price, Billing, [])).ParamName);
        var blank = Assert.Throws<ValueRefusedException>(() => Account.Open(" ", Paris, Price, Billing, []));
        Assert.Equal(("id", "id", " ", (int?)null), (blank.ParamName, blank.Member, blank.Value, blank.SeatIndex));
        Assert.Equal("timeZone", Assert.Throws<ArgumentNullException>(() => Account.Open("a", null!, Price, Billing, [])).ParamName);
        Assert.Equal("billing", Assert.Throws<ArgumentNullException>(() => Account.Open("a", Paris, Price, null!, [])).ParamName);
        Assert.Equal("seats", Assert.Throws<ArgumentNullException>(() => Account.Open("a", Paris, Price, Billing, null!)).ParamName);
        Assert.Equal("seats", Assert.Throws<ArgumentNullException>(() => Account.Open("a", Paris, Price, Billing, [null!])).ParamName);
    }

    [Fact]
    public void Open_BadPriceOrConvention_ThrowsNamingIt()
    {
        var negative = Assert.Throws<ValueRefusedException>(() => Account.Open("a", Paris, Money.Parse("-1.00", Currency.Eur), Billing, []));
        Assert.Equal(("seatPrice", "seatPrice", (object)Money.Parse("-1.00", Currency.Eur)), (negative.ParamName, negative.Member, negative.Value));
        Assert.Equal("the seat price -1.00 is negative", negative.Reason);
        Assert.Equal("seatPrice", Assert.Throws<ValueRefusedException>(() => Account.Open("a", Paris, default, Billing, [])).Member);
        var convention = new ProrationConvention { DayCount = (DayCount)7 };
        var undefined = Assert.Throws<ValueRefusedException>(() => Account.Open("a", Paris, Price, Billing, [], proration: convention));
        Assert.Equal(("proration", "proration", (object)convention), (undefined.ParamName, undefined.Member, undefined.Value));
    }

    [Theory]
    [InlineData("", "Ada", "ada@acme.test", Role.Admin, false, "seat", "the seat id is blank")]
    [InlineData("s1", "Ada", "ada@acme.test", (Role)9, false, "role", "9 is not a role")]
    [InlineData("s1", " ", "ada@acme.test", Role.Admin, false, "name", "seat 's1' is occupied but its name is blank")]
    [InlineData("s1", "Ada", "ada", Role.Admin, false, "email", "'ada' is not a valid email")]
    [InlineData("s1", "Ada", "ada@acme.test", Role.Admin, true, "directNumber", "'5' is not an E.164 phone number (+, a digit 1-9, 7 to 15 digits)")]
    public void Open_InvalidInitialSeat_SaysWhichSeatWhichMemberAndWhy(string seat, string name, string email, Role role, bool badPhone, string member, string reason)
    {
        var vacant = InitialSeat.Vacant(new SeatId("v0"));
        var initial = InitialSeat.Occupied(new SeatId(seat), name, email, role, badPhone ? new SeatAssets { DirectNumber = "5" } : null);

        var refused = Assert.Throws<ValueRefusedException>(() => Account.Open("a", Paris, Price, Billing, [vacant, initial]));

        Assert.Equal(("seats", 1, (SeatId?)new SeatId(seat), member, reason), (refused.ParamName, refused.SeatIndex, refused.Seat, refused.Member, refused.Reason));
        Assert.StartsWith($"Initial seat 1 ('{seat}'): {member}: {reason}.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RepeatedSeatOrEmail_SaysWhichIsRepeated()
    {
        var ada = InitialSeat.Occupied(new SeatId("s1"), "Ada", "ada@acme.test", Role.Admin);
        var sameSeat = Assert.Throws<ValueRefusedException>(() => Account.Open("a", Paris, Price, Billing, [ada, InitialSeat.Vacant(new SeatId("s1"))]));
        var sameEmail = Assert.Throws<ValueRefusedException>(() => Account.Open("a", Paris, Price, Billing, [ada, InitialSeat.Occupied(new SeatId("s2"), "Ad", "ADA@acme.test", Role.Agent)]));

        Assert.Equal((1, "seat", (object?)"s1", "repeats the seat id 's1' of initial seat 0"), (sameSeat.SeatIndex, sameSeat.Member, sameSeat.Value, sameSeat.Reason));
        Assert.Equal((1, "email", (object?)"ADA@acme.test", "repeats the email 'ADA@acme.test' of initial seat 0"), (sameEmail.SeatIndex, sameEmail.Member, sameEmail.Value, sameEmail.Reason));
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
