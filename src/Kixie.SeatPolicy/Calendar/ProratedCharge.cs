using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kixie.SeatPolicy;

/// <summary>
/// A prorated charge with its explanation: the rounded <see cref="Amount"/>, the seat
/// <see cref="Price"/> it came from, the <see cref="Period"/>, the units (days or seconds) left and
/// in the period, and how it was rounded. <c>Amount = round(Price × UnitsRemaining / UnitsInPeriod)</c>,
/// the fraction exact and rounded once.
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

    // The amount in the price's currency: kept as minor units so that the value stays small (it is
    // copied into every SeatAdded event and Added outcome).
    private readonly long _amount;

    /// <summary>What is invoiced now: the price times the fraction, rounded once to a minor unit.</summary>
    public Money Amount => Money.FromMinorUnits(_amount, Price.Currency);

    /// <summary>The full seat price for one billing period.</summary>
    public Money Price { get; }

    /// <summary>The billing period the charge covers the rest of.</summary>
    public BillingPeriod Period { get; }

    /// <summary>Days (or seconds) from the add to the end of the period; with days, the add's own day counts as used.</summary>
    public long UnitsRemaining { get; }

    /// <summary>Days (or seconds) in the whole period, as the <see cref="Convention"/> counts them.</summary>
    public long UnitsInPeriod { get; }

    /// <summary>The granularity, day count and rounding the charge was computed with.</summary>
    public ProrationConvention Convention { get; }

    /// <summary>The unit counted: <c>"days"</c> or <c>"seconds"</c>.</summary>
    public string UnitName => Convention.Granularity == ProrationGranularity.Second ? "seconds" : "days";

    /// <summary>
    /// The arithmetic in one line, e.g.
    /// <c>14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55</c>.
    /// The exact value is shown to one digit beyond the currency's, with <c>…</c> when it goes on.
    /// </summary>
    /// <returns>The explanation.</returns>
    public string Explain()
    {
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
