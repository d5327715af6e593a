using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>
/// <see cref="TurnoverBenchmarks"/>' decisions plus application on accounts whose seats are spread over three
/// plans with two price changes (rulebook §13, <see cref="Fixtures.AccountOnPlans"/>), and an upgrade of the
/// middle seat: what plans cost a decision, beside the single-price rows.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PlanTurnoverBenchmarks
{
    private readonly TurnoverPolicy _policy = TurnoverPolicy.Default;
    private Account _account = null!;
    private TurnoverCommands _commands = null!;
    private ChangePlan _upgrade = null!;

    /// <summary>How many seats the account has.</summary>
    [Params(10, 1_000, 100_000)]
    public int Seats { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _account = Fixtures.AccountOnPlans(Seats);
        _commands = Fixtures.Turnover(Seats);
        var middle = Fixtures.SeatId(Seats / 2);
        var plan = _account.FindSeat(middle)!.Plan == "PowerDialer" ? "Integrate" : "PowerDialer";
        _upgrade = new ChangePlan(new CommandId("upgrade"), Fixtures.At, new Actor(Fixtures.Email(0)), middle, plan);
    }

    [Benchmark, BenchmarkCategory("Add")]
    public Account Add() => Fixtures.Execute(_policy, _account, _commands.Add);

    [Benchmark, BenchmarkCategory("Replace")]
    public Account Replace() => Fixtures.Execute(_policy, _account, _commands.Replace);

    [Benchmark, BenchmarkCategory("Deactivate")]
    public Account Deactivate() => Fixtures.Execute(_policy, _account, _commands.Deactivate);

    [Benchmark, BenchmarkCategory("Update")]
    public Account Update() => Fixtures.Execute(_policy, _account, _commands.Update);

    [Benchmark, BenchmarkCategory("Delete")]
    public Account Delete() => Fixtures.Execute(_policy, _account, _commands.Delete);

    [Benchmark, BenchmarkCategory("ChangePlan")]
    public Account ChangePlan() => Fixtures.Execute(_policy, _account, _upgrade);
}
