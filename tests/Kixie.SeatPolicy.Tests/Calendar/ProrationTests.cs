using System;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class ProrationTests
{
    private static readonly ProrationConvention Thirty360 = new() { DayCount = DayCount.Thirty360 };

    private static readonly ProrationConvention HalfToEven = new() { Rounding = RoundingMode.HalfToEven };

    private static readonly ProrationConvention Seconds = new() { Granularity = ProrationGranularity.Second };

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static Money Usd(string text) => Money.Parse(text, Currency.Usd);

    private static BillingCalendar MonthlyOnThe1st => new(BillingCycle.Monthly, D(2026, 1, 1));

    private static ProratedCharge Prorate(string price, BillingCalendar calendar, LocalDate date, ProrationConvention convention = default) =>
        Proration.Prorate(Usd(price), calendar, date, convention);

    [Fact]
    public void Prorate_SpecExampleAddOnMarch17_Charges1452For15Of31Days()
    {
        // Spec §5: monthly 30.00 USD, period 2026-03-01..2026-04-01 (31 days), add on 2026-03-17: 30.00 × 15/31 = 14.516… → 14.52.
        var charge = Prorate("30.00", MonthlyOnThe1st, D(2026, 3, 17));

        Assert.Equal(Usd("14.52"), charge.Amount);
        Assert.Equal(Usd("30.00"), charge.Price);
        Assert.Equal(D(2026, 3, 1), charge.Period.Start);
        Assert.Equal(D(2026, 4, 1), charge.Period.End);
        Assert.Equal(15, charge.UnitsRemaining);
        Assert.Equal(31, charge.UnitsInPeriod);
        Assert.Equal("days", charge.UnitName);
        Assert.Equal(ProrationConvention.Default, charge.Convention);
        Assert.Equal("15 of 31 days left in 2026-03-01..2026-04-01: 30.00 × 15/31 = 14.516… → 14.52", charge.Explain());
        Assert.Equal(charge.Explain(), charge.ToString());
    }

    [Theory]
    [InlineData(2026, 3, 1)]
    [InlineData(2026, 2, 1)]
    [InlineData(2024, 2, 1)]
    public void Prorate_AddOnABillDate_ChargesTheFullPrice(int year, int month, int day)
    {
        var charge = Prorate("30.00", MonthlyOnThe1st, D(year, month, day));

        Assert.Equal(Usd("30.00"), charge.Amount);
        Assert.Equal(charge.UnitsInPeriod, charge.UnitsRemaining);
    }

    [Fact]
    public void Prorate_AddOnClampedBillDate_ChargesTheFullPrice()
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 31));

        Assert.Equal(Usd("30.00"), Prorate("30.00", calendar, D(2026, 2, 28)).Amount);
        Assert.Equal(Usd("30.00"), Prorate("30.00", calendar, D(2026, 4, 30)).Amount);
    }

    [Fact]
    public void Prorate_LastDayOfPeriod_ChargesOneDay()
    {
        var charge = Prorate("31.00", MonthlyOnThe1st, D(2026, 3, 31));

        Assert.Equal(Usd("1.00"), charge.Amount);
        Assert.Equal(1, charge.UnitsRemaining);
    }

    [Fact]
    public void Prorate_OneDollarOnMarch15BilledOnThe1st_Charges55CentsFor17Of31Days()
    {
        // 1.00 × 17/31 = 0.548… → 0.55
        var charge = Prorate("1.00", MonthlyOnThe1st, D(2026, 3, 15));

        Assert.Equal(Usd("0.55"), charge.Amount);
        Assert.Equal(17, charge.UnitsRemaining);
        Assert.Equal(31, charge.UnitsInPeriod);
    }

    [Fact]
    public void Prorate_FormatSpecExampleAnchor31st_ExplainsTheArithmetic()
    {
        // Anchor 2026-01-31 monthly, add on 2026-03-17: the period is 2026-02-28..2026-03-31.
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 31));

        var charge = Prorate("30.00", calendar, D(2026, 3, 17));

        Assert.Equal(Usd("13.55"), charge.Amount);
        Assert.Equal("14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55", charge.Explain());
    }

    [Fact]
    public void Prorate_AnchorOn30thInFebruary_UsesTheClampedPeriod()
    {
        // Anchor 2026-01-30: period 2026-01-30..2026-02-28 has 29 days; add on Feb 27 leaves 1: 30.00 / 29 = 1.034… → 1.03.
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 30));

        var charge = Prorate("30.00", calendar, D(2026, 2, 27));

        Assert.Equal(D(2026, 1, 30), charge.Period.Start);
        Assert.Equal(D(2026, 2, 28), charge.Period.End);
        Assert.Equal(Usd("1.03"), charge.Amount);
        Assert.Equal("1 of 29 days left in 2026-01-30..2026-02-28: 30.00 × 1/29 = 1.034… → 1.03", charge.Explain());
    }

    [Fact]
    public void Prorate_AnchorOn29thAfterFebruary_ReturnsToThe29th()
    {
        // Anchor 2026-01-29: period 2026-02-28..2026-03-29 has 29 days; add on Mar 1 leaves 28: 30.00 × 28/29 = 28.965… → 28.97.
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 29));

        var charge = Prorate("30.00", calendar, D(2026, 3, 1));

        Assert.Equal(D(2026, 2, 28), charge.Period.Start);
        Assert.Equal(D(2026, 3, 29), charge.Period.End);
        Assert.Equal(Usd("28.97"), charge.Amount);
    }

    [Fact]
    public void Prorate_LeapFebruary_Counts29Days()
    {
        // 30.00 × 15/29 = 15.517… → 15.52 in 2024; 30.00 × 14/28 = 15.00 in 2025.
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2024, 1, 1));

        var leap = Prorate("30.00", calendar, D(2024, 2, 15));
        var common = Prorate("30.00", calendar, D(2025, 2, 15));

        Assert.Equal((15, 29), (leap.UnitsRemaining, leap.UnitsInPeriod));
        Assert.Equal(Usd("15.52"), leap.Amount);
        Assert.Equal((14, 28), (common.UnitsRemaining, common.UnitsInPeriod));
        Assert.Equal(Usd("15.00"), common.Amount);
    }

    [Fact]
    public void Prorate_AnnualLeapYear_Counts366Days()
    {
        var calendar = new BillingCalendar(BillingCycle.Annual, D(2024, 1, 1));

        var charge = Prorate("366.00", calendar, D(2024, 12, 31));

        Assert.Equal(366, charge.UnitsInPeriod);
        Assert.Equal(Usd("1.00"), charge.Amount);
    }

    [Fact]
    public void Prorate_AnnualFromLeapDay_CountsFromTheClampedFeb28()
    {
        // Anchor 2024-02-29 annual: period 2025-02-28..2026-02-28 has 365 days; add on 2026-02-27 leaves 1.
        var calendar = new BillingCalendar(BillingCycle.Annual, D(2024, 2, 29));

        var charge = Prorate("365.00", calendar, D(2026, 2, 27));

        Assert.Equal("2025-02-28..2026-02-28", charge.Period.ToString());
        Assert.Equal(Usd("1.00"), charge.Amount);
    }

    [Theory]
    [InlineData(23, 8, "5.32")]
    [InlineData(9, 22, "14.63")]
    public void Prorate_Thirty360InFebruary_CountsThirtyDays(int day, int daysLeft, string expected)
    {
        // 30E/360: 2026-02-01..2026-03-01 counts 30 days although February has 28.
        // 19.95 × 8/30 = 5.32, 19.95 × 22/30 = 14.63.
        var charge = Prorate("19.95", MonthlyOnThe1st, D(2026, 2, day), Thirty360);

        Assert.Equal(daysLeft, charge.UnitsRemaining);
        Assert.Equal(30, charge.UnitsInPeriod);
        Assert.Equal(Usd(expected), charge.Amount);
        Assert.Equal(
            $"{daysLeft} of 30 days left in 2026-02-01..2026-03-01: 19.95 × {daysLeft}/30 = {expected}0 → {expected}",
            charge.Explain());
    }

    [Fact]
    public void Prorate_ActualDaysInFebruary_DiffersFromThirty360()
    {
        // The same add as 22 of 30 under 30E/360 is 20 of 28 in actual days: 19.95 × 20/28 = 14.25.
        var charge = Prorate("19.95", MonthlyOnThe1st, D(2026, 2, 9));

        Assert.Equal((20, 28), (charge.UnitsRemaining, charge.UnitsInPeriod));
        Assert.Equal(Usd("14.25"), charge.Amount);
    }

    [Fact]
    public void Prorate_Thirty360On31st_CountsItAsThe30th()
    {
        // March 31 counts as March 30: 1 of 30 days left; 19.95 / 30 = 0.665, an exact half.
        var charge = Prorate("19.95", MonthlyOnThe1st, D(2026, 3, 31), Thirty360);
        var toEven = Prorate("19.95", MonthlyOnThe1st, D(2026, 3, 31), Thirty360 with { Rounding = RoundingMode.HalfToEven });

        Assert.Equal((1, 30), (charge.UnitsRemaining, charge.UnitsInPeriod));
        Assert.Equal(Usd("0.67"), charge.Amount);
        Assert.Equal(Usd("0.66"), toEven.Amount);
    }

    [Fact]
    public void Prorate_ExactHalf_RoundsByConvention()
    {
        // April has 30 days; 0.75 × 1/30 = 0.025: half away from zero 0.03, half to even 0.02.
        var away = Prorate("0.75", MonthlyOnThe1st, D(2026, 4, 30));
        var even = Prorate("0.75", MonthlyOnThe1st, D(2026, 4, 30), HalfToEven);

        Assert.Equal(Usd("0.03"), away.Amount);
        Assert.Equal(Usd("0.02"), even.Amount);
        Assert.Equal("1 of 30 days left in 2026-04-01..2026-05-01: 0.75 × 1/30 = 0.025 → 0.03", away.Explain());
        Assert.Equal("1 of 30 days left in 2026-04-01..2026-05-01: 0.75 × 1/30 = 0.025 → 0.02 (half to even)", even.Explain());
    }

    [Fact]
    public void Prorate_ZeroDecimalYen_RoundsToWholeYen()
    {
        // 1000 JPY × 15/31 = 483.87… → 484
        var charge = Proration.Prorate(Money.FromMinorUnits(1000, Currency.Jpy), MonthlyOnThe1st, D(2026, 3, 17), default);

        Assert.Equal(Money.FromMinorUnits(484, Currency.Jpy), charge.Amount);
        Assert.Equal("484", charge.Amount.ToString());
        Assert.Equal("15 of 31 days left in 2026-03-01..2026-04-01: 1000 × 15/31 = 483.8… → 484", charge.Explain());
    }

    [Fact]
    public void Prorate_ThreeDecimalDinar_RoundsToTheFils()
    {
        // 30.000 KWD × 15/31 = 14.5161… → 14.516
        var price = Money.Parse("30.000", Currency.Kwd);

        var charge = Proration.Prorate(price, MonthlyOnThe1st, D(2026, 3, 17), default);

        Assert.Equal(Money.Parse("14.516", Currency.Kwd), charge.Amount);
        Assert.Equal("15 of 31 days left in 2026-03-01..2026-04-01: 30.000 × 15/31 = 14.5161… → 14.516", charge.Explain());
    }

    [Fact]
    public void Prorate_ZeroPrice_ChargesZero()
    {
        Assert.True(Prorate("0.00", MonthlyOnThe1st, D(2026, 3, 17)).Amount.IsZero);
    }

    [Fact]
    public void Prorate_InstantWithDayGranularity_UsesTheLocalDateInTheZone()
    {
        // 2026-03-01T03:00Z is still 2026-02-28 in Los Angeles: the last day of February's period.
        var zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

        var charge = Proration.Prorate(Usd("28.00"), MonthlyOnThe1st, Instant.FromUtc(2026, 3, 1, 3, 0), zone, default);

        Assert.Equal(D(2026, 2, 1), charge.Period.Start);
        Assert.Equal((1, 28), (charge.UnitsRemaining, charge.UnitsInPeriod));
        Assert.Equal(Usd("1.00"), charge.Amount);
    }

    [Theory]
    [InlineData("America/New_York", 2026, 3, 31, -1)]    // DST starts 2026-03-08: the period is an hour short
    [InlineData("America/New_York", 2026, 11, 30, +1)]   // DST ends 2026-11-01: an hour long
    [InlineData("America/Los_Angeles", 2026, 3, 31, -1)]
    [InlineData("America/New_York", 2026, 4, 30, 0)]     // no change in April
    [InlineData("Europe/Berlin", 2026, 3, 31, -1)]       // summer time starts 2026-03-29
    [InlineData("Europe/Paris", 2026, 10, 31, +1)]       // summer time ends 2026-10-25
    [InlineData("Europe/Berlin", 2026, 6, 30, 0)]
    [InlineData("Etc/UTC", 2026, 3, 31, 0)]
    public void Prorate_SecondGranularityInDstMonth_PeriodIsAnHourShorterOrLonger(
        string zoneId, int year, int month, int days, int hours)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var at = zone.AtStartOfDay(D(year, month, 1)).ToInstant();

        var charge = Proration.Prorate(Usd("30.00"), MonthlyOnThe1st, at, zone, Seconds);

        Assert.Equal((days * 86_400L) + (hours * 3_600L), charge.UnitsInPeriod);
        Assert.Equal(charge.UnitsInPeriod, charge.UnitsRemaining);
        Assert.Equal(Usd("30.00"), charge.Amount);
        Assert.Equal("seconds", charge.UnitName);
    }

    [Fact]
    public void Prorate_SecondGranularityAfterDstStart_CountsTheShortPeriod()
    {
        // New York, add at 2026-03-17 00:00 local: 15 × 86,400 s of 31 × 86,400 − 3,600 s.
        // 30.00 × 1296000/2674800 = 14.535… → 14.54 (day granularity gives 14.52).
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var at = new LocalDateTime(2026, 3, 17, 0, 0).InZoneStrictly(zone).ToInstant();

        var charge = Proration.Prorate(Usd("30.00"), MonthlyOnThe1st, at, zone, Seconds);

        Assert.Equal(1_296_000, charge.UnitsRemaining);
        Assert.Equal(2_674_800, charge.UnitsInPeriod);
        Assert.Equal(Usd("14.54"), charge.Amount);
        Assert.Equal(
            "1296000 of 2674800 seconds left in 2026-03-01..2026-04-01: 30.00 × 1296000/2674800 = 14.535… → 14.54",
            charge.Explain());
    }

    [Fact]
    public void Prorate_SecondGranularityHalfASecondBeforeTheEnd_CountsOneSecond()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var end = zone.AtStartOfDay(D(2026, 4, 1)).ToInstant();

        var charge = Proration.Prorate(Usd("30.00"), MonthlyOnThe1st, end - Duration.FromMilliseconds(500), zone, Seconds);

        Assert.Equal(1, charge.UnitsRemaining);
        Assert.Equal(D(2026, 3, 1), charge.Period.Start);
        Assert.Equal(Usd("0.00"), charge.Amount);
    }

    [Fact]
    public void Prorate_NullCalendar_ThrowsArgumentNullExceptionNamingCalendar()
    {
        var byDate = Assert.Throws<ArgumentNullException>(() => Proration.Prorate(Usd("1.00"), null!, D(2026, 3, 1), default));
        var byInstant = Assert.Throws<ArgumentNullException>(
            () => Proration.Prorate(Usd("1.00"), null!, Instant.FromUtc(2026, 3, 1, 0, 0), DateTimeZone.Utc, default));
        var bySecond = Assert.Throws<ArgumentNullException>(
            () => Proration.Prorate(Usd("1.00"), null!, Instant.FromUtc(2026, 3, 1, 0, 0), DateTimeZone.Utc, Seconds));

        Assert.Equal("calendar", byDate.ParamName);
        Assert.Equal("calendar", byInstant.ParamName);
        Assert.Equal("calendar", bySecond.ParamName);
    }

    [Fact]
    public void Prorate_NullZone_ThrowsArgumentNullExceptionNamingZone()
    {
        var exception = Assert.Throws<ArgumentNullException>(
            () => Proration.Prorate(Usd("1.00"), MonthlyOnThe1st, Instant.FromUtc(2026, 3, 1, 0, 0), null!, default));

        Assert.Equal("zone", exception.ParamName);
    }

    [Fact]
    public void Prorate_NegativePrice_ThrowsArgumentExceptionNamingPrice()
    {
        var byDate = Assert.ThrowsAny<ArgumentException>(() => Prorate("-0.01", MonthlyOnThe1st, D(2026, 3, 1)));
        var byInstant = Assert.ThrowsAny<ArgumentException>(
            () => Proration.Prorate(Usd("-0.01"), MonthlyOnThe1st, Instant.FromUtc(2026, 3, 1, 0, 0), DateTimeZone.Utc, Seconds));

        Assert.Equal("price", byDate.ParamName);
        Assert.Equal("price", byInstant.ParamName);
    }

    public static TheoryData<ProrationConvention> UndefinedConventions => new()
    {
        new ProrationConvention { Granularity = (ProrationGranularity)9 },
        new ProrationConvention { DayCount = (DayCount)9 },
        new ProrationConvention { Rounding = (RoundingMode)9 },
    };

    [Theory]
    [MemberData(nameof(UndefinedConventions))]
    public void Prorate_UndefinedConventionMember_ThrowsArgumentExceptionNamingConvention(ProrationConvention convention)
    {
        var byDate = Assert.ThrowsAny<ArgumentException>(() => Prorate("1.00", MonthlyOnThe1st, D(2026, 3, 1), convention));
        var byInstant = Assert.ThrowsAny<ArgumentException>(
            () => Proration.Prorate(Usd("1.00"), MonthlyOnThe1st, Instant.FromUtc(2026, 3, 1, 0, 0), DateTimeZone.Utc, convention));

        Assert.Equal("convention", byDate.ParamName);
        Assert.Equal("convention", byInstant.ParamName);
    }

    [Fact]
    public void Prorate_DateWithSecondGranularity_ThrowsArgumentExceptionNamingConvention()
    {
        var exception = Assert.Throws<ArgumentException>(() => Prorate("1.00", MonthlyOnThe1st, D(2026, 3, 1), Seconds));

        Assert.Equal("convention", exception.ParamName);
    }

    [Fact]
    public void Prorate_NegativePrice_ThrowsDocumentedArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Prorate("-0.01", MonthlyOnThe1st, D(2026, 3, 1)));
    }

    [Fact]
    public void Prorate_SecondGranularityPeriodEndingOnASkippedDay_ChargesWithoutThrowing()
    {
        var zone = DateTimeZoneProviders.Tzdb["Pacific/Apia"];
        var calendar = new BillingCalendar(BillingCycle.Monthly, D(2011, 11, 30));

        var charge = Proration.Prorate(Usd("30.00"), calendar, Instant.FromUtc(2011, 12, 15, 0, 0), zone, Seconds);

        Assert.InRange(charge.Amount.MinorUnits, 0, 3000);
    }
}
