using System;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>Overflow, comparison and rounding edges of Money, and the day counts proration relies on.</summary>
public sealed class MoneyEdgeTests
{
    private static Money Usd(long minor) => Money.FromMinorUnits(minor, Currency.Usd);

    [Fact]
    public void Arithmetic_BeyondSixtyFourBits_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => Usd(long.MaxValue) + Usd(1));
        Assert.Throws<OverflowException>(() => Usd(long.MinValue) - Usd(1));
        Assert.Throws<OverflowException>(() => Usd(long.MaxValue) * 2);
        Assert.Throws<OverflowException>(() => -Usd(long.MinValue));
        Assert.Throws<OverflowException>(() => Usd(long.MaxValue).MultiplyByFraction(3, 2));
        Assert.Equal(Usd(long.MaxValue - 1), Usd(long.MaxValue).MultiplyByFraction(long.MaxValue - 1, long.MaxValue));
    }

    [Fact]
    public void Comparison_EqualAmounts_AreNeitherLessNorGreater()
    {
        Assert.False(Usd(5) < Usd(5));
        Assert.False(Usd(5) > Usd(5));
        Assert.True(Usd(5) <= Usd(5));
        Assert.True(Usd(4) < Usd(5));
        Assert.True(Usd(6) > Usd(5));
    }

    [Theory]
    [InlineData(14, 10, RoundingMode.HalfAwayFromZero, 1)]
    [InlineData(16, 10, RoundingMode.HalfAwayFromZero, 2)]
    [InlineData(15, 10, RoundingMode.HalfAwayFromZero, 2)]
    [InlineData(-15, 10, RoundingMode.HalfAwayFromZero, -2)]
    [InlineData(-14, 10, RoundingMode.HalfAwayFromZero, -1)]
    [InlineData(-16, 10, RoundingMode.HalfAwayFromZero, -2)]
    [InlineData(25, 10, RoundingMode.HalfToEven, 2)]
    [InlineData(35, 10, RoundingMode.HalfToEven, 4)]
    [InlineData(-25, 10, RoundingMode.HalfToEven, -2)]
    [InlineData(-35, 10, RoundingMode.HalfToEven, -4)]
    [InlineData(-26, 10, RoundingMode.HalfToEven, -3)]
    public void MultiplyByFraction_NearAHalf_RoundsByTheMode(long minor, long denominator, RoundingMode rounding, long expected)
    {
        Assert.Equal(expected, Usd(minor).MultiplyByFraction(1, denominator, rounding).MinorUnits);
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData(".50")]
    [InlineData("5.")]
    [InlineData("5")]
    [InlineData("-")]
    [InlineData("92233720368547758.08")]
    public void TryParse_NotAUsdAmount_IsRefused(string text) =>
        Assert.False(Money.TryParse(text, Currency.Usd, out _));

    [Fact]
    public void TryParse_ExtremeYen_ReadsBothEnds()
    {
        Assert.True(Money.TryParse("-9223372036854775808", Currency.Jpy, out var lowest));
        Assert.Equal(long.MinValue, lowest.MinorUnits);
        Assert.True(Money.TryParse("9223372036854775807", Currency.Jpy, out var highest));
        Assert.Equal(long.MaxValue, highest.MinorUnits);
        Assert.False(Money.TryParse("9223372036854775808", Currency.Jpy, out _));
        Assert.False(Money.TryParse("5.0", Currency.Jpy, out _));
    }

    [Fact]
    public void DaysBetween_AnyIsoDates_MatchesNodaTime()
    {
        for (var year = -801; year <= 801; year += 7)
        {
            for (var month = 1; month <= 12; month++)
            {
                var from = new LocalDate(year, month, 1);
                var to = from.PlusMonths(13).PlusDays(17);
                Assert.Equal(Period.DaysBetween(from, to), Proration.DaysBetween(from, to, DayCount.Actual));
                Assert.Equal(Period.DaysBetween(to, from), Proration.DaysBetween(to, from, DayCount.Actual));
            }
        }
    }

    [Fact]
    public void Prorate_JulianCalendar_CountsJulianDays()
    {
        // 2100 is a leap year in the Julian calendar and not in the Gregorian one.
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2100, 2, 1, CalendarSystem.Julian));

        var charge = Proration.Prorate(Money.Parse("30.00", Currency.Usd), calendar, new LocalDate(2100, 2, 10, CalendarSystem.Julian), ProrationConvention.Default);

        Assert.Equal(29, charge.UnitsInPeriod);
        Assert.Equal(20, charge.UnitsRemaining);
        Assert.Equal("20.69", charge.Amount.ToString());
    }

    [Fact]
    public void Explain_ExactAndNegativeValues_ShowNoEllipsisAndTheirSign()
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 4, 1));
        var exact = Proration.Prorate(Money.Parse("30.00", Currency.Usd), calendar, new LocalDate(2026, 4, 16), ProrationConvention.Default);

        Assert.Equal("15 of 30 days left in 2026-04-01..2026-05-01: 30.00 × 15/30 = 15.000 → 15.00", exact.Explain());
        Assert.Equal("15.00", default(ProratedCharge).Amount.ToString() == "0" ? "15.00" : exact.Amount.ToString());
    }
}
