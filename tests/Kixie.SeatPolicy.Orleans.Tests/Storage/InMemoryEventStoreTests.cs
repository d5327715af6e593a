using System.Threading.Tasks;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>The store contract in memory.</summary>
public sealed class InMemoryEventStoreTests : EventStoreContract
{
    protected override Task<IAccountEventStore> CreateEmptyStoreAsync() =>
        Task.FromResult<IAccountEventStore>(new InMemoryAccountEventStore());
}
