using System;
using Orleans;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// The account's event store could not be reached (a database down, a network gone, a timeout).
/// The command that met it was not applied by the grain: retry it with the same command id, and it
/// is charged at most once whether or not its events reached the store.
/// </summary>
[Alias("kixie.seat-policy.EventStoreUnavailableException")]
[GenerateSerializer]
public sealed class EventStoreUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="accountId"/>.</summary>
    /// <param name="accountId">The account whose events could not be read or written.</param>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The store client's own exception, if any.</param>
    public EventStoreUnavailableException(string accountId, string message, Exception? innerException = null)
        : base(message, innerException) => AccountId = accountId;

    /// <summary>Creates the exception with no account.</summary>
    public EventStoreUnavailableException()
        : this(string.Empty, "The account event store is unavailable.")
    {
    }

    /// <summary>Creates the exception with no account.</summary>
    /// <param name="message">What failed.</param>
    public EventStoreUnavailableException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception with no account.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The store client's own exception.</param>
    public EventStoreUnavailableException(string message, Exception? innerException)
        : this(string.Empty, message, innerException)
    {
    }

    /// <summary>The account whose events could not be read or written; empty when not known.</summary>
    [Id(0)]
    public string AccountId { get; }
}
