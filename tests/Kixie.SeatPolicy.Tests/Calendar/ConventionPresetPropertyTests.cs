using System;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>The laws of the Kill Bill and Lago presets, checked against arithmetic written here independently.</summary>
public sealed class ConventionPresetPropertyTests
{
    /// <summary>Prices up to 2^40 minor units: binary64 holds every product of them exactly enough for Lago's laws.</summary>
    private const long ModestPrice = 1L << 40;

    private static ProratedCharge Prorate(Money price, BillingCalendar calendar, LocalDate date, ProrationEngine engine) =>
        Proration.Prorate(price, calendar, date, ProrationConvention.For(engine));

    /// <summary><c>numerator / denominator</c> rounded half up (both non-negative), in 128 bits.</summary>
    private static Int128 HalfUp(Int128 numerator, Int128 denominator) => ((2 * numerator) + denominator) / (2 * denominator);

    [SeatPolicyProperty]
    public void Every_engine_charges_between_nothing_and_the_seat_price(
        SeatPrice price, BillingCalendar calendar, LocalDate date, ProrationEngine engine)
    {
        var charge = Prorate(price.Value, calendar, date, engine);

        Assert.InRange(charge.Amount.MinorUnits, 0, price.Value.MinorUnits);
        Assert.Equal(price.Value.Currency, charge.Amount.Currency);
        Assert.True(charge.Period.Contains(date));
        Assert.Equal(engine, charge.Convention.Engine);
        Assert.InRange(charge.UnitsRemaining, 1, charge.UnitsInPeriod);
    }

    [SeatPolicyProperty]
    public void An_add_on_a_bill_date_pays_the_full_price_under_every_engine(
        SeatPrice price, BillingCalendar calendar, LocalDate date, ProrationEngine engine)
    {
        // Lago's binary64 gives n × (p ÷ n) = p after rounding for any price below 2^50 minor units; Kill Bill
        // bills a start on its bill-cycle day as a whole period; the standard rule charges n/n.
        if (engine == ProrationEngine.Lago && price.Value.MinorUnits >= ModestPrice)
        {
            return;
        }

        var billDate = calendar.PeriodContaining(date).Start;
        var charge = Prorate(price.Value, calendar, billDate, engine);

        Assert.Equal(price.Value, charge.Amount);
        Assert.Equal(charge.Period.Start, charge.DenominatorStart);
        Assert.Equal(charge.FractionDenominator, engine == ProrationEngine.KillBill ? 1_000_000_000 : charge.FractionNumerator);
    }

    [SeatPolicyProperty]
    public void An_add_at_an_instant_is_the_add_on_its_local_date_for_every_engine(
        SeatPrice price, BillingCalendar calendar, Instant at, DateTimeZone zone, ProrationEngine engine)
    {
        var convention = ProrationConvention.For(engine);
        if (OutsideBilledDates.Refused(calendar, at, zone, () => Proration.Prorate(price.Value, calendar, at, zone, convention)))
        {
            return;
        }

        var byInstant = Proration.Prorate(price.Value, calendar, at, zone, convention);
        var byDate = Proration.Prorate(price.Value, calendar, at.InZone(zone).Date, convention);

        Assert.Equal(byDate, byInstant);
    }

    [SeatPolicyProperty]
    public void Kill_Bill_spreads_the_price_from_one_cycle_before_the_end_and_rounds_twice_half_up(
        SeatPrice price, BillingCalendar calendar, LocalDate date)
    {
        var charge = Prorate(price.Value, calendar, date, ProrationEngine.KillBill);
        var period = charge.Period;

        // Independently: NodaTime's PlusMonths clamps the day to the month's end, as Joda-Time's minus(Period) does.
        var daysLeft = Period.DaysBetween(date, period.End);
        var oneCycleBack = period.End.PlusMonths(-(int)calendar.Cycle);
        var denominatorStart = date == period.Start ? period.Start : oneCycleBack;
        var denominator = Period.DaysBetween(denominatorStart, period.End);
        var billionths = HalfUp((Int128)daysLeft * 1_000_000_000, denominator);
        var amount = HalfUp(billionths * price.Value.MinorUnits, 1_000_000_000);

        Assert.True(oneCycleBack <= period.Start, "One cycle back from the end never passes the period's start.");
        Assert.Equal(denominatorStart, charge.DenominatorStart);
        Assert.Equal(daysLeft, charge.UnitsRemaining);
        Assert.Equal(denominator, charge.UnitsInPeriod);
        Assert.Equal((long)billionths, charge.FractionNumerator);
        Assert.Equal((long)amount, charge.Amount.MinorUnits);
    }

    [SeatPolicyProperty]
    public void Lago_charges_the_days_left_over_the_whole_period_in_binary64(
        SeatPrice price, BillingCalendar calendar, LocalDate date)
    {
        var charge = Prorate(price.Value, calendar, date, ProrationEngine.Lago);

        Assert.Equal(Period.DaysBetween(date, charge.Period.End), charge.UnitsRemaining);
        Assert.Equal(charge.Period.Days, charge.UnitsInPeriod);
        Assert.Equal(
            LagoBinary64.Charge(price.Value.MinorUnits, charge.UnitsRemaining, charge.UnitsInPeriod),
            charge.Amount.MinorUnits);
    }

    /// <summary>
    /// Where Lago's binary64 and exact half-away rounding disagree: the exact value <c>d × p / n</c> is a
    /// half (its distance from any other half is at least <c>1/(2n)</c>, far beyond binary64's error at these
    /// sizes), binary64 lands just below it, and Lago charges one minor unit less.
    /// </summary>
    [SeatPolicyProperty(MaxTest = 20_000)]
    public void Lago_differs_from_exact_rounding_only_on_an_exact_half_and_then_charges_one_unit_less(LagoInput input)
    {
        var (price, daysLeft, periodDays) = (input.PriceMinorUnits, input.DaysLeft, input.PeriodDays);
        var lago = LagoBinary64.Charge(price, daysLeft, periodDays);
        var exactTwice = (Int128)2 * daysLeft * price;
        var exact = (long)HalfUp((Int128)daysLeft * price, periodDays);

        if (lago != exact)
        {
            Assert.Equal(0, exactTwice % periodDays == 0 && (exactTwice / periodDays) % 2 == 1 ? 0 : 1);
            Assert.Equal(exact - 1, lago);
            Assert.True(LagoBinary64.DiffersFromExact(price, daysLeft, periodDays));
        }
        else
        {
            Assert.False(LagoBinary64.DiffersFromExact(price, daysLeft, periodDays));
        }
    }
}
