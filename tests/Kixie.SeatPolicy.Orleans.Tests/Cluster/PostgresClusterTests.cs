using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>The cluster contract over PostgreSQL (a fresh database per test), and a cluster whose database cannot be reached.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresClusterTests(TemporaryPostgres server) : AccountClusterContract
{
    protected override Task<IAccountEventStore> CreateEmptyStoreAsync() => server.CreateStoreAsync();

    [Fact]
    public async Task DatabaseUnreachable_OpeningAndCommands_ThrowEventStoreUnavailable()
    {
        await using var store = new PostgresAccountEventStore(TemporaryPostgres.UnreachableConnectionString());
        await using var cluster = await SeatPolicyCluster.StartAsync(store);
        var grain = cluster.Account("acme");

        var open = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => grain.OpenAsync(Turnover.Opening("acme")));
        var decide = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => grain.DecideAsync(Turnover.Command("a", 0)));

        Assert.Equal("acme", open.AccountId);
        Assert.Equal("acme", decide.AccountId);
    }
}
