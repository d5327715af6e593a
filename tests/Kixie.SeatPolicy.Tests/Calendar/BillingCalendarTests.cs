using System;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class BillingCalendarTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void BillDate_AnchorOn31stMonthly_ClampsToEachMonthsEnd()
    {
        // Spec §3: anchor 2026-01-31 monthly: …, 2026-01-31, 2026-02-28, 2026-03-31, 2026-04-30, …
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 31));

        Assert.Equal(D(2025, 12, 31), calendar.BillDate(-1));
        Assert.Equal(D(2026, 1, 31), calendar.BillDate(0));
        Assert.Equal(D(2026, 2, 28), calendar.BillDate(1));
        Assert.Equal(D(2026, 3, 31), calendar.BillDate(2));
        Assert.Equal(D(2026, 4, 30), calendar.BillDate(3));
        Assert.Equal(D(2025, 11, 30), calendar.BillDate(-2));
    }

    [Fact]
    public void BillDate_AnchorOnLeapDayAnnual_ClampsToFeb28AndReturnsToFeb29()
    {
        // Spec §3: anchor 2024-02-29 annual: 2025-02-28, 2026-02-28, 2028-02-29.
        var calendar = new BillingCalendar(BillingCycle.Annual, D(2024, 2, 29));

        Assert.Equal(D(2025, 2, 28), calendar.BillDate(1));
        Assert.Equal(D(2026, 2, 28), calendar.BillDate(2));
        Assert.Equal(D(2027, 2, 28), calendar.BillDate(3));
        Assert.Equal(D(2028, 2, 29), calendar.BillDate(4));
        Assert.Equal(D(2023, 2, 28), calendar.BillDate(-1));
        Assert.Equal(D(2020, 2, 29), calendar.BillDate(-4));
    }

    [Fact]
    public void BillDate_AfterAShortMonth_ComesBackToTheAnchorDay()
    {
        // Computed from the anchor, never from the previous bill date: Feb 28 is not carried into March.
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 31));

        Assert.Equal(31, calendar.BillDate(2).Day);
        Assert.Equal(D(2027, 1, 31), calendar.BillDate(12));
    }

    [Theory]
    [InlineData(2026, 1, 29, 1, 2026, 2, 28)]
    [InlineData(2026, 1, 29, 2, 2026, 3, 29)]
    [InlineData(2026, 1, 30, 1, 2026, 2, 28)]
    [InlineData(2026, 1, 30, 2, 2026, 3, 30)]
    [InlineData(2026, 1, 30, 3, 2026, 4, 30)]
    [InlineData(2024, 1, 29, 1, 2024, 2, 29)]
    [InlineData(2024, 1, 30, 1, 2024, 2, 29)]
    [InlineData(2024, 1, 31, 1, 2024, 2, 29)]
    [InlineData(2024, 1, 31, 3, 2024, 4, 30)]
    [InlineData(2026, 3, 31, -1, 2026, 2, 28)]
    [InlineData(2026, 3, 30, -1, 2026, 2, 28)]
    [InlineData(2026, 3, 29, -1, 2026, 2, 28)]
    public void BillDate_MonthlyAnchorOn29th30th31st_ClampsOnlyInShorterMonths(
        int anchorYear, int anchorMonth, int anchorDay, int index, int year, int month, int day)
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(anchorYear, anchorMonth, anchorDay));

        Assert.Equal(D(year, month, day), calendar.BillDate(index));
    }

    [Fact]
    public void BillDate_QuarterlyAnchorOn30th_ClampsInFebruaryOnly()
    {
        var calendar = new BillingCalendar(BillingCycle.Quarterly, D(2025, 11, 30));

        Assert.Equal(D(2026, 2, 28), calendar.BillDate(1));
        Assert.Equal(D(2026, 5, 30), calendar.BillDate(2));
        Assert.Equal(D(2026, 8, 30), calendar.BillDate(3));
        Assert.Equal(D(2025, 8, 30), calendar.BillDate(-1));
    }

    [Fact]
    public void PeriodContaining_MidMonthWithAnchorOn31st_IsTheClampedPeriod()
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 31));

        var period = calendar.PeriodContaining(D(2026, 3, 17));

        Assert.Equal(1, period.Index);
        Assert.Equal(D(2026, 2, 28), period.Start);
        Assert.Equal(D(2026, 3, 31), period.End);
        Assert.Equal(31, period.Days);
        Assert.Equal("2026-02-28..2026-03-31", period.ToString());
    }

    [Fact]
    public void PeriodContaining_BillDate_StartsThatPeriod()
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 31));

        var period = calendar.PeriodContaining(D(2026, 3, 31));

        Assert.Equal(2, period.Index);
        Assert.Equal(D(2026, 3, 31), period.Start);
        Assert.Equal(D(2026, 4, 30), period.End);
    }

    [Fact]
    public void PeriodContaining_DayBeforeAnchor_IsPeriodMinusOne()
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 31));

        var period = calendar.PeriodContaining(D(2026, 1, 30));

        Assert.Equal(-1, period.Index);
        Assert.Equal(D(2025, 12, 31), period.Start);
        Assert.Equal(D(2026, 1, 31), period.End);
    }

    [Fact]
    public void PeriodContaining_DayBeforeClampedBillDateInItsMonth_IsThePreviousPeriod()
    {
        // Quarterly from 2026-01-31: the bill date in April is the 30th, so April 29 is still in the January period.
        var calendar = new BillingCalendar(BillingCycle.Quarterly, D(2026, 1, 31));

        Assert.Equal(new LocalDate(2026, 1, 31), calendar.PeriodContaining(D(2026, 4, 29)).Start);
        Assert.Equal(new LocalDate(2026, 4, 30), calendar.PeriodContaining(D(2026, 4, 30)).Start);
        Assert.Equal(new LocalDate(2025, 10, 31), calendar.PeriodContaining(D(2026, 1, 15)).Start);
    }

    [Fact]
    public void PeriodContaining_LeapYears_CountTheLeapDay()
    {
        var monthly = new BillingCalendar(BillingCycle.Monthly, D(2024, 1, 1));
        var annual = new BillingCalendar(BillingCycle.Annual, D(2024, 1, 1));
        var leapDayAnchor = new BillingCalendar(BillingCycle.Annual, D(2024, 2, 29));

        Assert.Equal(29, monthly.PeriodContaining(D(2024, 2, 29)).Days);
        Assert.Equal(28, monthly.PeriodContaining(D(2025, 2, 14)).Days);
        Assert.Equal(29, monthly.PeriodContaining(D(2000, 2, 14)).Days);
        Assert.Equal(28, monthly.PeriodContaining(D(1900, 2, 14)).Days);
        Assert.Equal(366, annual.PeriodContaining(D(2024, 6, 1)).Days);
        Assert.Equal(365, annual.PeriodContaining(D(2025, 6, 1)).Days);
        Assert.Equal(365, leapDayAnchor.PeriodContaining(D(2025, 3, 1)).Days);
        Assert.Equal(366, leapDayAnchor.PeriodContaining(D(2027, 3, 1)).Days);
    }

    [Fact]
    public void NextBillDateAfter_BillDateOrMidPeriod_IsTheFollowingBillDate()
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 31));

        Assert.Equal(D(2026, 3, 31), calendar.NextBillDateAfter(D(2026, 2, 28)));
        Assert.Equal(D(2026, 3, 31), calendar.NextBillDateAfter(D(2026, 3, 30)));
        Assert.Equal(D(2026, 4, 30), calendar.NextBillDateAfter(D(2026, 3, 31)));
    }

    [Fact]
    public void Equality_SameCycleAndAnchor_IsEqual()
    {
        var calendar = new BillingCalendar(BillingCycle.Quarterly, D(2026, 1, 31));

        Assert.Equal(new BillingCalendar(BillingCycle.Quarterly, D(2026, 1, 31)), calendar);
        Assert.Equal(new BillingCalendar(BillingCycle.Quarterly, D(2026, 1, 31)).GetHashCode(), calendar.GetHashCode());
        Assert.NotEqual(new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 31)), calendar);
        Assert.False(calendar.Equals(null));
        Assert.Equal("Quarterly from 2026-01-31", calendar.ToString());
    }

    [Fact]
    public void BillingPeriod_Default_IsEmptyWithIndexZero()
    {
        var period = default(BillingPeriod);

        Assert.Equal(0, period.Index);
        Assert.Equal(0, period.Days);
        Assert.False(period.Contains(period.Start));
    }

    [Fact]
    public void BillingPeriod_Contains_StartInEndOut()
    {
        var period = new BillingCalendar(BillingCycle.Monthly, D(2026, 3, 1)).PeriodContaining(D(2026, 3, 17));

        Assert.True(period.Contains(D(2026, 3, 1)));
        Assert.True(period.Contains(D(2026, 3, 31)));
        Assert.False(period.Contains(D(2026, 4, 1)));
        Assert.False(period.Contains(D(2026, 2, 28)));
        Assert.True(period == new BillingCalendar(BillingCycle.Monthly, D(2026, 3, 1)).PeriodContaining(D(2026, 3, 2)));
        Assert.True(period != new BillingCalendar(BillingCycle.Monthly, D(2026, 3, 1)).PeriodContaining(D(2026, 4, 2)));
    }

    [Fact]
    public void Constructor_UndefinedCycle_ThrowsArgumentExceptionNamingCycle()
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new BillingCalendar((BillingCycle)2, D(2026, 1, 1)));

        Assert.Equal("cycle", exception.ParamName);
    }

    [Fact]
    public void BillDate_IndexBeyondIntMonths_ThrowsArgumentOutOfRangeExceptionNamingIndex()
    {
        var calendar = new BillingCalendar(BillingCycle.Annual, D(2026, 1, 1));

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.BillDate(int.MaxValue));

        Assert.Equal("index", exception.ParamName);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData((long)int.MaxValue + 1)]
    public void BillDate_IndexBeyondInt_ThrowsArgumentOutOfRangeExceptionBeforeMultiplying(long index)
    {
        // An annual calendar multiplies the index by 12: the index is refused before that could overflow.
        var calendar = new BillingCalendar(BillingCycle.Annual, D(2026, 1, 1));

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.BillDate(index));

        Assert.Equal("index", exception.ParamName);
    }

    [Fact]
    public void Constructor_UndefinedCycle_ThrowsValueRefusedExceptionNamingCycle()
    {
        var exception = Assert.Throws<ValueRefusedException>(() => new BillingCalendar((BillingCycle)2, D(2026, 1, 1)));

        Assert.Equal(("cycle", "cycle", (object?)(BillingCycle)2), (exception.ParamName, exception.Member, exception.Value));
    }

    [Theory]
    [InlineData(200_000L)]
    [InlineData(long.MaxValue)]
    public void BillDate_BeyondNodaTimesYears_ThrowsDocumentedArgumentOutOfRangeException(long index)
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.BillDate(index));
    }
}
