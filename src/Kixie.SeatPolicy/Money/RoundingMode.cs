namespace Kixie.SeatPolicy;

/// <summary>
/// How an exact amount that falls between two minor units is rounded to one of them.
/// Rounding happens once per charge, never on intermediate results.
/// </summary>
public enum RoundingMode
{
    /// <summary>
    /// A half goes away from zero: 14.515 becomes 14.52 and -14.515 becomes -14.52.
    /// The default (the value of <c>default(RoundingMode)</c>) and what most invoices expect.
    /// </summary>
    HalfAwayFromZero = 0,

    /// <summary>
    /// A half goes to the even neighbour ("banker's rounding"): 14.525 becomes 14.52 and
    /// 14.535 becomes 14.54. Some billing engines use it to avoid an upward bias over many charges.
    /// </summary>
    HalfToEven = 1,
}
