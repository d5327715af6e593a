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
    private readonly Actor _admin = new(Fixtures.Email(0));
    private Account _account = null!;
    private AddAgent _add = null!;
    private ReplaceAgent _replace = null!;
    private DeactivateAgent _deactivate = null!;
    private UpdateAgent _update = null!;
    private DeleteAgent _delete = null!;

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
        var middle = Fixtures.SeatId(Seats / 2);
        _add = new AddAgent(new CommandId("add"), Fixtures.At, _admin, "Bo Li", "bo@acme.test", Role.Agent);
        _replace = new ReplaceAgent(new CommandId("replace"), Fixtures.At, _admin, middle, "Cy Ho", "cy@acme.test");
        _deactivate = new DeactivateAgent(new CommandId("deactivate"), Fixtures.At, _admin, middle);
        _update = new UpdateAgent(new CommandId("update"), Fixtures.At, _admin, middle, Name: "Renamed");
        _delete = new DeleteAgent(new CommandId("delete"), Fixtures.At, Actor.Support, middle);
    }

    [Benchmark, BenchmarkCategory("Add")]
    public Account Add() => Execute(_add);

    [Benchmark, BenchmarkCategory("Replace")]
    public Account Replace() => Execute(_replace);

    [Benchmark, BenchmarkCategory("Deactivate")]
    public Account Deactivate() => Execute(_deactivate);

    [Benchmark, BenchmarkCategory("Update")]
    public Account Update() => Execute(_update);

    [Benchmark, BenchmarkCategory("Delete")]
    public Account Delete() => Execute(_delete);

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
