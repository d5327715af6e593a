using System;
using System.Globalization;

namespace Kixie.SeatPolicy;

/// <summary>
/// Lago's proration arithmetic in IEEE-754 binary64: the ONE place in this package where a
/// <see cref="double"/> is right.
/// </summary>
/// <remarks>
/// <para>Everywhere else money is exact (integer minor units, exact fractions rounded once). Here the
/// point is to reproduce, to the minor unit, what Lago charges, and Lago computes a prorated fee in
/// Ruby floats: <c>Subscriptions::DatesService#single_day_price</c> is <c>amount_cents.fdiv(days in
/// the period)</c> (a binary64 quotient), <c>Fees::SubscriptionService</c> multiplies it by the days
/// to bill (a second binary64 rounding) and rounds the product with <c>Float#round</c> (half away from
/// zero, on the binary value). The two binary roundings can carry a result across a half: 21 of 28
/// days of 34 minor units is exactly 25.5 (→ 26) but <c>21 × (34 ÷ 28)</c> is 25.499999999999996 in
/// binary64 (→ 25). Exact arithmetic would disagree with Lago there, so this file computes as Lago
/// does, in this order, and nothing outside it sees a <see cref="double"/>: callers get minor units
/// or text.</para>
/// <para>Above 2^50 minor units binary64 cannot hold the product to within half a unit (and above 2^53
/// not even the price, which Lago's Ruby would divide exactly as a big integer): the charge is then
/// computed the same way and capped at the price, so that, like every charge, it never exceeds it.</para>
/// </remarks>
internal static class LagoBinary64
{
    /// <summary>
    /// <c>round(daysLeft × (priceMinorUnits ÷ periodDays))</c> in binary64, half away from zero, as minor
    /// units; never more than the price.
    /// </summary>
    public static long Charge(long priceMinorUnits, long daysLeft, long periodDays)
    {
        if (periodDays <= 0)
        {
            return priceMinorUnits;
        }

        var rounded = Math.Round(Product(priceMinorUnits, daysLeft, periodDays), MidpointRounding.AwayFromZero);
        return rounded >= priceMinorUnits ? priceMinorUnits : (long)rounded;
    }

    /// <summary>The per-day price <c>priceMinorUnits ÷ periodDays</c> as Ruby prints the binary64 value, e.g. <c>110.71428571428571</c>.</summary>
    public static string PerDayText(long priceMinorUnits, long periodDays) =>
        Text(PerDay(priceMinorUnits, periodDays));

    /// <summary>The unrounded charge <c>daysLeft × per-day price</c> as Ruby prints the binary64 value, e.g. <c>1439.2857142857142</c>.</summary>
    public static string ProductText(long priceMinorUnits, long daysLeft, long periodDays) =>
        Text(Product(priceMinorUnits, daysLeft, periodDays));

    /// <summary>
    /// Whether the binary64 charge differs from <c>daysLeft × priceMinorUnits / periodDays</c> computed
    /// exactly and rounded half away from zero (for tests and docs: where Lago's floats show).
    /// </summary>
    public static bool DiffersFromExact(long priceMinorUnits, long daysLeft, long periodDays) =>
        Charge(priceMinorUnits, daysLeft, periodDays)
            != Math.Min(priceMinorUnits, (long)Money.RoundQuotient((Int128)priceMinorUnits * daysLeft, periodDays, RoundingMode.HalfAwayFromZero));

    private static double PerDay(long priceMinorUnits, long periodDays) => (double)priceMinorUnits / periodDays;

    private static double Product(long priceMinorUnits, long daysLeft, long periodDays) =>
        daysLeft * PerDay(priceMinorUnits, periodDays);

    /// <summary>The shortest text that reads back as the same binary64 value, with <c>.0</c> on a whole number as Ruby prints it.</summary>
    private static string Text(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
