using System;
using System.Linq;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class ProrationPropertyTests
{
    private const long NanosPerSecond = 1_000_000_000;

    private static long WholeSeconds(Duration duration)
    {
        var nanos = duration.ToInt64Nanoseconds();
        Assert.Equal(0, nanos % NanosPerSecond);
        return nanos / NanosPerSecond;
    }

    /// <summary>30E/360 as the spec states it, written independently of the library (actual days via the BCL).</summary>
    private static long Thirty360Days(LocalDate from, LocalDate to) =>
        (360L * (to.Year - from.Year)) + (30L * (to.Month - from.Month)) + (Math.Min(to.Day, 30) - Math.Min(from.Day, 30));

    private static long Days(LocalDate from, LocalDate to, DayCount dayCount) =>
        dayCount == DayCount.Thirty360 ? Thirty360Days(from, to) : (to.ToDateTimeUnspecified() - from.ToDateTimeUnspecified()).Days;

    /// <summary>Whether <paramref name="amount"/> is <c>price × remaining / total</c> rounded once in the given mode.</summary>
    private static void AssertRoundedOnce(Money price, long remaining, long total, RoundingMode rounding, Money amount)
    {
        var exact = (Int128)price.MinorUnits * remaining;
        var error = ((Int128)amount.MinorUnits * total) - exact;
        Assert.True(Int128.Abs(error) * 2 <= total, $"{amount} is not {price} × {remaining}/{total} rounded");
        if (Int128.Abs(error) * 2 == total)
        {
            // An exact half: away from zero rounds up (the amount is never negative), to even lands on an even unit.
            Assert.True(
                rounding == RoundingMode.HalfAwayFromZero ? error > 0 : amount.MinorUnits % 2 == 0,
                $"{amount} rounds {price} × {remaining}/{total} the wrong way for {rounding}");
        }
    }

    [SeatPolicyProperty]
    public void A_charge_is_never_negative_and_never_above_the_seat_price(
        SeatPrice price, BillingCalendar calendar, Instant at, DateTimeZone zone, ProrationConvention convention)
    {
        if (OutsideBilledDates.Refused(calendar, at, zone, () => Proration.Prorate(price.Value, calendar, at, zone, convention)))
        {
            return;
        }

        var charge = Proration.Prorate(price.Value, calendar, at, zone, convention);

        Assert.InRange(charge.Amount.MinorUnits, 0, price.Value.MinorUnits);
        Assert.Equal(price.Value.Currency, charge.Amount.Currency);
        Assert.InRange(charge.UnitsRemaining, 0, charge.UnitsInPeriod);
        Assert.True(charge.UnitsInPeriod > 0);
        Assert.True(charge.Period.Contains(at.InZone(zone).Date));
        Assert.Equal(convention, charge.Convention);
    }

    [SeatPolicyProperty]
    public void A_charge_by_date_is_never_negative_and_never_above_the_seat_price(
        SeatPrice price, BillingCalendar calendar, LocalDate date, DayCount dayCount, RoundingMode rounding)
    {
        var convention = new ProrationConvention { DayCount = dayCount, Rounding = rounding };

        var charge = Proration.Prorate(price.Value, calendar, date, convention);

        Assert.InRange(charge.Amount.MinorUnits, 0, price.Value.MinorUnits);
        Assert.True(charge.Period.Contains(date));
    }

    [SeatPolicyProperty]
    public void A_charge_by_days_for_an_instant_is_the_charge_for_its_local_date(
        SeatPrice price, BillingCalendar calendar, Instant at, DateTimeZone zone, DayCount dayCount, RoundingMode rounding)
    {
        var convention = new ProrationConvention { DayCount = dayCount, Rounding = rounding };
        if (OutsideBilledDates.Refused(calendar, at, zone, () => Proration.Prorate(price.Value, calendar, at, zone, convention)))
        {
            return;
        }

        var charge = Proration.Prorate(price.Value, calendar, at, zone, convention);

        Assert.Equal(Proration.Prorate(price.Value, calendar, at.InZone(zone).Date, convention), charge);
    }

    [SeatPolicyProperty]
    public void A_charge_by_days_is_the_exact_fraction_of_days_left_rounded_once(
        SeatPrice price, BillingCalendar calendar, LocalDate date, DayCount dayCount, RoundingMode rounding)
    {
        var convention = new ProrationConvention { DayCount = dayCount, Rounding = rounding };
        var period = calendar.PeriodContaining(date);

        var charge = Proration.Prorate(price.Value, calendar, date, convention);

        Assert.Equal(period, charge.Period);
        Assert.Equal(Days(date, period.End, dayCount), charge.UnitsRemaining);
        Assert.Equal(Days(period.Start, period.End, dayCount), charge.UnitsInPeriod);
        AssertRoundedOnce(price.Value, charge.UnitsRemaining, charge.UnitsInPeriod, rounding, charge.Amount);
        if (date == period.Start)
        {
            Assert.Equal(price.Value, charge.Amount);
        }
    }

    [SeatPolicyProperty]
    public void A_charge_by_seconds_is_the_exact_fraction_of_seconds_left_rounded_once(
        SeatPrice price, BillingCalendar calendar, Instant at, DateTimeZone zone, RoundingMode rounding)
    {
        var convention = new ProrationConvention { Granularity = ProrationGranularity.Second, Rounding = rounding };
        if (OutsideBilledDates.Refused(calendar, at, zone, () => Proration.Prorate(price.Value, calendar, at, zone, convention)))
        {
            return;
        }

        var period = calendar.PeriodContaining(at.InZone(zone).Date);
        var start = zone.AtStartOfDay(period.Start).ToInstant();
        var end = zone.AtStartOfDay(period.End).ToInstant();

        var charge = Proration.Prorate(price.Value, calendar, at, zone, convention);

        // The add's instant counts from its whole second: a fraction of a second left counts as a whole one.
        var nanosLeft = (end - at).ToInt64Nanoseconds();
        Assert.Equal(period, charge.Period);
        Assert.Equal(WholeSeconds(end - start), charge.UnitsInPeriod);
        Assert.Equal((nanosLeft + NanosPerSecond - 1) / NanosPerSecond, charge.UnitsRemaining);
        AssertRoundedOnce(price.Value, charge.UnitsRemaining, charge.UnitsInPeriod, rounding, charge.Amount);
    }

    [SeatPolicyProperty]
    public void Charges_over_the_pieces_of_a_split_period_add_up_to_the_full_price_within_one_minor_unit_per_piece(DaySplit split)
    {
        var price = split.Price.Value;
        var dayCount = split.Convention.DayCount;
        var rounding = split.Convention.Rounding;
        var cuts = split.Cuts;
        var pieces = cuts.Length - 1;
        var total = Days(split.Period.Start, split.Period.End, dayCount);

        // Each piece [cut i, cut i+1) charged on its own: its exact share of the period, rounded once.
        var pieceDays = Enumerable.Range(0, pieces).Select(i => Days(cuts[i], cuts[i + 1], dayCount)).ToArray();
        var pieceCharges = pieceDays.Select(days => price.MultiplyByFraction(days, total, rounding).MinorUnits).ToArray();
        Assert.Equal(total, pieceDays.Sum());
        Assert.InRange(pieceCharges.Sum(), price.MinorUnits - pieces, price.MinorUnits + pieces);

        // A seat added at cut i pays for the pieces from i on: its prorated charge is their sum within a unit per piece.
        for (var i = 0; i < pieces; i++)
        {
            var charge = Proration.Prorate(price, split.Calendar, cuts[i], split.Convention);
            var rest = pieceCharges[i..].Sum();

            Assert.Equal(split.Period, charge.Period);
            Assert.Equal(total, charge.UnitsInPeriod);
            Assert.Equal(pieceDays[i..].Sum(), charge.UnitsRemaining);
            Assert.InRange(charge.Amount.MinorUnits, rest - (pieces - i), rest + (pieces - i));
        }
    }

    [SeatPolicyProperty]
    public void Charges_over_the_pieces_of_a_period_split_at_instants_add_up_to_the_full_price_within_one_minor_unit_per_piece(
        SecondSplit split)
    {
        var price = split.Price.Value;
        var convention = new ProrationConvention { Granularity = ProrationGranularity.Second, Rounding = split.Rounding };
        var cuts = split.Cuts;
        var pieces = cuts.Length - 1;
        var total = WholeSeconds(cuts[^1] - cuts[0]);

        var pieceSeconds = Enumerable.Range(0, pieces).Select(i => WholeSeconds(cuts[i + 1] - cuts[i])).ToArray();
        var pieceCharges = pieceSeconds.Select(seconds => price.MultiplyByFraction(seconds, total, split.Rounding).MinorUnits).ToArray();
        Assert.InRange(pieceCharges.Sum(), price.MinorUnits - pieces, price.MinorUnits + pieces);

        for (var i = 0; i < pieces; i++)
        {
            var charge = Proration.Prorate(price, split.Calendar, cuts[i], split.Zone, convention);
            var rest = pieceCharges[i..].Sum();

            Assert.Equal(split.Period, charge.Period);
            Assert.Equal(total, charge.UnitsInPeriod);
            Assert.Equal(pieceSeconds[i..].Sum(), charge.UnitsRemaining);
            Assert.InRange(charge.Amount.MinorUnits, rest - (pieces - i), rest + (pieces - i));
        }
    }

    [SeatPolicyProperty]
    public void A_later_add_in_the_same_period_never_costs_more(DaySplit split)
    {
        var charges = split.Cuts.SkipLast(1)
            .Select(cut => Proration.Prorate(split.Price.Value, split.Calendar, cut, split.Convention).Amount.MinorUnits)
            .ToArray();

        for (var i = 1; i < charges.Length; i++)
        {
            Assert.True(charges[i] <= charges[i - 1], $"the add on cut {i} costs {charges[i]}, more than {charges[i - 1]}");
        }
    }
}
