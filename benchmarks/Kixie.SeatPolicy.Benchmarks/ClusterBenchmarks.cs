using BenchmarkDotNet.Attributes;
using Kixie.SeatPolicy.Orleans;
using Kixie.SeatPolicy.Orleans.Sample;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>Where <see cref="ClusterBenchmarks"/>' cluster keeps its events.</summary>
public enum ClusterStore
{
    /// <summary><see cref="InMemoryAccountEventStore"/>: always measured.</summary>
    InMemory,

    /// <summary>
    /// <see cref="PostgresAccountEventStore"/> over the database that the environment variable
    /// <c>KIXIE_BENCH_POSTGRES</c> names (an Npgsql connection string); measured only when it is set.
    /// </summary>
    PostgreSQL,
}

/// <summary>
/// Issue 16: commands per second on a two-silo cluster. The sample's cluster (two silos in this
/// process, localhost clustering) and its throughput work: 1,000 accounts, 8 commands each, each
/// account's commands one after another and all accounts at once, the grains called from both silos.
/// An invocation is the 8,000 commands; BenchmarkDotNet divides by them, so a row is the time (and the
/// allocations of the whole process, both silos) per command.
/// </summary>
/// <remarks>
/// Every iteration is the same work on new accounts: the iteration's setup opens 1,000 accounts with
/// a new tag and sends each one untimed command (activation, JIT), exactly as the sample's
/// <c>--throughput</c> does, so no command is a replay and no account grows from one iteration to the
/// next. One invocation per iteration for that reason. There is no baseline: the engine alone is
/// <see cref="TurnoverBenchmarks"/>. The PostgreSQL case is in the list only when
/// <c>KIXIE_BENCH_POSTGRES</c> is set; the benchmark never starts a server.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(1)]
public class ClusterBenchmarks
{
    /// <summary>The environment variable that names a PostgreSQL database for the <see cref="ClusterStore.PostgreSQL"/> case.</summary>
    public const string PostgresVariable = "KIXIE_BENCH_POSTGRES";

    private const int Accounts = 1_000;
    private const int Rounds = 8;
    private const int Commands = Accounts * Rounds;

    private IAccountEventStore _store = null!;
    private LocalCluster _cluster = null!;
    private OpenedAccounts _accounts = null!;

    /// <summary>The store under the cluster.</summary>
    [ParamsSource(nameof(Stores))]
    public ClusterStore Store { get; set; }

    /// <summary>In memory always; PostgreSQL when <see cref="PostgresVariable"/> is set.</summary>
    public static IEnumerable<ClusterStore> Stores() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))
            ? [ClusterStore.InMemory]
            : [ClusterStore.InMemory, ClusterStore.PostgreSQL];

    [GlobalSetup]
    public async Task StartClusterAsync()
    {
        _store = Store switch
        {
            ClusterStore.PostgreSQL => new PostgresAccountEventStore(Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set.")),
            _ => new InMemoryAccountEventStore(),
        };
        _cluster = await LocalCluster.StartAsync(_store);
    }

    /// <summary>Untimed: 1,000 new accounts, each sent its first command.</summary>
    [IterationSetup]
    public void OpenAccounts() =>
        _accounts = Throughput.OpenAsync(_cluster, Throughput.NewRun(), Accounts).GetAwaiter().GetResult();

    /// <summary>The 8,000 commands, all accounts at once; the sum of the accounts' versions after them.</summary>
    [Benchmark(OperationsPerInvoke = Commands)]
    public Task<long> Commands8000() => Throughput.SendAsync(_accounts, Rounds);

    [GlobalCleanup]
    public async Task StopClusterAsync()
    {
        await _cluster.DisposeAsync();
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
