using BenchmarkDotNet.Attributes;
using Kixie.SeatPolicy.Benchmarks.Baseline;
using NodaTime;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>Proration of one add (day and second granularity, the Kill Bill and Lago presets) and finding a date's billing period.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ProrationBenchmarks
{
    private BillingCalendar _calendar = null!;
    private NaiveAccount _naive = null!;
    private readonly ProrationConvention _seconds = new() { Granularity = ProrationGranularity.Second };
    private readonly LocalDate _date = new(2026, 3, 17);
    private readonly DateTime _utc = new(2026, 3, 17, 18, 0, 0, DateTimeKind.Utc);
    private static readonly Instant NextMonth = Fixtures.At.Plus(Duration.FromDays(31));
    private static readonly Instant June = Instant.FromUtc(2026, 6, 17, 18, 0);
    private bool _flip;

    /// <summary>The anchor's day of month: the 1st, or the 31st (clamped in short months).</summary>
    [Params(1, 31)]
    public int AnchorDay { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var anchor = new LocalDate(2026, 1, AnchorDay);
        _calendar = new BillingCalendar(BillingCycle.Monthly, anchor);
        _naive = NaiveSeatPolicy.FromFixture(1);
        _naive.Anchor = new DateTime(2026, 1, AnchorDay);
    }

    [Benchmark(Baseline = true, Description = "Baseline: DateTime + decimal proration")]
    public decimal NaiveProrate() => NaiveSeatPolicy.Prorate(_naive, _utc);

    [Benchmark(Description = "Prorate, day granularity")]
    public ProratedCharge ProrateDay() =>
        Proration.Prorate(Fixtures.Price, _calendar, Fixtures.At, Fixtures.Zone, ProrationConvention.Default);

    /// <summary>
    /// Adds alternating between two periods, so that the calendar's memo of its last period never
    /// helps: the cost of finding a period from scratch.
    /// </summary>
    [Benchmark(Description = "Prorate, day granularity, a new period every call")]
    public ProratedCharge ProrateDayNewPeriod()
    {
        _flip = !_flip;
        var at = _flip ? Fixtures.At : NextMonth;
        return Proration.Prorate(Fixtures.Price, _calendar, at, Fixtures.Zone, ProrationConvention.Default);
    }

    /// <summary>An add on 17 March in Los Angeles: its period holds the change to daylight saving time (8 March).</summary>
    [Benchmark(Description = "Prorate, second granularity")]
    public ProratedCharge ProrateSecond() =>
        Proration.Prorate(Fixtures.Price, _calendar, Fixtures.At, Fixtures.Zone, _seconds);

    /// <summary>An add on 17 June in Los Angeles: no transition in its period, the usual case.</summary>
    [Benchmark(Description = "Prorate, second granularity, no transition in the period")]
    public ProratedCharge ProrateSecondNoTransition() =>
        Proration.Prorate(Fixtures.Price, _calendar, June, Fixtures.Zone, _seconds);

    /// <summary>Kill Bill's preset: its denominator one cycle back from the period's end, a 9-place fraction, two roundings.</summary>
    [Benchmark(Description = "Prorate, Kill Bill")]
    public ProratedCharge ProrateKillBill() =>
        Proration.Prorate(Fixtures.Price, _calendar, Fixtures.At, Fixtures.Zone, ProrationConvention.KillBill);

    /// <summary>Lago's preset: the per-day price and its product in binary64.</summary>
    [Benchmark(Description = "Prorate, Lago")]
    public ProratedCharge ProrateLago() =>
        Proration.Prorate(Fixtures.Price, _calendar, Fixtures.At, Fixtures.Zone, ProrationConvention.Lago);

    [Benchmark(Description = "Billing period of a date")]
    public BillingPeriod PeriodContaining() => _calendar.PeriodContaining(_date);
}
