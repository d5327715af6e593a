using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>
/// Kill Bill's own published expectations (killbill/killbill, read at commit cb60779c), turned into adds
/// under <see cref="ProrationConvention.KillBill"/>. Kill Bill's subscription start on a date <c>d</c> with
/// bill-cycle day <c>B</c> is our add on <c>d</c> to an account anchored on day <c>B</c>: its leading
/// pro-ration is the charge for the rest of the period. Its "number of billing cycles" for the leading
/// period is our <see cref="ProratedCharge.FractionNumerator"/> in billionths; the whole cycles after it
/// are the next bills, not the add. Each test names the vendor file and test it comes from.
/// </summary>
public sealed class KillBillConformanceTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static Money Usd(string text) => Money.Parse(text, Currency.Usd);

    private static ProratedCharge Add(string price, BillingCycle cycle, LocalDate anchor, LocalDate date) =>
        Proration.Prorate(Usd(price), new BillingCalendar(cycle, anchor), date, ProrationConvention.KillBill);

    // proRations/inAdvance/monthly/TestLeadingProRation.java: all ten tests (testLeadingProRation_Evergreen_* and
    // testLeadingProRation_WithEndDate_*) start on 2011-02-01 with bill-cycle day 13 and expect the leading
    // period to be TWELVE.divide(THIRTY_ONE) at scale 9 = 0.387096774.
    [Fact]
    public void TestLeadingProRation_Monthly_StartFeb1Bcd13_Is12Of31()
    {
        var charge = Add("31.00", BillingCycle.Monthly, D(2011, 1, 13), D(2011, 2, 1));

        Assert.Equal(12, charge.UnitsRemaining);
        Assert.Equal(31, charge.UnitsInPeriod);
        Assert.Equal(387_096_774, charge.FractionNumerator);
        Assert.Equal(1_000_000_000, charge.FractionDenominator);
        Assert.Equal(D(2011, 1, 13), charge.DenominatorStart);
        Assert.Equal(Usd("12.00"), charge.Amount); // 31.00 × 0.387096774 = 11.999999994 → 12.00
    }

    // proRations/inAdvance/quarterly/TestLeadingProRation.java: the same ten tests, quarterly:
    // TWELVE.divide(NINETY_TWO) = 0.130434783 (2010-11-13 to 2011-02-13 is 92 days).
    [Fact]
    public void TestLeadingProRation_Quarterly_StartFeb1Bcd13_Is12Of92()
    {
        var charge = Add("92.00", BillingCycle.Quarterly, D(2011, 2, 13), D(2011, 2, 1));

        Assert.Equal(12, charge.UnitsRemaining);
        Assert.Equal(92, charge.UnitsInPeriod);
        Assert.Equal(130_434_783, charge.FractionNumerator);
        Assert.Equal(D(2010, 11, 13), charge.DenominatorStart);
        Assert.Equal(Usd("12.00"), charge.Amount); // 92.00 × 0.130434783 = 12.000000036 → 12.00
    }

    // proRations/inAdvance/annual/TestLeadingProRation.java: the same ten tests, annual:
    // TWELVE.divide(THREE_HUNDRED_AND_SIXTY_FIVE) = 0.032876712.
    [Fact]
    public void TestLeadingProRation_Annual_StartFeb1Bcd13_Is12Of365()
    {
        var charge = Add("365.00", BillingCycle.Annual, D(2011, 2, 13), D(2011, 2, 1));

        Assert.Equal(12, charge.UnitsRemaining);
        Assert.Equal(365, charge.UnitsInPeriod);
        Assert.Equal(32_876_712, charge.FractionNumerator);
        Assert.Equal(Usd("12.00"), charge.Amount); // 365.00 × 0.032876712 = 11.99999988 → 12.00
    }

    // proRations/inAdvance/monthly/TestProRation.java, testSinglePlan_ChangeBCDTo31: from the plan change on
    // 2011-02-14 with bill-cycle day 31, ONE.add(FOURTEEN.divide(THIRTY_ONE)): the leading period is 14/31,
    // not 14/17 (2011-01-31 to 2011-02-28 is 28 days): the denominator runs from 2011-02-28 less one month,
    // 2011-01-28. This is the quirk the convention exists for.
    [Fact]
    public void TestSinglePlan_ChangeBCDTo31_AddOnFeb14_Is14Of31FromJan28()
    {
        var charge = Add("31.00", BillingCycle.Monthly, D(2011, 1, 31), D(2011, 2, 14));

        Assert.Equal(D(2011, 1, 31), charge.Period.Start);
        Assert.Equal(D(2011, 2, 28), charge.Period.End);
        Assert.Equal(14, charge.UnitsRemaining);
        Assert.Equal(31, charge.UnitsInPeriod);
        Assert.Equal(451_612_903, charge.FractionNumerator);
        Assert.Equal(D(2011, 1, 28), charge.DenominatorStart);
        Assert.Equal(Usd("14.00"), charge.Amount);
    }

    // proRations/inAdvance/monthly/TestProRation.java, testSinglePlan_ChangeBCD: plan change on 2011-02-14
    // with bill-cycle day 27: ONE.add(THIRTEEN.divide(THIRTY_ONE)) → the leading 13/31 = 0.419354839.
    [Fact]
    public void TestSinglePlan_ChangeBCD_AddOnFeb14Bcd27_Is13Of31()
    {
        var charge = Add("31.00", BillingCycle.Monthly, D(2011, 1, 27), D(2011, 2, 14));

        Assert.Equal(13, charge.UnitsRemaining);
        Assert.Equal(31, charge.UnitsInPeriod);
        Assert.Equal(419_354_839, charge.FractionNumerator);
        Assert.Equal(Usd("13.00"), charge.Amount);
    }

    // proRations/inAdvance/monthly/TestProRation.java: testSinglePlan_WithPhaseChange (2011-02-24, bill-cycle
    // day 10) and testSinglePlan_WithPhaseChange_BeforeBillCycleDay (2011-02-17, day 3) expect ONE_HALF for
    // the period from the phase change: 14 of 28 days.
    [Theory]
    [InlineData(10, 24)]
    [InlineData(3, 17)]
    public void TestSinglePlan_WithPhaseChange_AddMidFebruary_IsOneHalf(int billCycleDay, int addDay)
    {
        var charge = Add("30.00", BillingCycle.Monthly, D(2011, 1, billCycleDay), D(2011, 2, addDay));

        Assert.Equal(14, charge.UnitsRemaining);
        Assert.Equal(28, charge.UnitsInPeriod);
        Assert.Equal(500_000_000, charge.FractionNumerator);
        Assert.Equal(Usd("15.00"), charge.Amount);
    }

    // proRations/inAdvance/monthly/TestProRation.java: testPlanChange_OnBillingDay (change 2011-03-07 to
    // bill-cycle day 15: EIGHT.divide(TWENTY_EIGHT) + 2 = 0.285714286 leading) and
    // testPlanChange_AfterBillingDay (change 2011-03-10 to day 15: FIVE.divide(TWENTY_EIGHT) + 2 = 0.178571429).
    [Theory]
    [InlineData(7, 8, 285_714_286, "8.00")]   // 28.00 × 0.285714286 = 8.000000008
    [InlineData(10, 5, 178_571_429, "5.00")]  // 28.00 × 0.178571429 = 5.000000012
    public void TestPlanChange_ToBcd15InMarch_IsDaysOf28(int addDay, long daysLeft, long billionths, string amount)
    {
        var charge = Add("28.00", BillingCycle.Monthly, D(2011, 1, 15), D(2011, 3, addDay));

        Assert.Equal(daysLeft, charge.UnitsRemaining);
        Assert.Equal(28, charge.UnitsInPeriod);
        Assert.Equal(billionths, charge.FractionNumerator);
        Assert.Equal(Usd(amount), charge.Amount);
    }

    // An add on a bill date is billed the whole period, with no leading pro-ration: BillingIntervalDetail's
    // first billing cycle date is the start date itself when the start falls on the (clamped) bill-cycle
    // day. proRations/inAdvance/monthly/TestProRation.java expects whole cycles (ONE, TWO) in
    // testPlanChange_WithChangeOfBillCycleDayToLaterDay (2011-02-15, day 15),
    // testPlanChange_WithChangeOfBillCycleDayToEarlierDay (2011-03-06, day 6),
    // testSinglePlan_CrossingYearBoundary (2010-12-15, day 15),
    // testSinglePlan_LeapYear_StartingMidFebruary (2012-02-15, day 15) and
    // testSinglePlan_LeapYear_IncludingAllOfFebruary (2012-01-30, day 30: the period 2012-01-30..2012-02-29
    // is 30 days while one month back from its end is 2012-01-29, yet Kill Bill bills the whole period).
    [Theory]
    [InlineData(2011, 2, 15)]
    [InlineData(2011, 3, 6)]
    [InlineData(2010, 12, 15)]
    [InlineData(2012, 2, 15)]
    [InlineData(2012, 1, 30)]
    public void TestProRation_StartOnTheBillCycleDay_ChargesTheFullPrice(int year, int month, int day)
    {
        var charge = Add("31.00", BillingCycle.Monthly, D(year, month, day), D(year, month, day));

        Assert.Equal(Usd("31.00"), charge.Amount);
        Assert.Equal(1_000_000_000, charge.FractionNumerator);
        Assert.Equal(charge.Period.Start, charge.DenominatorStart);
        Assert.Equal(charge.Period.Days, charge.UnitsInPeriod);
    }

    // proRations/inAdvance/monthly/TestDoubleProRation.java, testDoubleProRation_TargetDateOnStartDate and
    // testDoubleProRation_TargetDateInFirstProRationPeriod: start 2011-01-01 with bill-cycle day 15, the
    // leading period is FOURTEEN.divide(THIRTY_ONE) = 0.451612903 (the trailing pro-ration up to the end
    // date is a cancellation, which an add does not model).
    [Fact]
    public void TestDoubleProRation_StartJan1Bcd15_Leading14Of31()
    {
        var charge = Add("31.00", BillingCycle.Monthly, D(2010, 12, 15), D(2011, 1, 1));

        Assert.Equal(451_612_903, charge.FractionNumerator);
        Assert.Equal(Usd("14.00"), charge.Amount);
    }

    // generator/TestDefaultInvoiceGenerator.java, testWithSingleMonthlyEventWithLeadingProRation: start
    // 2011-09-01, bill-cycle day 15, rate 10: KillBillMoney.of((1 + 14/31 at scale 9) × 10); the leading item
    // is 0.451612903 × 10.00 = 4.51612903 → 4.52.
    [Fact]
    public void TestWithSingleMonthlyEventWithLeadingProRation_Sep1Bcd15At10_Charges452()
    {
        var charge = Add("10.00", BillingCycle.Monthly, D(2011, 8, 15), D(2011, 9, 1));

        Assert.Equal(14, charge.UnitsRemaining);
        Assert.Equal(31, charge.UnitsInPeriod);
        Assert.Equal(Usd("4.52"), charge.Amount);
        Assert.Equal(Usd("14.52"), Usd("10.00") + charge.Amount); // the invoice's balance: the leading item and one whole period
    }

    // generator/TestDefaultInvoiceGenerator.java, testInvoiceGenerationFailureScenario: the 9.95 discount
    // phase starts on 2012-04-05 with bill-cycle day 15; the invoice's balance is 3.21:
    // 10/31 = 0.322580645, × 9.95 = 3.20967741775 → 3.21.
    [Fact]
    public void TestInvoiceGenerationFailureScenario_Apr5Bcd15At995_Charges321()
    {
        var charge = Add("9.95", BillingCycle.Monthly, D(2012, 3, 15), D(2012, 4, 5));

        Assert.Equal(10, charge.UnitsRemaining);
        Assert.Equal(31, charge.UnitsInPeriod);
        Assert.Equal(322_580_645, charge.FractionNumerator);
        Assert.Equal(Usd("3.21"), charge.Amount);
        Assert.Equal(
            "Kill Bill: 10 of 31 days left from 2012-03-15 (2012-04-15 less one cycle) to 2012-04-15, period 2012-03-15..2012-04-15: "
            + "10/31 = 0.322580645 (9 places, half up); 9.95 × 0.322580645 = 3.20967741775 → 3.21 (half up)",
            charge.Explain());
    }

    // generator/TestInvoiceDateUtils.java, testProRationAfterLastBillingCycleDate: 92 days over a 31-day
    // period is 2.967741935 (9 places, half up). A trailing pro-ration is not an add; this pins the 9-place
    // rounding the add shares with it.
    [Fact]
    public void TestProRationAfterLastBillingCycleDate_92Of31_Is2967741935Billionths()
    {
        Assert.Equal(2_967_741_935, Proration.KillBillFraction(92, 31));
    }

    // The rulebook's example (spec §5, issue 13): anchor 2025-01-31, 31.00: 2025-02-15 → 13/31 = 0.419354839
    // → 13.00, 2025-03-15 → 16/31 → 16.00, 2025-02-01 → 27/31 → 27.00.
    [Theory]
    [InlineData(2, 15, 13, 31, 2025, 1, 28, "13.00")]
    [InlineData(3, 15, 16, 31, 2025, 2, 28, "16.00")]
    [InlineData(2, 1, 27, 31, 2025, 1, 28, "27.00")]
    public void Rulebook_Anchor31st_ChargesByOneMonthBeforeTheEnd(
        int month, int day, long daysLeft, long denominator, int startYear, int startMonth, int startDay, string amount)
    {
        var charge = Add("31.00", BillingCycle.Monthly, D(2025, 1, 31), D(2025, month, day));

        Assert.Equal(daysLeft, charge.UnitsRemaining);
        Assert.Equal(denominator, charge.UnitsInPeriod);
        Assert.Equal(D(startYear, startMonth, startDay), charge.DenominatorStart);
        Assert.Equal(Usd(amount), charge.Amount);
    }

    [Fact]
    public void Explain_RulebookExample_NamesKillBillAndShowsTheFractionAndDenominatorDates()
    {
        var charge = Add("31.00", BillingCycle.Monthly, D(2025, 1, 31), D(2025, 2, 15));

        Assert.Equal(
            "Kill Bill: 13 of 31 days left from 2025-01-28 (2025-02-28 less one cycle) to 2025-02-28, period 2025-01-31..2025-02-28: "
            + "13/31 = 0.419354839 (9 places, half up); 31.00 × 0.419354839 = 13.000000009 → 13.00 (half up)",
            charge.Explain());
    }
}
