using NodaTime;

namespace Kixie.SeatPolicy;

public static partial class Proration
{
    /// <summary>The scale of Kill Bill's pro-ration fraction: 9 decimal places (its <c>KillBillMoney.MAX_SCALE</c>).</summary>
    internal const long KillBillScale = 1_000_000_000;

    /// <summary>
    /// Kill Bill's leading pro-ration (rulebook §5, <see cref="ProrationEngine.KillBill"/>): the fraction
    /// <c>daysLeft / (end − (end − one cycle))</c> rounded half up to 9 decimal places, then the price times
    /// it rounded half up to a minor unit, all in integers. An add on a bill date pays the full price:
    /// Kill Bill then starts on its first billing cycle date and bills the whole period, with no leading
    /// pro-ration, even where the period is shorter than one cycle back from its end (the 31st of January
    /// to the 28th of February).
    /// </summary>
    private static ProratedCharge ChargeByKillBill(Money price, BillingCalendar calendar, BillingPeriod period, long daysLeft, ProrationConvention convention)
    {
        var denominator = daysLeft == period.Days ? daysLeft : KillBillDenominatorDays(period, (int)calendar.Cycle);
        var fraction = KillBillFraction(daysLeft, denominator);
        var amount = fraction == KillBillScale ? price : price.MultiplyByFraction(fraction, KillBillScale, RoundingMode.HalfAwayFromZero);
        return new ProratedCharge(amount, price, period, daysLeft, denominator, convention);
    }

    /// <summary>
    /// <c>daysLeft / denominator</c> rounded half up to 9 decimal places, in billionths (Kill Bill's
    /// <c>BigDecimal.divide(…, 9, ROUND_HALF_UP)</c>; both are non-negative, so half up is half away from zero).
    /// </summary>
    internal static long KillBillFraction(long daysLeft, long denominator) =>
        denominator <= 0 ? KillBillScale : Money.RoundQuotient(daysLeft * KillBillScale, denominator, RoundingMode.HalfAwayFromZero);

    /// <summary>
    /// The days from the period's end less one cycle (months subtracted from the end, the day clamped to
    /// the month's end, as Joda-Time's <c>LocalDate.minus(Period)</c> does) to the period's end: Kill Bill's
    /// denominator, which starts at the period's own start unless the end's day was clamped.
    /// </summary>
    private static long KillBillDenominatorDays(BillingPeriod period, int monthsPerCycle)
    {
        if (!period.IsIso)
        {
            var end = period.End;
            return Period.DaysBetween(end.PlusMonths(-monthsPerCycle), end);
        }

        var (year, month, day) = IsoDays.FromDayNumber(period.EndDayNumber);
        var monthIndex = IsoDays.MonthIndex(year, month) - monthsPerCycle;
        var startYear = Dates.FloorDiv(monthIndex, 12);
        var startMonth = monthIndex - (startYear * 12) + 1;
        var startDay = System.Math.Min(day, IsoDays.DaysInMonth(startYear, startMonth));
        return period.EndDayNumber - IsoDays.DayNumber(startYear, startMonth, startDay);
    }
}
