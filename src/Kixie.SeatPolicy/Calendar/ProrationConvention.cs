namespace Kixie.SeatPolicy;

/// <summary>What a prorated charge counts: whole local days, or seconds between instants.</summary>
public enum ProrationGranularity
{
    /// <summary>
    /// Whole local days in the account's time zone; the day of the add counts as used. The default.
    /// </summary>
    Day = 0,

    /// <summary>
    /// Seconds between the period's ends (the start of each bill date in the account's zone, so a
    /// DST day has 23 or 25 hours) and the command's instant, truncated to the whole second.
    /// </summary>
    Second = 1,
}

/// <summary>How days are counted when the granularity is <see cref="ProrationGranularity.Day"/>.</summary>
public enum DayCount
{
    /// <summary>Actual calendar days. The default.</summary>
    Actual = 0,

    /// <summary>
    /// 30E/360: every month counts 30 days and a 31st counts as the 30th, as some billing engines
    /// prorate. The days between two dates are <c>360·Δyear + 30·Δmonth + (min(d₂,30) − min(d₁,30))</c>.
    /// </summary>
    Thirty360 = 1,
}

/// <summary>
/// How a prorated charge is computed, so that another billing system's results can be
/// reproduced: granularity, day count and rounding. The default value is the spec's default:
/// day granularity, actual days, half away from zero.
/// </summary>
/// <remarks>
/// An immutable value. The day count only matters for day granularity. Undefined enum values
/// are rejected where a convention is given to an account.
/// </remarks>
public readonly record struct ProrationConvention
{
    /// <summary>The spec's default: whole days, actual days, half away from zero.</summary>
    public static ProrationConvention Default => default;

    /// <summary>Whether days or seconds are counted. Default <see cref="ProrationGranularity.Day"/>.</summary>
    public ProrationGranularity Granularity { get; init; }

    /// <summary>How days are counted. Default <see cref="DayCount.Actual"/>.</summary>
    public DayCount DayCount { get; init; }

    /// <summary>How the one rounding to a minor unit is done. Default half away from zero.</summary>
    public RoundingMode Rounding { get; init; }

    /// <summary>Whether every member is a defined value (checked without boxing, on the hot path).</summary>
    internal bool IsDefined =>
        Granularity is ProrationGranularity.Day or ProrationGranularity.Second
        && DayCount is DayCount.Actual or DayCount.Thirty360
        && Rounding is RoundingMode.HalfAwayFromZero or RoundingMode.HalfToEven;
}
