using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>
/// <see cref="TurnoverBenchmarks"/>' five decisions plus application, at 10, 1,000 and 100,000 seats, on an account a
/// derived class prepares (<see cref="Prepare"/>): what the preparation costs a decision that does not touch it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class PreparedTurnoverBenchmarks
{
    private Account _account = null!;
    private TurnoverCommands _commands = null!;

    /// <summary>How many seats the account has.</summary>
    [Params(10, 1_000, 100_000)]
    public int Seats { get; set; }

    /// <summary>The policy every benchmark decides with.</summary>
    protected TurnoverPolicy Policy { get; } = TurnoverPolicy.Default;

    /// <summary>The prepared account, for a derived class's own benchmarks.</summary>
    protected Account Prepared => _account;

    [GlobalSetup]
    public void Setup()
    {
        _account = Prepare(Seats);
        _commands = Fixtures.Turnover(Seats);
    }

    [Benchmark, BenchmarkCategory("Add")]
    public Account Add() => Fixtures.Execute(Policy, _account, _commands.Add);

    [Benchmark, BenchmarkCategory("Replace")]
    public Account Replace() => Fixtures.Execute(Policy, _account, _commands.Replace);

    [Benchmark, BenchmarkCategory("Deactivate")]
    public Account Deactivate() => Fixtures.Execute(Policy, _account, _commands.Deactivate);

    [Benchmark, BenchmarkCategory("Update")]
    public Account Update() => Fixtures.Execute(Policy, _account, _commands.Update);

    [Benchmark, BenchmarkCategory("Delete")]
    public Account Delete() => Fixtures.Execute(Policy, _account, _commands.Delete);

    /// <summary>The account of <paramref name="seats"/> seats the five commands are decided on.</summary>
    protected abstract Account Prepare(int seats);
}
