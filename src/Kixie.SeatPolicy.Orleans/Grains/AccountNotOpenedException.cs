using System;
using Orleans;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// A command, an invoice or a bill was asked of an account that was never opened
/// (<see cref="IAccountGrain.OpenAsync"/>). Nothing was decided and nothing was written.
/// </summary>
[Alias("kixie.seat-policy.AccountNotOpenedException")]
[GenerateSerializer]
public sealed class AccountNotOpenedException : Exception
{
    /// <summary>Creates the exception for <paramref name="accountId"/>.</summary>
    /// <param name="accountId">The account id that has no account.</param>
    public AccountNotOpenedException(string accountId)
        : base($"The account '{accountId}' was never opened: open it (IAccountGrain.OpenAsync) before sending it commands.") =>
        AccountId = accountId;

    /// <summary>Creates the exception with no account id.</summary>
    public AccountNotOpenedException()
        : this(string.Empty)
    {
    }

    /// <summary>Creates the exception with no account id.</summary>
    /// <param name="accountId">The account id that has no account.</param>
    /// <param name="innerException">The cause.</param>
    public AccountNotOpenedException(string accountId, Exception? innerException)
        : base($"The account '{accountId}' was never opened.", innerException) =>
        AccountId = accountId;

    /// <summary>The account id that has no account.</summary>
    [Id(0)]
    public string AccountId { get; }
}
