using System;

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
        var denominator = daysLeft == period.Days ? daysLeft : calendar.DaysFromOneCycleBeforeEnd(period);
        var fraction = KillBillFraction(daysLeft, denominator);
        var amount = fraction == KillBillScale ? price : Money.FromMinorUnits(TimesBillionths(price.MinorUnits, fraction), price.Currency);
        return new ProratedCharge(amount, price, period, daysLeft, denominator, convention);
    }

    /// <summary>
    /// <c>minorUnits × billionths / 10^9</c> rounded half up (Kill Bill's <c>KillBillMoney.of</c>), for a
    /// non-negative price and a fraction of at most one: what <see cref="Money.MultiplyByFraction"/> gives,
    /// with the divisor a constant so that the JIT divides by multiplying.
    /// </summary>
    private static long TimesBillionths(long minorUnits, long billionths)
    {
        const long Half = KillBillScale / 2;
        var high = Math.BigMul(minorUnits, billionths, out var low);
        if (high == 0 && low >= 0)
        {
            var quotient = low / KillBillScale;
            return low - (quotient * KillBillScale) >= Half ? quotient + 1 : quotient;
        }

        var (wholeUnits, remainder) = Int128.DivRem((Int128)minorUnits * billionths, KillBillScale);
        return (long)(remainder >= Half ? wholeUnits + 1 : wholeUnits);
    }

    /// <summary>
    /// <c>daysLeft / denominator</c> rounded half up to 9 decimal places, in billionths (Kill Bill's
    /// <c>BigDecimal.divide(…, 9, ROUND_HALF_UP)</c>; both are non-negative, so half up is half away from zero).
    /// </summary>
    internal static long KillBillFraction(long daysLeft, long denominator) =>
        denominator <= 0 ? KillBillScale : Money.RoundQuotient(daysLeft * KillBillScale, denominator, RoundingMode.HalfAwayFromZero);
}
