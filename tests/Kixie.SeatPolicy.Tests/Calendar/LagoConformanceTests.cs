using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>
/// Lago's own published expectations (getlago/lago-api, read at commit 1b1c24a6), turned into adds under
/// <see cref="ProrationConvention.Lago"/>. A Lago subscription (or trial end, or upgrade) starting on a date
/// <c>d</c> inside a period is billed <c>days from d to the period's end, inclusive × single_day_price</c>:
/// our add on <c>d</c>. Calendar billing is our anchor on the 1st; anniversary billing our anchor on the
/// subscription's day. Lago's <c>precise_amount_cents</c> is the binary64 product before rounding, checked
/// here bit for bit; <c>amount_cents</c> is our charge in minor units. Each test names the vendor spec
/// file and its <c>context</c>/<c>it</c> path.
/// </summary>
public sealed class LagoConformanceTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static Money Eur(long minorUnits) => Money.FromMinorUnits(minorUnits, Currency.FromCode("EUR"));

    private static ProratedCharge Add(long priceMinorUnits, BillingCycle cycle, LocalDate anchor, LocalDate date) =>
        Proration.Prorate(Eur(priceMinorUnits), new BillingCalendar(cycle, anchor), date, ProrationConvention.Lago);

    /// <summary>Asserts Lago's precise amount (the binary64 product, as Ruby prints it) and its rounded amount.</summary>
    private static void AssertLago(ProratedCharge charge, string preciseAmountCents, long amountCents)
    {
        Assert.Equal(preciseAmountCents, LagoBinary64.ProductText(charge.Price.MinorUnits, charge.UnitsRemaining, charge.UnitsInPeriod));
        Assert.Equal(amountCents, charge.Amount.MinorUnits);
    }

    // spec/services/fees/subscription_service_spec.rb, "when subscription has never been billed" / "when plan is
    // monthly" / "when subscription start is on any other day" / "creates a fee": started 2022-03-15, calendar,
    // 100 cents: amount_cents 55, precise_amount_cents 54.83870967741935 (17 × 100/31). The same figures in
    // its "when plan is pay in advance" / "creates a fee", and in "when billing a new upgraded subscription" /
    // "creates a subscription fee" and "when new plan is pay in advance" / "creates a subscription fee".
    [Fact]
    public void SubscriptionServiceSpec_MonthlyStartOnAnyOtherDay_Charges55()
    {
        var charge = Add(100, BillingCycle.Monthly, D(2022, 1, 1), D(2022, 3, 15));

        Assert.Equal(17, charge.UnitsRemaining);
        Assert.Equal(31, charge.UnitsInPeriod);
        AssertLago(charge, "54.83870967741935", 55);
    }

    // Same file, "when subscription start is on any other day" / "when plan has a trial period" / "when trial
    // end during the period" (trial 3 days, so billed from 2022-03-18): 45, 45.16129032258064 (14 × 100/31);
    // also "when billing a new upgraded subscription" / "when plan has trial period" / "when trial period end
    // before period end".
    [Fact]
    public void SubscriptionServiceSpec_MonthlyTrialEndDuringThePeriod_Charges45()
    {
        var charge = Add(100, BillingCycle.Monthly, D(2022, 1, 1), D(2022, 3, 18));

        Assert.Equal(14, charge.UnitsRemaining);
        AssertLago(charge, "45.16129032258064", 45);
    }

    // Same file, "when invoice is on a full period" / "when plan has a trial period" / "when trial end in
    // period" (period 2022-03-01..31, trial 3 days: billed from 2022-03-04): 90, 90.32258064516128
    // (28 × 100/31); and "when plan is monthly" / "when subscription start is on the 1st of the month" /
    // "when trial end during period" (2022-01-01 + 3 days).
    [Theory]
    [InlineData(3, 4)]
    [InlineData(1, 4)]
    public void SubscriptionServiceSpec_TrialEndInPeriod_Charges90(int month, int day)
    {
        var charge = Add(100, BillingCycle.Monthly, D(2022, 1, 1), D(2022, month, day));

        Assert.Equal(28, charge.UnitsRemaining);
        Assert.Equal(31, charge.UnitsInPeriod);
        AssertLago(charge, "90.32258064516128", 90);
    }

    // Same file, "when subscription has already been billed once on an other period" / "when plan has trial
    // period" / "when trial end during period" / "when plan is pay in advance" / "when plan is monthly"
    // (trial 15 days from 2022-01-01: billed from 2022-01-16): 52, 51.61290322580645 (16 × 100/31).
    [Fact]
    public void SubscriptionServiceSpec_MonthlyTrialOf15Days_Charges52()
    {
        var charge = Add(100, BillingCycle.Monthly, D(2022, 1, 1), D(2022, 1, 16));

        Assert.Equal(16, charge.UnitsRemaining);
        AssertLago(charge, "51.61290322580645", 52);
    }

    // Same file, ... / "when plan is pay in advance" / "when plan is yearly" (trial 35 days from 2022-01-01:
    // billed from 2022-02-05): 90, 90.41095890410958 (330 × 100/365).
    [Fact]
    public void SubscriptionServiceSpec_YearlyTrialOf35Days_Charges90()
    {
        var charge = Add(100, BillingCycle.Annual, D(2022, 1, 1), D(2022, 2, 5));

        Assert.Equal(330, charge.UnitsRemaining);
        Assert.Equal(365, charge.UnitsInPeriod);
        AssertLago(charge, "90.41095890410958", 90);
    }

    // Same file, "when plan is yearly" / "when subscription start is on any other day" / "creates a fee" and
    // its "when plan is pay in advance" / "creates a fee": started 2022-03-15: 80, precise 80 (292 × 100/365,
    // which binary64 happens to land exactly on 80.0).
    [Fact]
    public void SubscriptionServiceSpec_YearlyStartOnAnyOtherDay_Charges80()
    {
        var charge = Add(100, BillingCycle.Annual, D(2022, 1, 1), D(2022, 3, 15));

        Assert.Equal(292, charge.UnitsRemaining);
        AssertLago(charge, "80.0", 80);
    }

    // Same file, "when plan is yearly" / "when subscription start is on the 1st day of the year" / "creates a
    // fee" (and "when plan is monthly" / "when subscription start is on the 1st of the month" / "creates a
    // fee"): a start on a bill date is billed the plan's amount, 100.
    [Theory]
    [InlineData(BillingCycle.Annual)]
    [InlineData(BillingCycle.Monthly)]
    public void SubscriptionServiceSpec_StartOnTheFirstDayOfThePeriod_ChargesTheFullAmount(BillingCycle cycle)
    {
        var charge = Add(100, cycle, D(2022, 1, 1), D(2022, 1, 1));

        Assert.Equal(100, charge.Amount.MinorUnits);
    }

    // spec/services/subscriptions/dates/monthly_service_spec.rb, "#single_day_price" / "when billing_time is
    // calendar" / "when passing the plan amount": 1_000.fdiv(28) for February 2022 (billing_at 2022-03-07).
    [Fact]
    public void MonthlyServiceSpec_SingleDayPrice_CalendarFebruary_Is1000Over28()
    {
        var charge = Add(1_000, BillingCycle.Monthly, D(2022, 1, 1), D(2022, 2, 10));

        Assert.Equal(28, charge.UnitsInPeriod);
        Assert.Equal("35.714285714285715", LagoBinary64.PerDayText(1_000, charge.UnitsInPeriod));
        Assert.Contains("1000 ÷ 28 = 35.714285714285715 per day (binary64)", charge.Explain(), System.StringComparison.Ordinal);
    }

    // Same file, "#single_day_price" / "when billing_time is anniversary" / "when on a leap year": subscription
    // on 2019-02-02, billed 2020-03-08: amount_cents.fdiv(29) (the period 2020-02-02..2020-03-02); and
    // "when billing_time is calendar" / "when on a leap year": fdiv(29) for February 2020.
    [Theory]
    [InlineData(2019, 2, 2, 2020, 2, 20)]
    [InlineData(2019, 1, 1, 2020, 2, 20)]
    public void MonthlyServiceSpec_SingleDayPrice_LeapFebruary_IsOver29(int anchorYear, int anchorMonth, int anchorDay, int year, int month, int day)
    {
        var charge = Add(100, BillingCycle.Monthly, D(anchorYear, anchorMonth, anchorDay), D(year, month, day));

        Assert.Equal(29, charge.UnitsInPeriod);
    }

    // Same file, "#single_day_price" / "when billing_time is anniversary" / "when subscription started in the
    // middle of a period": anniversary 2024-01-10, upgrade started 2024-03-20: amount_cents.fdiv(31), the
    // whole period 2024-03-10..2024-04-10, not the 21 days left.
    [Fact]
    public void MonthlyServiceSpec_SingleDayPrice_StartedMidPeriod_IsOverTheWholePeriod()
    {
        var charge = Add(100, BillingCycle.Monthly, D(2024, 1, 10), D(2024, 3, 20));

        Assert.Equal(D(2024, 3, 10), charge.Period.Start);
        Assert.Equal(31, charge.UnitsInPeriod);
        Assert.Equal(21, charge.UnitsRemaining);
        AssertLago(charge, "67.74193548387096", 68);
    }

    // Same file, "#from_datetime" / anniversary on the 31st of March 2021, billed 2021-04-30: the period
    // begins 2021-03-31 and (compute_to_date) ends on 2021-04-29, so the next begins 2021-04-30: 30 days, the
    // clamped bill dates of our calendar.
    [Fact]
    public void MonthlyServiceSpec_AnniversaryOn31st_PeriodsMatchTheClampedCalendar()
    {
        var charge = Add(3_000, BillingCycle.Monthly, D(2021, 3, 31), D(2021, 4, 15));

        Assert.Equal(D(2021, 3, 31), charge.Period.Start);
        Assert.Equal(D(2021, 4, 30), charge.Period.End);
        Assert.Equal(30, charge.UnitsInPeriod);
    }

    // The rulebook's examples (spec §5, issue 13). Price 1.00, 31-day period, 17 days left → 55; and the
    // anniversary on the 31st: anchor 2025-01-31, add 2025-02-15, 3,100 cents: 13 × (3100 ÷ 28) =
    // 1439.2857142857142 → 1,439 (the monthly service's period 2025-01-31..2025-02-27 inclusive is 28 days).
    [Fact]
    public void Rulebook_Anchor31st_AddOnFeb15_Charges1439()
    {
        var charge = Add(3_100, BillingCycle.Monthly, D(2025, 1, 31), D(2025, 2, 15));

        Assert.Equal(13, charge.UnitsRemaining);
        Assert.Equal(28, charge.UnitsInPeriod);
        AssertLago(charge, "1439.2857142857142", 1_439);
        Assert.Equal(
            "Lago: 13 of 28 days left in 2025-01-31..2025-02-28: 3100 ÷ 28 = 110.71428571428571 per day (binary64); "
            + "13 × 110.71428571428571 = 1439.2857142857142 → 1439 minor units = 14.39 (half away from zero)",
            charge.Explain());
        Assert.Equal(charge.Period.Start, charge.DenominatorStart);
        Assert.Equal(13, charge.FractionNumerator);
        Assert.Equal(28, charge.FractionDenominator);
    }

    [Fact]
    public void Rulebook_OneDollar17Of31Days_Charges55()
    {
        var charge = Add(100, BillingCycle.Monthly, D(2026, 3, 1), D(2026, 3, 15));

        Assert.Equal(17, charge.UnitsRemaining);
        Assert.Equal(31, charge.UnitsInPeriod);
        Assert.Equal(55, charge.Amount.MinorUnits);
    }
}
