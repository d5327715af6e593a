using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// Where accounts live: each account's opening (its terms and initial seats, version 0) and then its
/// events, one per accepted command, in version order. The events are the only truth: an account is
/// read back by opening it and applying them. Beside them, the store keeps the scheduled changes that
/// have taken effect (<see cref="TakenEffect"/>), each recorded once.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. An append names the version the writer last saw; when another
/// writer got there first it fails (returns <see langword="false"/>) and writes nothing, never
/// overwriting. A store that cannot be reached throws <see cref="EventStoreUnavailableException"/>.
/// Two implementations ship: <see cref="InMemoryAccountEventStore"/> and
/// <see cref="PostgresAccountEventStore"/>.
/// </remarks>
public interface IAccountEventStore
{
    /// <summary>Records the opening of an account, unless an account with its id was opened before.</summary>
    /// <param name="opening">The account as opened (version 0, no history).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when the opening was recorded; <see langword="false"/> when the id is taken (nothing written).</returns>
    /// <exception cref="System.ArgumentException"><paramref name="opening"/> has a history.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached.</exception>
    Task<bool> CreateAsync(Account opening, CancellationToken cancellationToken = default);

    /// <summary>Reads an account back: its opening with every stored event applied, in order.</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The account at its latest version; <see langword="null"/> when it was never opened.</returns>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached.</exception>
    Task<Account?> ReadAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends the events of one accepted command, all or none, provided the account is still at
    /// <paramref name="expectedVersion"/>.
    /// </summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="expectedVersion">The version the writer decided against; the events must carry the versions after it.</param>
    /// <param name="events">The decision's events, in order (versions <paramref name="expectedVersion"/> + 1, + 2, …).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// <see langword="true"/> when every event was written; <see langword="false"/>, with nothing
    /// written, when the account is not at <paramref name="expectedVersion"/> (another writer appended
    /// first, or the account was never opened).
    /// </returns>
    /// <exception cref="System.ArgumentException">The events' versions do not follow <paramref name="expectedVersion"/>, or there are none.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached; whether the events were written is unknown.</exception>
    Task<bool> AppendAsync(string accountId, long expectedVersion, IReadOnlyList<SeatEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a scheduled change of the account has taken effect, unless it was recorded before:
    /// the record is keyed by the account and <see cref="TakenEffect.ScheduledBy"/>, so two writers (a
    /// reminder and a command, two silos) record it once between them.
    /// </summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="effect">What took effect.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// <see langword="true"/> when this call recorded it; <see langword="false"/>, with nothing written,
    /// when it was recorded before, or when the account has no stored <see cref="DeletionScheduled"/> at
    /// that version.
    /// </returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="accountId"/> or <paramref name="effect"/> is null.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached; whether it was recorded is unknown.</exception>
    Task<bool> RecordEffectAsync(string accountId, TakenEffect effect, CancellationToken cancellationToken = default);

    /// <summary>The account's recorded effects, in the order of the events that scheduled them.</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The effects; empty when none was recorded or the account was never opened.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="accountId"/> is null.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached.</exception>
    Task<IReadOnlyList<TakenEffect>> ReadEffectsAsync(string accountId, CancellationToken cancellationToken = default);
}
