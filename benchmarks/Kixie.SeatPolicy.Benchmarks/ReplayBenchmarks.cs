using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>Replaying 1,000,000 events into an account of 1,000 seats.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class ReplayBenchmarks
{
    private Account _initial = null!;
    private List<SeatEvent> _events = null!;

    /// <summary>How many events are replayed.</summary>
    [Params(1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _initial = Fixtures.Account(1_000);
        _events = Fixtures.Events(_initial, Events);
    }

    [Benchmark]
    public Account Replay() => _initial.Apply(_events);
}
