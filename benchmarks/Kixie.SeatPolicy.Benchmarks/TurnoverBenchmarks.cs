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
    private readonly Actor _admin = new(Fixtures.Email(0));
    private readonly DateTime _utc = new(2026, 3, 17, 18, 0, 0, DateTimeKind.Utc);
    private Account _account = null!;
    private NaiveAccount _naive = null!;
    private AddAgent _add = null!;
    private ReplaceAgent _replace = null!;
    private DeactivateAgent _deactivate = null!;
    private UpdateAgent _update = null!;
    private DeleteAgent _delete = null!;
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
        _add = new AddAgent(new CommandId("add"), Fixtures.At, _admin, "Bo Li", "bo@acme.test", Role.Agent);
        _replace = new ReplaceAgent(new CommandId("replace"), Fixtures.At, _admin, middle, "Cy Ho", "cy@acme.test");
        _deactivate = new DeactivateAgent(new CommandId("deactivate"), Fixtures.At, _admin, middle);
        _update = new UpdateAgent(new CommandId("update"), Fixtures.At, _admin, middle, Name: "Renamed");
        _delete = new DeleteAgent(new CommandId("delete"), Fixtures.At, Actor.Support, middle);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Add")]
    public decimal AddBaseline() => NaiveSeatPolicy.Add(_naive, Fixtures.Email(0), "Bo Li", "bo@acme.test", _utc).Charge;

    [Benchmark, BenchmarkCategory("Add")]
    public Account Add() => Execute(_add);

    [Benchmark(Baseline = true), BenchmarkCategory("Replace")]
    public int ReplaceBaseline() => NaiveSeatPolicy.Replace(_naive, Fixtures.Email(0), _middleSeat, "Cy Ho", "cy@acme.test").Version;

    [Benchmark, BenchmarkCategory("Replace")]
    public Account Replace() => Execute(_replace);

    [Benchmark(Baseline = true), BenchmarkCategory("Deactivate")]
    public int DeactivateBaseline() => NaiveSeatPolicy.Deactivate(_naive, Fixtures.Email(0), _middleSeat).Version;

    [Benchmark, BenchmarkCategory("Deactivate")]
    public Account Deactivate() => Execute(_deactivate);

    [Benchmark(Baseline = true), BenchmarkCategory("Update")]
    public int UpdateBaseline() => NaiveSeatPolicy.Update(_naive, Fixtures.Email(0), _middleSeat, "Renamed").Version;

    [Benchmark, BenchmarkCategory("Update")]
    public Account Update() => Execute(_update);

    [Benchmark(Baseline = true), BenchmarkCategory("Delete")]
    public int DeleteBaseline() => NaiveSeatPolicy.Delete(_naive, _middleSeat).Version;

    [Benchmark, BenchmarkCategory("Delete")]
    public Account Delete() => Execute(_delete);

    [Benchmark(Baseline = true), BenchmarkCategory("NextBill")]
    public decimal NextBillBaseline() => NaiveSeatPolicy.NextBill(_naive, new DateTime(2026, 3, 17)).Total;

    [Benchmark, BenchmarkCategory("NextBill")]
    public NextBill NextBill() => _account.PreviewNextBill(new LocalDate(2026, 3, 17));

    private Account Execute(SeatCommand command)
    {
        var decision = _policy.Decide(_account, command);
        if (decision.Events.IsEmpty)
        {
            throw new InvalidOperationException($"Benchmark command was not accepted: {decision}");
        }

        return decision.ApplyTo(_account);
    }
}
