using System.Linq;
using System.Threading.Tasks;
using Npgsql;
using Xunit;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>The store contract against a real PostgreSQL (a fresh database per store), and what only that store does.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresEventStoreTests(TemporaryPostgres server) : EventStoreContract
{
    protected override Task<IAccountEventStore> CreateEmptyStoreAsync() => server.CreateStoreAsync();

    [Fact]
    public async Task FirstUse_TwoStoresAtOnce_CreateTheTableOnceAndBothWork()
    {
        var database = await server.CreateDatabaseAsync();
        await using var left = new PostgresAccountEventStore(database);
        await using var right = new PostgresAccountEventStore(database);

        var opened = await Task.WhenAll(
            Task.Run(() => left.CreateAsync(Turnover.Opening("left"))),
            Task.Run(() => right.CreateAsync(Turnover.Opening("right"))),
            Task.Run(() => left.CreateAsync(Turnover.Opening("both"))),
            Task.Run(() => right.CreateAsync(Turnover.Opening("both"))));

        Assert.Equal([true, true], opened[..2]);
        Assert.Single(opened[2..], created => created);
        Assert.Equal(Turnover.Opening("left"), await right.ReadAsync("left"));
        Assert.Equal(Turnover.Opening("right"), await left.ReadAsync("right"));
        Assert.Equal(1L, await ScalarAsync<long>(database, $"SELECT count(*) FROM pg_tables WHERE tablename = '{PostgresAccountEventStore.TableName}'"));
    }

    [Fact]
    public async Task Rows_AreTheOpeningAtVersionZeroThenOnePerEvent()
    {
        var database = await server.CreateDatabaseAsync();
        await using var store = new PostgresAccountEventStore(database);
        var opening = Turnover.Opening("acme");
        await store.CreateAsync(opening);
        var (_, decisions) = Turnover.ThroughEngine(opening, Turnover.Commands("a", 2));
        await store.AppendAsync("acme", 0, [.. decisions.SelectMany(decision => decision.Events)]);

        var types = await ScalarAsync<string>(database, $"SELECT string_agg(version || ':' || type, ' ' ORDER BY version) FROM {PostgresAccountEventStore.TableName} WHERE account_id = 'acme'");

        Assert.Equal("0:AccountOpened 1:SeatAdded 2:AgentReplaced", types);
    }

    [Fact]
    public async Task Unreachable_EveryCall_ThrowsEventStoreUnavailableNamingTheAccount()
    {
        await using var store = new PostgresAccountEventStore(TemporaryPostgres.UnreachableConnectionString());
        var opening = Turnover.Opening("acme");
        var decision = TurnoverPolicy.Default.Decide(opening, Turnover.Command("a", 0));

        var create = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => store.CreateAsync(opening));
        var read = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => store.ReadAsync("acme"));
        var append = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => store.AppendAsync("acme", 0, decision.Events));

        Assert.All([create, read, append], unavailable => Assert.Equal("acme", unavailable.AccountId));
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
