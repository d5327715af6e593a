using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Kixie.SeatPolicy.Testing.Stored;
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
    public async Task StoredRows_WrittenBeforeTheNamesWereExplicit_ReadAsTheAccountsOfToday()
    {
        // Rows as the store wrote them on 2026-12-07 (tests/data/stored/postgres-rows.jsonl): they must be read forever after.
        var database = await server.CreateDatabaseAsync();
        await using var store = new PostgresAccountEventStore(database);
        Assert.Null(await store.ReadAsync("nobody")); // creates the table
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            foreach (var line in StoredFiles.Lines("postgres-rows"))
            {
                var row = JsonDocument.Parse(line).RootElement;
                await using var insert = new NpgsqlCommand($"INSERT INTO {PostgresAccountEventStore.TableName} (account_id, version, type, payload) VALUES ($1, $2, $3, $4::json)", connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = row.GetProperty("account_id").GetString() });
                insert.Parameters.Add(new NpgsqlParameter { Value = row.GetProperty("version").GetInt64() });
                insert.Parameters.Add(new NpgsqlParameter { Value = row.GetProperty("type").GetString() });
                insert.Parameters.Add(new NpgsqlParameter { Value = row.GetProperty("payload").GetString() });
                await insert.ExecuteNonQueryAsync();
            }
        }

        foreach (var history in StoredHistories.All)
        {
            Assert.Equal(history.Final(), await store.ReadAsync(history.Id));
        }
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
