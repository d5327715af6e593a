using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Kixie.SeatPolicy.Benchmarks.Baseline;
using NodaTime;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>
/// Decision plus application of each command kind, and the next-bill preview, on accounts of 10,
/// 1,000 and 100,000 seats, each beside the hand-written baseline on the same input.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TurnoverBenchmarks
{
    private readonly TurnoverPolicy _policy = TurnoverPolicy.Default;
    private readonly DateTime _utc = new(2026, 3, 17, 18, 0, 0, DateTimeKind.Utc);
    private Account _account = null!;
    private NaiveAccount _naive = null!;
    private TurnoverCommands _commands = null!;
    private string _middleSeat = "";

    /// <summary>How many seats the account has.</summary>
    [Params(10, 1_000, 100_000)]
    public int Seats { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _account = Fixtures.Account(Seats);
        _naive = NaiveSeatPolicy.FromFixture(Seats);
        var middle = Fixtures.SeatId(Seats / 2);
        _middleSeat = middle.Value;
        _commands = Fixtures.Turnover(Seats);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Add")]
    public decimal AddBaseline() => NaiveSeatPolicy.Add(_naive, Fixtures.Email(0), "Bo Li", "bo@acme.test", _utc).Charge;

    [Benchmark, BenchmarkCategory("Add")]
    public Account Add() => Fixtures.Execute(_policy, _account, _commands.Add);

    [Benchmark(Baseline = true), BenchmarkCategory("Replace")]
    public int ReplaceBaseline() => NaiveSeatPolicy.Replace(_naive, Fixtures.Email(0), _middleSeat, "Cy Ho", "cy@acme.test").Version;

    [Benchmark, BenchmarkCategory("Replace")]
    public Account Replace() => Fixtures.Execute(_policy, _account, _commands.Replace);

    [Benchmark(Baseline = true), BenchmarkCategory("Deactivate")]
    public int DeactivateBaseline() => NaiveSeatPolicy.Deactivate(_naive, Fixtures.Email(0), _middleSeat).Version;

    [Benchmark, BenchmarkCategory("Deactivate")]
    public Account Deactivate() => Fixtures.Execute(_policy, _account, _commands.Deactivate);

    [Benchmark(Baseline = true), BenchmarkCategory("Update")]
    public int UpdateBaseline() => NaiveSeatPolicy.Update(_naive, Fixtures.Email(0), _middleSeat, "Renamed").Version;

    [Benchmark, BenchmarkCategory("Update")]
    public Account Update() => Fixtures.Execute(_policy, _account, _commands.Update);

    [Benchmark(Baseline = true), BenchmarkCategory("Delete")]
    public int DeleteBaseline() => NaiveSeatPolicy.Delete(_naive, _middleSeat).Version;

    [Benchmark, BenchmarkCategory("Delete")]
    public Account Delete() => Fixtures.Execute(_policy, _account, _commands.Delete);

    [Benchmark(Baseline = true), BenchmarkCategory("NextBill")]
    public decimal NextBillBaseline() => NaiveSeatPolicy.NextBill(_naive, new DateTime(2026, 3, 17)).Total;

    [Benchmark, BenchmarkCategory("NextBill")]
    public NextBill NextBill() => _account.PreviewNextBill(new LocalDate(2026, 3, 17));
}
