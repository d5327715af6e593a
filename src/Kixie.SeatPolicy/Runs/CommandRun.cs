using System.Collections.Immutable;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// A run of commands through a <see cref="TurnoverPolicy"/> (<see cref="CommandRuns.Run"/>): what
/// became of each, the account before and after, the invoices of the run's dates, the next bill and
/// the totals. Immutable; every fact is the policy's or the account's.
/// </summary>
public sealed class CommandRun
{
    internal CommandRun(
        Account opening,
        ImmutableArray<CommandResult> results,
        Account account,
        LocalDate billAsOf,
        Invoice nextBill,
        ImmutableArray<Invoice> invoices,
        Money charged)
    {
        Opening = opening;
        Results = results;
        Account = account;
        BillAsOf = billAsOf;
        NextBill = nextBill;
        Invoices = invoices;
        Charged = charged;
    }

    /// <summary>The account before the first command.</summary>
    public Account Opening { get; }

    /// <summary>One result per command, in the order given.</summary>
    public ImmutableArray<CommandResult> Results { get; }

    /// <summary>The account after the last command.</summary>
    public Account Account { get; }

    /// <summary>The local date the next bill was looked up from.</summary>
    public LocalDate BillAsOf { get; }

    /// <summary>The bill invoice of the first bill date after <see cref="BillAsOf"/>.</summary>
    public Invoice NextBill { get; }

    /// <summary>The invoices dated from the first command's local date through <see cref="BillAsOf"/>, in order; empty without commands.</summary>
    public ImmutableArray<Invoice> Invoices { get; }

    /// <summary>
    /// The add charges the run incurred (<see cref="AccountInvoices.AddChargesAfter"/> of the opening version):
    /// a replayed command id adds nothing, so each accepted add is counted once.
    /// </summary>
    public Money Charged { get; }
}

/// <summary>What became of one command of a <see cref="CommandRun"/>.</summary>
/// <param name="Command">The command, as given.</param>
/// <param name="Outcome">The policy's outcome (the original one for a replay).</param>
/// <param name="Seat">The seat the outcome is about: the new seat for an add, else the seat the command named; null when it named none or a blank one.</param>
/// <param name="Charge">What the outcome charges (for a replay, what the original charged).</param>
/// <param name="Replayed">Whether the command id was already accepted with the same content.</param>
/// <param name="Date">The command's local date in the account's time zone (for an instant whose local date is outside the years NodaTime supports, the nearest supported date).</param>
public sealed record CommandResult(SeatCommand Command, TurnoverOutcome Outcome, SeatId? Seat, Money Charge, bool Replayed, LocalDate Date);
