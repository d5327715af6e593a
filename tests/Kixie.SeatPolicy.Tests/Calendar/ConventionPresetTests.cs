using System;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class ConventionPresetTests
{
    private static readonly BillingCalendar Anchor31st = new(BillingCycle.Monthly, new LocalDate(2025, 1, 31));

    private static readonly Money Price = Money.Parse("31.00", Currency.Usd);

    /// <summary>The add of the rulebook's example: 2025-02-15 at 13:30 UTC.</summary>
    private static readonly Instant At = Instant.FromUtc(2025, 2, 15, 13, 30);

    [Fact]
    public void Presets_KillBillAndLago_AreTheirEngineWithEveryOtherMemberDefault()
    {
        Assert.Equal(new ProrationConvention { Engine = ProrationEngine.KillBill }, ProrationConvention.KillBill);
        Assert.Equal(new ProrationConvention { Engine = ProrationEngine.Lago }, ProrationConvention.Lago);
        Assert.Equal(ProrationConvention.KillBill, ProrationConvention.For(ProrationEngine.KillBill));
        Assert.Equal(ProrationConvention.Lago, ProrationConvention.For(ProrationEngine.Lago));
        Assert.Equal(ProrationConvention.Default, ProrationConvention.For(ProrationEngine.Standard));
        Assert.Equal(ProrationEngine.Standard, default(ProrationConvention).Engine);
        Assert.True(ProrationConvention.KillBill.IsPreset);
        Assert.False(ProrationConvention.Default.IsPreset);
    }

    [Fact]
    public void For_UndefinedEngine_ThrowsArgumentOutOfRangeNamingEngine()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ProrationConvention.For((ProrationEngine)9));

        Assert.Equal("engine", exception.ParamName);
        Assert.Equal((ProrationEngine)9, exception.ActualValue);
    }

    public static TheoryData<ProrationConvention> RefusedConventions => new()
    {
        new ProrationConvention { Engine = (ProrationEngine)9 },
        ProrationConvention.KillBill with { Granularity = ProrationGranularity.Second },
        ProrationConvention.KillBill with { DayCount = DayCount.Thirty360 },
        ProrationConvention.Lago with { Rounding = RoundingMode.HalfToEven },
    };

    [Theory]
    [MemberData(nameof(RefusedConventions))]
    public void Prorate_PresetWithAnotherMemberOrUndefinedEngine_ThrowsNamingConventionWithTheValue(ProrationConvention convention)
    {
        var byDate = Assert.Throws<ArgumentOutOfRangeException>(() => Proration.Prorate(Price, Anchor31st, new LocalDate(2025, 2, 15), convention));
        var byInstant = Assert.Throws<ArgumentOutOfRangeException>(() => Proration.Prorate(Price, Anchor31st, At, DateTimeZone.Utc, convention));

        Assert.Equal("convention", byDate.ParamName);
        Assert.Equal(convention, byDate.ActualValue);
        Assert.Equal("convention", byInstant.ParamName);
    }

    [Theory]
    [MemberData(nameof(RefusedConventions))]
    public void AccountOpen_PresetWithAnotherMember_ThrowsNamingProration(ProrationConvention convention)
    {
        var exception = Assert.Throws<ValueRefusedException>(
            () => Account.Open("acme", DateTimeZone.Utc, Price, Anchor31st, [], proration: convention));

        Assert.Equal(("proration", "proration", (object?)convention), (exception.ParamName, exception.Member, exception.Value));
    }

    /// <summary>The rulebook's example in every convention: anchor 2025-01-31, 31.00, an add at 2025-02-15T13:30Z in UTC.</summary>
    [Theory]
    [InlineData(ProrationEngine.Standard, ProrationGranularity.Day, DayCount.Actual, "14.39", "standard by day")]
    [InlineData(ProrationEngine.Standard, ProrationGranularity.Day, DayCount.Thirty360, "14.39", "standard 30E/360")]
    [InlineData(ProrationEngine.Standard, ProrationGranularity.Second, DayCount.Actual, "13.77", "standard by second")]
    [InlineData(ProrationEngine.KillBill, ProrationGranularity.Day, DayCount.Actual, "13.00", "Kill Bill")]
    [InlineData(ProrationEngine.Lago, ProrationGranularity.Day, DayCount.Actual, "14.39", "Lago")]
    public void Prorate_RulebookExample_ChargesPerConvention(
        ProrationEngine engine, ProrationGranularity granularity, DayCount dayCount, string expected, string name)
    {
        var convention = new ProrationConvention { Engine = engine, Granularity = granularity, DayCount = dayCount };

        var charge = Proration.Prorate(Price, Anchor31st, At, DateTimeZone.Utc, convention);

        Assert.Equal(Money.Parse(expected, Currency.Usd), charge.Amount);
        Assert.Equal(name, convention.Name);
    }

    [Fact]
    public void Name_HalfToEven_SaysSo()
    {
        Assert.Equal("standard by day, half to even", new ProrationConvention { Rounding = RoundingMode.HalfToEven }.Name);
    }

    [Fact]
    public void Prorate_KillBillInJpy_RoundsToWholeYen()
    {
        // 3,100 yen, 13/31 = 0.419354839: 3100 × 0.419354839 = 1300.0000009 → 1,300.
        var charge = Proration.Prorate(Money.FromMinorUnits(3_100, Currency.Jpy), Anchor31st, new LocalDate(2025, 2, 15), ProrationConvention.KillBill);

        Assert.Equal(1_300, charge.Amount.MinorUnits);
        Assert.EndsWith("3100 × 0.419354839 = 1300.0000009 → 1300 (half up)", charge.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Prorate_KillBillNonIsoCalendar_CountsTheSameDays()
    {
        // The same dates read in the Julian calendar take NodaTime's general path.
        var julian = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2025, 1, 31).WithCalendar(CalendarSystem.Julian));
        var date = new LocalDate(2025, 2, 15).WithCalendar(CalendarSystem.Julian);

        var charge = Proration.Prorate(Price, julian, date, ProrationConvention.KillBill);

        Assert.Equal(charge.Period.End.PlusMonths(-1), charge.DenominatorStart);
        Assert.Equal(Period.DaysBetween(charge.DenominatorStart, charge.Period.End), charge.UnitsInPeriod);
        Assert.Equal(Period.DaysBetween(date, charge.Period.End), charge.UnitsRemaining);
    }

    [Fact]
    public void DefaultCharge_Fraction_IsZeroOverZero()
    {
        var charge = default(ProratedCharge);

        Assert.Equal(0, charge.FractionNumerator);
        Assert.Equal(0, charge.FractionDenominator);
        Assert.Equal(default, charge.DenominatorStart);
    }

    [Fact]
    public void Prorate_KillBillLastDayOfApril_Rounds0p005DownWhereTheStandardRuleRoundsUp()
    {
        // 0.15 × 1/30 is exactly 0.005; Kill Bill's 1/30 is 0.033333333, and 0.15 × 0.033333333 = 0.0049999999… → 0.00.
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 4, 1));
        var price = Money.Parse("0.15", Currency.Usd);
        var date = new LocalDate(2026, 4, 30);

        var killBill = Proration.Prorate(price, calendar, date, ProrationConvention.KillBill);
        var standard = Proration.Prorate(price, calendar, date, ProrationConvention.Default);

        Assert.Equal(33_333_333, killBill.FractionNumerator);
        Assert.Equal(Money.Parse("0.00", Currency.Usd), killBill.Amount);
        Assert.Equal(Money.Parse("0.01", Currency.Usd), standard.Amount);
    }
}
