using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// An <see cref="IAccountEventStore"/> in this process's memory: for tests, samples and a cluster of
/// silos in one process. Everything is lost when the process ends.
/// </summary>
/// <remarks>
/// Thread-safe. The values are the engine's own immutable openings and events, kept by reference;
/// reading an account opens it and applies them, as every store does.
/// </remarks>
public sealed class InMemoryAccountEventStore : IAccountEventStore
{
    private readonly ConcurrentDictionary<string, Stream> _streams = new(StringComparer.Ordinal);

    /// <summary>How many accounts were opened in this store.</summary>
    public int AccountCount => _streams.Count;

    /// <inheritdoc/>
    public Task<bool> CreateAsync(Account opening, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opening);
        EventStoreArguments.RequireOpening(opening);
        return Task.FromResult(_streams.TryAdd(opening.Id, new Stream(opening)));
    }

    /// <inheritdoc/>
    public Task<Account?> ReadAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (!_streams.TryGetValue(accountId, out var stream))
        {
            return Task.FromResult<Account?>(null);
        }

        ImmutableList<SeatEvent> events;
        lock (stream)
        {
            events = stream.Events;
        }

        return Task.FromResult<Account?>(events.IsEmpty ? stream.Opening : stream.Opening.Apply(events));
    }

    /// <inheritdoc/>
    public Task<bool> AppendAsync(string accountId, long expectedVersion, IReadOnlyList<SeatEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        EventStoreArguments.RequireFollowing(expectedVersion, events);
        if (!_streams.TryGetValue(accountId, out var stream))
        {
            return Task.FromResult(false);
        }

        lock (stream)
        {
            if (stream.Events.Count != expectedVersion)
            {
                return Task.FromResult(false);
            }

            stream.Events = stream.Events.AddRange(events);
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc/>
    public Task<bool> RecordEffectAsync(string accountId, TakenEffect effect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(effect);
        if (!_streams.TryGetValue(accountId, out var stream))
        {
            return Task.FromResult(false);
        }

        lock (stream)
        {
            var scheduledBy = effect.ScheduledBy;
            if (scheduledBy < 1 || scheduledBy > stream.Events.Count || stream.Events[(int)(scheduledBy - 1)] is not DeletionScheduled)
            {
                return Task.FromResult(false);
            }

            return Task.FromResult(stream.Effects.TryAdd(scheduledBy, effect));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<TakenEffect>> ReadEffectsAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (!_streams.TryGetValue(accountId, out var stream))
        {
            return Task.FromResult<IReadOnlyList<TakenEffect>>([]);
        }

        lock (stream)
        {
            return Task.FromResult<IReadOnlyList<TakenEffect>>([.. stream.Effects.Values]);
        }
    }

    /// <summary>One account's opening, events and recorded effects; its lock guards <see cref="Events"/> and <see cref="Effects"/>.</summary>
    private sealed class Stream(Account opening)
    {
        public Account Opening { get; } = opening;

        public ImmutableList<SeatEvent> Events { get; set; } = [];

        /// <summary>The recorded effects by the version that scheduled them.</summary>
        public SortedDictionary<long, TakenEffect> Effects { get; } = [];
    }
}
