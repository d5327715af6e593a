using System.Collections.Immutable;
using System.Threading.Tasks;
using NodaTime;
using Orleans;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// One account of the seat policy, as a grain keyed by the account's id: the single writer of that
/// account across the cluster. It decides each command with <see cref="TurnoverPolicy"/>, writes the
/// decision's events to the <see cref="IAccountEventStore"/>, and only then applies them, so a
/// command is either wholly applied and stored or not at all.
/// </summary>
/// <remarks>
/// Calls to one account run one at a time, in the order the grain receives them. Reads answer from
/// the account rebuilt from its stored events. Errors: <see cref="AccountNotOpenedException"/> for an
/// account never opened, <see cref="EventStoreUnavailableException"/> when the store cannot be
/// reached (nothing applied; retry with the same command id). Business refusals are outcomes.
/// </remarks>
[Alias("kixie.seat-policy.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Opens the account: its terms and initial seats become version 0 in the store.</summary>
    /// <param name="opening">The account as <see cref="Account.Open"/> made it (version 0); its id must be this grain's key.</param>
    /// <returns><see cref="AccountOpening.Opened"/>, or <see cref="AccountOpening.AlreadyOpen"/> (nothing written) when the account exists.</returns>
    /// <exception cref="System.ArgumentException">The opening's id is not this grain's key, or it has a history.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached.</exception>
    [Alias("Open")]
    Task<AccountOpening> OpenAsync(Account opening);

    /// <summary>Decides a command, stores its events and applies them, as one step.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The outcome, the events written (none for a refusal or a replay) and the version after it.</returns>
    /// <exception cref="AccountNotOpenedException">The account was never opened.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached; the command was not applied.</exception>
    [Alias("Decide")]
    Task<StoredDecision> DecideAsync(SeatCommand command);

    /// <summary>The account as it is now, history and all.</summary>
    /// <returns>The account; <see langword="null"/> when it was never opened.</returns>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached.</exception>
    [Alias("Read")]
    Task<Account?> ReadAsync();

    /// <summary>The account's invoices dated from <paramref name="from"/> through <paramref name="through"/> (<see cref="AccountInvoices.Invoices"/>).</summary>
    /// <param name="from">The first local date, inclusive.</param>
    /// <param name="through">The last local date, inclusive.</param>
    /// <returns>The invoices in date order.</returns>
    /// <exception cref="AccountNotOpenedException">The account was never opened.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached.</exception>
    [Alias("Invoices")]
    Task<ImmutableArray<Invoice>> InvoicesAsync(LocalDate from, LocalDate through);

    /// <summary>The next bill's invoice as of a local date, line by line (<see cref="AccountInvoices.PreviewNextInvoice"/>).</summary>
    /// <param name="asOf">The local date the next bill date is looked up from.</param>
    /// <returns>The invoice of the first bill date after <paramref name="asOf"/>.</returns>
    /// <exception cref="AccountNotOpenedException">The account was never opened.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached.</exception>
    [Alias("PreviewNextInvoice")]
    Task<Invoice> PreviewNextInvoiceAsync(LocalDate asOf);

    /// <summary>The next bill as of a local date: its date, seats, seat price and total (<see cref="AccountInvoices.PreviewNextBill"/>).</summary>
    /// <param name="asOf">The local date the next bill date is looked up from.</param>
    /// <returns>The next bill.</returns>
    /// <exception cref="AccountNotOpenedException">The account was never opened.</exception>
    /// <exception cref="EventStoreUnavailableException">The store cannot be reached.</exception>
    [Alias("PreviewNextBill")]
    Task<NextBill> PreviewNextBillAsync(LocalDate asOf);
}
