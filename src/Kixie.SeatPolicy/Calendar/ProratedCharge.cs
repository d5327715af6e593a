using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// A prorated charge with its explanation: the rounded <see cref="Amount"/>, the seat
/// <see cref="Price"/> it came from, the <see cref="Period"/>, the units (days or seconds) left and
/// in the period, and the <see cref="Convention"/> that computed it. By the standard rule
/// <c>Amount = round(Price × UnitsRemaining / UnitsInPeriod)</c>, the fraction exact and rounded once;
/// a preset engine computes its own way (<see cref="ProrationEngine"/>), and the charge says how in
/// <see cref="Explain"/>, <see cref="DenominatorStart"/> and the fraction's parts.
/// </summary>
/// <remarks>Produced by <see cref="Proration"/>. An immutable value; the default is a zero charge.</remarks>
public readonly record struct ProratedCharge
{
    internal ProratedCharge(
        Money amount,
        Money price,
        BillingPeriod period,
        long unitsRemaining,
        long unitsInPeriod,
        ProrationConvention convention)
    {
        Debug.Assert(amount.Currency == price.Currency, "A charge is in the price's currency.");
        _amount = amount.MinorUnits;
        Price = price;
        Period = period;
        UnitsRemaining = unitsRemaining;
        UnitsInPeriod = unitsInPeriod;
        Convention = convention;
    }

    /// <summary>
    /// A charge rebuilt from its facts, as a store or a message holds them (the JSON package reads
    /// events this way). <see cref="Proration"/> is what computes charges; this checks that the facts
    /// fit together but does not compute the amount again.
    /// </summary>
    /// <param name="amount">What was charged, in the price's currency, from zero to the price.</param>
    /// <param name="price">The full seat price for one period; zero or more.</param>
    /// <param name="period">The billing period the charge covers the rest of.</param>
    /// <param name="unitsRemaining">Days (or seconds) left, from zero to <paramref name="unitsInPeriod"/>.</param>
    /// <param name="unitsInPeriod">Days (or seconds) counted in the period (for Kill Bill, in its denominator); more than zero.</param>
    /// <param name="convention">The convention the charge was computed with; a defined one.</param>
    /// <returns>The charge.</returns>
    /// <exception cref="ValueRefusedException">A fact is out of range or does not fit the others; <see cref="ValueRefusedException.Member"/> names it.</exception>
    public static ProratedCharge Create(
        Money amount,
        Money price,
        BillingPeriod period,
        long unitsRemaining,
        long unitsInPeriod,
        ProrationConvention convention)
    {
        if (!convention.IsDefined)
        {
            throw new ValueRefusedException(nameof(convention), nameof(convention), convention, "the convention has an undefined member or a preset with another member changed");
        }

        if (price.IsNegative)
        {
            throw new ValueRefusedException(nameof(price), nameof(price), price, $"the price {price} is negative");
        }

        if (amount.Currency != price.Currency || amount.IsNegative || amount > price)
        {
            throw new ValueRefusedException(nameof(amount), nameof(amount), amount, $"the amount {amount} {amount.Currency} is not between zero and the price {price} {price.Currency}");
        }

        if (unitsInPeriod <= 0)
        {
            throw new ValueRefusedException(nameof(unitsInPeriod), nameof(unitsInPeriod), unitsInPeriod, $"{unitsInPeriod} units in a period; a period has more than zero");
        }

        if (unitsRemaining < 0 || unitsRemaining > unitsInPeriod)
        {
            throw new ValueRefusedException(nameof(unitsRemaining), nameof(unitsRemaining), unitsRemaining, $"{unitsRemaining} units left is not between zero and the {unitsInPeriod} in the period");
        }

        return new ProratedCharge(amount, price, period, unitsRemaining, unitsInPeriod, convention);
    }

    // The amount in the price's currency: kept as minor units so that the value stays small (it is
    // copied into every Added event and Added outcome).
    private readonly long _amount;

    /// <summary>What is invoiced now: the price times the fraction, rounded once to a minor unit.</summary>
    public Money Amount => Money.FromMinorUnits(_amount, Price.Currency);

    /// <summary>The full seat price for one billing period.</summary>
    public Money Price { get; }

    /// <summary>The billing period the charge covers the rest of.</summary>
    public BillingPeriod Period { get; }

    /// <summary>Days (or seconds) from the add to the end of the period; with days, the add's own day counts as used.</summary>
    public long UnitsRemaining { get; }

    /// <summary>
    /// Days (or seconds) the price is spread over, as the <see cref="Convention"/> counts them: the whole
    /// period's, except for Kill Bill, whose denominator runs from <see cref="DenominatorStart"/> (one cycle
    /// before the period's end) to the period's end.
    /// </summary>
    public long UnitsInPeriod { get; }

    /// <summary>The granularity, day count and rounding, or the preset engine, the charge was computed with.</summary>
    public ProrationConvention Convention { get; }

    /// <summary>
    /// The first day of the span the price is spread over (<see cref="UnitsInPeriod"/> counts from it to the
    /// period's end): the period's start, except for Kill Bill, where it is the period's end less one
    /// billing cycle with the day clamped to the month's end (2025-01-28 for the period
    /// 2025-01-31..2025-02-28), and the period's start again for an add on a bill date, which Kill Bill
    /// bills whole.
    /// </summary>
    public LocalDate DenominatorStart =>
        Convention.Engine == ProrationEngine.KillBill && UnitsInPeriod != Period.Days
            ? Period.End.PlusDays(-checked((int)UnitsInPeriod))
            : Period.Start;

    /// <summary>
    /// The numerator of the fraction of the price charged, as the convention states it:
    /// <see cref="UnitsRemaining"/>, except for Kill Bill, whose fraction is rounded half up to 9 decimal
    /// places and given here in billionths (<c>419354839</c> for 13/31). Lago's fraction is the exact ratio,
    /// but Lago computes with it in binary floating point (see <see cref="Explain"/>).
    /// </summary>
    public long FractionNumerator =>
        Convention.Engine == ProrationEngine.KillBill ? Proration.KillBillFraction(UnitsRemaining, UnitsInPeriod) : UnitsRemaining;

    /// <summary>
    /// The denominator of the fraction of the price charged: <see cref="UnitsInPeriod"/>, except for
    /// Kill Bill, whose 9-place fraction is over 1,000,000,000. Zero only for the default charge.
    /// </summary>
    public long FractionDenominator =>
        Convention.Engine == ProrationEngine.KillBill ? Proration.KillBillScale : UnitsInPeriod;

    /// <summary>The unit counted: <c>"days"</c> or <c>"seconds"</c>.</summary>
    public string UnitName => Convention.Granularity == ProrationGranularity.Second ? "seconds" : "days";

    /// <summary>
    /// The arithmetic in one line. The standard rule (unchanged text, which existing callers pin):
    /// <c>14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55</c>, the exact value
    /// shown to one digit beyond the currency's, with <c>…</c> when it goes on, and <c>(half to even)</c>
    /// when it rounds so; <see cref="ProrationConvention.Name"/> names it. A preset names its engine and shows its own
    /// arithmetic: Kill Bill its denominator's dates and 9-place fraction,
    /// <c>Kill Bill: 13 of 31 days left from 2025-01-28 (2025-02-28 less one cycle) to 2025-02-28, period 2025-01-31..2025-02-28: 13/31 = 0.419354839 (9 places, half up); 31.00 × 0.419354839 = 13.000000009 → 13.00 (half up)</c>;
    /// Lago its per-day price in binary64,
    /// <c>Lago: 13 of 28 days left in 2025-01-31..2025-02-28: 3100 ÷ 28 = 110.71428571428571 per day (binary64); 13 × 110.71428571428571 = 1439.2857142857142 → 1439 minor units = 14.39 (half away from zero)</c>.
    /// </summary>
    /// <returns>The explanation.</returns>
    public string Explain()
    {
        switch (Convention.Engine)
        {
            case ProrationEngine.KillBill:
                return ExplainKillBill();
            case ProrationEngine.Lago:
                return ExplainLago();
            default:
                break;
        }

        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{UnitsRemaining} of {UnitsInPeriod} {UnitName} left in {Period}: ");
        builder.Append(CultureInfo.InvariantCulture, $"{Price} × {UnitsRemaining}/{UnitsInPeriod} = {ExactValue()} → {Amount}");
        if (Convention.Rounding == RoundingMode.HalfToEven)
        {
            builder.Append(" (half to even)");
        }

        return builder.ToString();
    }

    /// <inheritdoc cref="Explain"/>
    public override string ToString() => Explain();

    private string ExplainKillBill()
    {
        var fraction = FractionNumerator;
        var fractionText = Decimal(fraction, 9, 9);
        var product = (Int128)Price.MinorUnits * fraction;
        var productText = Decimal(product, Price.Currency.MinorDigits + 9, Price.Currency.MinorDigits);
        var end = Dates.Iso(Period.End);
        var span = UnitsRemaining == Period.Days
            ? string.Create(CultureInfo.InvariantCulture, $"{UnitsRemaining} of {UnitsInPeriod} days left in {Period} (an add on a bill date is billed the whole period)")
            : string.Create(CultureInfo.InvariantCulture, $"{UnitsRemaining} of {UnitsInPeriod} days left from {Dates.Iso(DenominatorStart)} ({end} less one cycle) to {end}, period {Period}");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Kill Bill: {span}: {UnitsRemaining}/{UnitsInPeriod} = {fractionText} (9 places, half up); {Price} × {fractionText} = {productText} → {Amount} (half up)");
    }

    private string ExplainLago()
    {
        var price = Price.MinorUnits;
        var perDay = LagoBinary64.PerDayText(price, UnitsInPeriod);
        var product = LagoBinary64.ProductText(price, UnitsRemaining, UnitsInPeriod);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Lago: {UnitsRemaining} of {UnitsInPeriod} days left in {Period}: {price} ÷ {UnitsInPeriod} = {perDay} per day (binary64); {UnitsRemaining} × {perDay} = {product} → {Amount.MinorUnits} minor units = {Amount} (half away from zero)");
    }

    /// <summary>
    /// A non-negative number of <c>10^-scale</c> units as a decimal, exact, trailing zeros dropped down
    /// to <paramref name="minimumDigits"/> decimal places.
    /// </summary>
    private static string Decimal(Int128 units, int scale, int minimumDigits)
    {
        var magnitude = units.ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        var whole = magnitude[..^scale];
        var digits = magnitude[^scale..].TrimEnd('0');
        if (digits.Length < minimumDigits)
        {
            digits = digits.PadRight(minimumDigits, '0');
        }

        return digits.Length == 0 ? whole : whole + "." + digits;
    }

    private string ExactValue()
    {
        if (UnitsInPeriod <= 0)
        {
            return Amount.ToString();
        }

        // One more digit than the currency has, truncated, with an ellipsis when inexact.
        var scaled = (Int128)Price.MinorUnits * UnitsRemaining * 10;
        var (tenths, remainder) = Int128.DivRem(scaled, UnitsInPeriod);
        var digits = Price.Currency.MinorDigits + 1;
        var negative = tenths < 0;
        var magnitude = Int128.Abs(tenths).ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var text = magnitude[..^digits] + "." + magnitude[^digits..];
        return (negative ? "-" : string.Empty) + text + (remainder == 0 ? string.Empty : "…");
    }
}
