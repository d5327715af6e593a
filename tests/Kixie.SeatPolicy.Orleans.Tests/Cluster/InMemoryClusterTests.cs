using System.Threading.Tasks;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>The cluster contract over the in-memory store.</summary>
public sealed class InMemoryClusterTests : AccountClusterContract
{
    protected override Task<IAccountEventStore> CreateEmptyStoreAsync() =>
        Task.FromResult<IAccountEventStore>(new InMemoryAccountEventStore());
}
