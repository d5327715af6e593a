using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// The account grain: the account rebuilt from the store, decided against, and replaced only after
/// the store took the decision's events. Events are the only truth: the in-memory account is a cache
/// of the store, dropped whenever a write's result is unknown or lost to another writer. Scheduled changes
/// that take effect are recorded in the store once each (see the Effects part).
/// </summary>
internal sealed partial class AccountGrain(IAccountEventStore store, TurnoverPolicy policy, TimeProvider clock, ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    /// <summary>How many times a command is decided again after another writer appended first.</summary>
    private const int Attempts = 5;

    /// <summary>The account as last read or written; null when not read yet, or when it must be read again.</summary>
    private Account? _account;

    private string Id => this.GetPrimaryKeyString();

    public async Task<AccountOpening> OpenAsync(Account opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        if (!string.Equals(opening.Id, Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The account '{opening.Id}' cannot be opened by the grain of '{Id}'.", nameof(opening));
        }

        EventStoreArguments.RequireOpening(opening);
        if (await LoadAsync() is not null)
        {
            return AccountOpening.AlreadyOpen;
        }

        if (await Store(() => store.CreateAsync(opening)))
        {
            _account = opening;
            return AccountOpening.Opened;
        }

        Forget();
        return AccountOpening.AlreadyOpen;
    }

    public async Task<StoredDecision> DecideAsync(SeatCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 1; ; attempt++)
        {
            var account = await LoadAsync() ?? throw new AccountNotOpenedException(Id);
            await RecordEffectsBeforeAsync(account, command.At);
            var decision = policy.Decide(account, command);
            if (decision.Events.IsEmpty)
            {
                return new StoredDecision(decision.Outcome, decision.IsReplay, account.Version);
            }

            if (await Store(() => store.AppendAsync(Id, account.Version, decision.Events)))
            {
                var after = decision.ApplyTo(account);
                _account = after;
                await LookAgainAfterAsync(after, decision.Events[^1]);
                return new StoredDecision(decision.Outcome, decision.IsReplay, after.Version);
            }

            // Another writer appended first (a second activation during a failover, say): read the
            // account again and decide once more against what is really stored.
            Forget();
            if (attempt == Attempts)
            {
                throw new EventStoreUnavailableException(Id, $"The account '{Id}' kept changing under another writer; the command was not applied after {Attempts} attempts.");
            }
        }
    }

    public Task<Account?> ReadAsync() => LoadAsync();

    public async Task<ImmutableArray<Invoice>> InvoicesAsync(LocalDate from, LocalDate through) =>
        [.. (await RequireAsync()).Invoices(from, through)];

    public async Task<Invoice> PreviewNextInvoiceAsync(LocalDate asOf) => (await RequireAsync()).PreviewNextInvoice(asOf);

    public async Task<NextBill> PreviewNextBillAsync(LocalDate asOf) => (await RequireAsync()).PreviewNextBill(asOf);

    private async Task<Account> RequireAsync() => await LoadAsync() ?? throw new AccountNotOpenedException(Id);

    private async Task<Account?> LoadAsync() => _account ??= await Store(() => store.ReadAsync(Id));

    /// <summary>
    /// Runs a store call; when it fails, forgets the account, whose stored state is then unknown. An
    /// unavailable store's own exception (a database client's, which cannot cross a grain boundary) is
    /// logged here and the caller gets the message and the account id without it.
    /// </summary>
    private async Task<T> Store<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (EventStoreUnavailableException e) when (e.InnerException is not null)
        {
            Forget();
            LogStoreUnavailable(logger, e, Id);
            throw new EventStoreUnavailableException(e.AccountId, e.Message);
        }
        catch
        {
            Forget();
            throw;
        }
    }

    /// <summary>Forgets the account and what was known of its effects: the store's state is unknown.</summary>
    private void Forget()
    {
        _account = null;
        ForgetEffects();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event store is unavailable for account {AccountId}; the call was not applied.")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception, string accountId);
}
