using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>How the next append of a <see cref="FaultyStore"/> fails.</summary>
public enum AppendFault
{
    /// <summary>It does not fail.</summary>
    None,

    /// <summary>The store is unreachable: nothing is written.</summary>
    BeforeWriting,

    /// <summary>The events are written but the answer is lost: the writer cannot know.</summary>
    AfterWriting,
}

/// <summary>A store that passes every call to another, except that its next append can be made to fail.</summary>
public sealed class FaultyStore(IAccountEventStore inner) : IAccountEventStore
{
    private int _fault;

    /// <summary>Makes the next append fail this way (once).</summary>
    public AppendFault NextAppend
    {
        get => (AppendFault)Volatile.Read(ref _fault);
        set => Volatile.Write(ref _fault, (int)value);
    }

    /// <summary>Whether every call fails as an unreachable store does.</summary>
    public bool Unreachable { get; set; }

    /// <inheritdoc/>
    public Task<bool> CreateAsync(Account opening, CancellationToken cancellationToken = default) =>
        Unreachable ? throw Down(opening.Id) : inner.CreateAsync(opening, cancellationToken);

    /// <inheritdoc/>
    public Task<Account?> ReadAsync(string accountId, CancellationToken cancellationToken = default) =>
        Unreachable ? throw Down(accountId) : inner.ReadAsync(accountId, cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> AppendAsync(string accountId, long expectedVersion, IReadOnlyList<SeatEvent> events, CancellationToken cancellationToken = default)
    {
        switch (Unreachable ? AppendFault.BeforeWriting : (AppendFault)Interlocked.Exchange(ref _fault, (int)AppendFault.None))
        {
            case AppendFault.BeforeWriting:
                throw Down(accountId);
            case AppendFault.AfterWriting:
                await inner.AppendAsync(accountId, expectedVersion, events, cancellationToken);
                throw Down(accountId);
            default:
                return await inner.AppendAsync(accountId, expectedVersion, events, cancellationToken);
        }
    }

    /// <inheritdoc/>
    public Task<bool> RecordEffectAsync(string accountId, TakenEffect effect, CancellationToken cancellationToken = default) =>
        Unreachable ? throw Down(accountId) : inner.RecordEffectAsync(accountId, effect, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<TakenEffect>> ReadEffectsAsync(string accountId, CancellationToken cancellationToken = default) =>
        Unreachable ? throw Down(accountId) : inner.ReadEffectsAsync(accountId, cancellationToken);

    private static EventStoreUnavailableException Down(string accountId) =>
        new(accountId, $"The test made the store unavailable for '{accountId}'.");
}
