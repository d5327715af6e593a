using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>
/// Turnover advice (rulebook §11) for a 1,000-seat account over a one-year horizon: with a hire (two
/// plans, five commands through the policy, two years of invoices) and without (two plans). The baseline
/// is one plan's total alone: a year of invoices of the account, which every plan pays at least once.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AdviceBenchmarks
{
    private static readonly Instant Leaves = Instant.FromUtc(2026, 3, 10, 17, 0);
    private static readonly Instant Hire = Instant.FromUtc(2026, 4, 14, 16, 0);
    private static readonly LocalDate From = new(2026, 3, 10);
    private static readonly LocalDate Until = new(2027, 3, 9);

    private Account _account = null!;
    private Actor _admin;

    /// <summary>The number of seats.</summary>
    [Params(1_000)]
    public int Seats { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _account = Fixtures.Account(Seats);
        _admin = new Actor(Fixtures.Email(0));
        var advice = TurnoverAdvisor.Advise(_account, Fixtures.SeatId(1), Leaves, _admin, Until, Hire, "Maria Santos", "maria@acme.test");
        if (advice.Recommended is null)
        {
            throw new System.InvalidOperationException($"No plan is feasible: {advice.Plans[0].BlockedBy}");
        }
    }

    [Benchmark(Baseline = true)]
    public long OneYearOfInvoices() => _account.Invoices(From, Until).Sum(invoice => invoice.Total.MinorUnits);

    [Benchmark]
    public TurnoverAdvice AdviceWithAHire() =>
        TurnoverAdvisor.Advise(_account, Fixtures.SeatId(1), Leaves, _admin, Until, Hire, "Maria Santos", "maria@acme.test");

    [Benchmark]
    public TurnoverAdvice AdviceWithoutAHire() =>
        TurnoverAdvisor.Advise(_account, Fixtures.SeatId(1), Leaves, _admin, Until);
}
