using System;

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
/// Whose rule prorates a charge: this package's standard rule (configured by granularity, day count and
/// rounding), or the exact convention of another billing engine, reproduced to the minor unit so that a
/// team migrating from that engine, or reconciling against it, gets the same charges.
/// </summary>
/// <remarks>See <c>docs/conventions.md</c> for each rule, where it comes from and a worked example.</remarks>
public enum ProrationEngine
{
    /// <summary>
    /// This package's rule: <c>round(price × (end − add) / (end − start))</c> with the convention's
    /// granularity, day count and rounding, the fraction exact and rounded once. The default.
    /// </summary>
    Standard = 0,

    /// <summary>
    /// Kill Bill's leading pro-ration, billing in advance: the days left over the days from the period's
    /// end less one billing cycle (months subtracted from the end, the day clamped to the month's end) to
    /// the period's end, that fraction rounded half up to 9 decimal places, then the price times it
    /// rounded half up to a minor unit. An add on a bill date pays the full price.
    /// </summary>
    KillBill = 1,

    /// <summary>
    /// Lago's anniversary billing in advance: <c>days left × (price in minor units ÷ days in the period)</c>
    /// in IEEE-754 binary64 arithmetic, in that order, rounded half away from zero on the binary value.
    /// </summary>
    Lago = 2,
}

/// <summary>
/// How a prorated charge is computed, so that another billing system's results can be
/// reproduced: granularity, day count and rounding, or a preset <see cref="Engine"/> that replaces all
/// three. The default value is the spec's default: the standard rule by whole days, actual days, half
/// away from zero.
/// </summary>
/// <remarks>
/// <para>An immutable value. The day count only matters for day granularity. Undefined enum values are
/// rejected where a convention is given to an account or to <see cref="Proration"/>.</para>
/// <para>Choose a preset with <see cref="KillBill"/>, <see cref="Lago"/> or <see cref="For"/> (the same
/// values as <c>new ProrationConvention { Engine = … }</c>). A preset counts whole local days and does its
/// own rounding, so with an <see cref="Engine"/> other than <see cref="ProrationEngine.Standard"/> the
/// granularity, day count and rounding must keep their default values; any other combination is
/// refused as a caller's mistake.</para>
/// </remarks>
public readonly record struct ProrationConvention
{
    /// <summary>The spec's default: whole days, actual days, half away from zero.</summary>
    public static ProrationConvention Default => default;

    /// <summary>Kill Bill's leading pro-ration (see <see cref="ProrationEngine.KillBill"/>).</summary>
    public static ProrationConvention KillBill => new() { Engine = ProrationEngine.KillBill };

    /// <summary>Lago's anniversary proration in binary floating point (see <see cref="ProrationEngine.Lago"/>).</summary>
    public static ProrationConvention Lago => new() { Engine = ProrationEngine.Lago };

    /// <summary>
    /// The convention of an engine: its preset, or <see cref="Default"/> for
    /// <see cref="ProrationEngine.Standard"/>.
    /// </summary>
    /// <param name="engine">Whose rule.</param>
    /// <returns>The convention, with granularity, day count and rounding at their defaults.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="engine"/> is not a defined engine.</exception>
    public static ProrationConvention For(ProrationEngine engine)
    {
        if (engine is not (ProrationEngine.Standard or ProrationEngine.KillBill or ProrationEngine.Lago))
        {
            throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown proration engine.");
        }

        return new ProrationConvention { Engine = engine };
    }

    /// <summary>Whether days or seconds are counted. Default <see cref="ProrationGranularity.Day"/>; a preset counts days.</summary>
    public ProrationGranularity Granularity { get; init; }

    /// <summary>How days are counted. Default <see cref="DayCount.Actual"/>; a preset counts actual days.</summary>
    public DayCount DayCount { get; init; }

    /// <summary>How the one rounding to a minor unit is done. Default half away from zero; a preset rounds its own way.</summary>
    public RoundingMode Rounding { get; init; }

    /// <summary>
    /// Whose rule prorates: <see cref="ProrationEngine.Standard"/> (the default) honours granularity, day
    /// count and rounding; <see cref="ProrationEngine.KillBill"/> and <see cref="ProrationEngine.Lago"/>
    /// replace all three with that engine's arithmetic.
    /// </summary>
    public ProrationEngine Engine { get; init; }

    /// <summary>Whether this is another engine's preset rather than the standard rule.</summary>
    public bool IsPreset => Engine != ProrationEngine.Standard;

    /// <summary>
    /// A short name for tables and explanations: <c>"Kill Bill"</c>, <c>"Lago"</c>, or for the standard
    /// rule <c>"standard by day"</c>, <c>"standard 30E/360"</c> or <c>"standard by second"</c>, followed
    /// by <c>", half to even"</c> when it rounds so.
    /// </summary>
    public string Name => Engine switch
    {
        ProrationEngine.KillBill => "Kill Bill",
        ProrationEngine.Lago => "Lago",
        _ => (Granularity == ProrationGranularity.Second ? "standard by second" : DayCount == DayCount.Thirty360 ? "standard 30E/360" : "standard by day")
            + (Rounding == RoundingMode.HalfToEven ? ", half to even" : string.Empty),
    };

    /// <summary>
    /// Whether every member is a defined value and a preset leaves the others at their defaults (checked
    /// without boxing, on the hot path).
    /// </summary>
    internal bool IsDefined =>
        Engine == ProrationEngine.Standard
            ? Granularity is ProrationGranularity.Day or ProrationGranularity.Second
                && DayCount is DayCount.Actual or DayCount.Thirty360
                && Rounding is RoundingMode.HalfAwayFromZero or RoundingMode.HalfToEven
            : Engine is ProrationEngine.KillBill or ProrationEngine.Lago
                && Granularity == ProrationGranularity.Day
                && DayCount == DayCount.Actual
                && Rounding == RoundingMode.HalfAwayFromZero;
}
