namespace Kixie.SeatPolicy;

public static partial class Proration
{
    /// <summary>
    /// Lago's anniversary billing in advance (rulebook §5, <see cref="ProrationEngine.Lago"/>):
    /// <c>daysLeft × (price in minor units ÷ days in the period)</c> in binary64, rounded half away from zero
    /// (see <see cref="LagoBinary64"/>, the one place the package computes in floating point).
    /// </summary>
    private static ProratedCharge ChargeByLago(Money price, BillingPeriod period, long daysLeft, ProrationConvention convention)
    {
        var minorUnits = LagoBinary64.Charge(price.MinorUnits, daysLeft, period.Days);
        return new ProratedCharge(Money.FromMinorUnits(minorUnits, price.Currency), price, period, daysLeft, period.Days, convention);
    }
}
