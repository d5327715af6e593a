using System;
using System.Threading.Tasks;
using NodaTime;
using Orleans;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>Questions asked of an account grain that the caller answers from the account it reads.</summary>
public static class AccountGrainExtensions
{
    /// <summary>
    /// Turnover advice (rulebook §11) for the account as it is now: <see cref="TurnoverAdvisor.Advise"/>
    /// run on the caller over the account the grain returns. Advice is a pure function of the account
    /// and is written, never read, in the JSON dialect, so the account crosses the wire, not the advice.
    /// </summary>
    /// <param name="grain">The account's grain.</param>
    /// <param name="seat">The seat of the agent who leaves.</param>
    /// <param name="leaves">When the agent leaves.</param>
    /// <param name="actor">The Admin or Manager who would carry the plans out.</param>
    /// <param name="until">The horizon: invoices are summed through this local date, inclusive.</param>
    /// <param name="hireAt">When the new person starts; null when nobody is hired.</param>
    /// <param name="hireName">The new person's name, with a hire.</param>
    /// <param name="hireEmail">The new person's email, with a hire.</param>
    /// <returns>The advice, with every plan and the recommendation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grain"/> is null.</exception>
    /// <exception cref="AccountNotOpenedException">The account was never opened.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached.</exception>
    public static async Task<TurnoverAdvice> AdviseAsync(
        this IAccountGrain grain, SeatId seat, Instant leaves, Actor actor, LocalDate until,
        Instant? hireAt = null, string? hireName = null, string? hireEmail = null)
    {
        ArgumentNullException.ThrowIfNull(grain);
        var account = await grain.ReadAsync().ConfigureAwait(false)
            ?? throw new AccountNotOpenedException(grain.GetPrimaryKeyString());
        return TurnoverAdvisor.Advise(account, seat, leaves, actor, until, hireAt, hireName, hireEmail);
    }
}
