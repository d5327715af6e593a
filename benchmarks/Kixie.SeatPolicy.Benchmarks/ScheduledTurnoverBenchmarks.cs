using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>
/// <see cref="TurnoverBenchmarks"/>' decisions plus application on accounts of 10, 1,000 and 100,000 seats of
/// which 1 % (at least one) have a deletion scheduled at the next bill (rulebook §12), not yet due at the
/// command's instant: what a pending change costs a decision that does not touch it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ScheduledTurnoverBenchmarks
{
    private readonly TurnoverPolicy _policy = TurnoverPolicy.Default;
    private Account _account = null!;
    private TurnoverCommands _commands = null!;

    /// <summary>How many seats the account has.</summary>
    [Params(10, 1_000, 100_000)]
    public int Seats { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var account = Fixtures.Account(Seats);
        var pending = Math.Max(1, Seats / 100);
        var scheduledAt = Fixtures.At - NodaTime.Duration.FromDays(1);
        for (var i = 0; i < pending; i++)
        {
            // Seats from the end, never the Admin in seat 0 nor the middle seat the commands act on.
            var seat = Fixtures.SeatId(Seats - 1 - i);
            var decision = _policy.Decide(account, new DeleteAgent(new CommandId($"schedule-{i}"), scheduledAt, Actor.Support, seat, Effective: DeletionEffective.NextBill));
            account = decision.Outcome.Case is DeletionScheduled
                ? decision.ApplyTo(account)
                : throw new InvalidOperationException($"The setup's deletion was not scheduled: {decision}");
        }

        _account = account;
        _commands = Fixtures.Turnover(Seats);
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
}
