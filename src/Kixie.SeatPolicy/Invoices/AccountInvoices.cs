using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// What an account's history bills (rulebook §8 and §10): its invoices over a range, the next bill, and
/// the add charges since a version. Views of the account, computed from its terms, initial seats and
/// history; the account never reads them back.
/// </summary>
public static class AccountInvoices
{
    /// <summary>
    /// The account's invoices dated from <paramref name="from"/> through <paramref name="through"/>
    /// (local dates in its zone, both inclusive), rulebook §10: a <see cref="InvoiceKind.Bill"/> at every
    /// bill date, and with <see cref="AddChargeBilling.Immediately"/> an <see cref="InvoiceKind.Add"/>
    /// invoice per accepted add; ordered by date, and on one date the bill first, then add invoices in
    /// history order.
    /// </summary>
    /// <remarks>
    /// <para>A pure function of the account's terms, initial seats and <see cref="Account.History"/> (never of
    /// outcomes, so a replayed command id is billed once). The bill of <c>D</c> has one seat line per
    /// seat created before <c>D</c> (an initial seat, or added on a local date before <c>D</c>) and not
    /// deleted on a local date before <c>D</c>, each the full seat price for <c>[D, next bill date)</c>;
    /// so an add on a bill date is not on that bill (its add charge is the full price), and a seat
    /// deleted on a bill date is on it. With <see cref="AddChargeBilling.OnNextBill"/> it also has one
    /// add line per add whose local date lies in <c>[previous bill date, D)</c>.</para>
    /// <para>Lazy: nothing is computed before the first invoice is asked for, and then one invoice at a
    /// time, so a range of centuries streams. Enumerating the whole range costs
    /// O(lines + events × log events). Bill dates whose period would end past the years NodaTime
    /// supports are not produced.</para>
    /// </remarks>
    /// <param name="account">The account.</param>
    /// <param name="from">The first local date of the range.</param>
    /// <param name="through">The last local date of the range; not before <paramref name="from"/>.</param>
    /// <returns>The invoices, in order.</returns>
    /// <exception cref="ReversedDateRangeException"><paramref name="through"/> is before <paramref name="from"/> (thrown at once, not when enumerated; an <see cref="ArgumentOutOfRangeException"/> with both dates as members).</exception>
    /// <exception cref="OverflowException">When enumerated: a bill's total does not fit in 64-bit minor units.</exception>
    public static IEnumerable<Invoice> Invoices(this Account account, LocalDate from, LocalDate through)
    {
        Guard.Against.Null(account);
        if (through < from)
        {
            throw new ReversedDateRangeException(nameof(through), from, through);
        }

        return InvoiceStream.Between(account, from, through, billsOnly: false);
    }

    /// <summary>
    /// The next bill as of a local date, line by line: the <see cref="InvoiceKind.Bill"/> invoice of the
    /// first bill date after <paramref name="asOf"/> for the account as it is now (its current history),
    /// built by the same function as <see cref="Invoices(Account, LocalDate, LocalDate)"/>. With no command between
    /// <paramref name="asOf"/> and that bill date, it equals that bill exactly.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The local date to look from.</param>
    /// <returns>The bill invoice.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The next bill date, or the end of its period, falls outside the years NodaTime supports.</exception>
    /// <exception cref="OverflowException">The bill's total does not fit in 64-bit minor units.</exception>
    public static Invoice PreviewNextInvoice(this Account account, LocalDate asOf) =>
        TryPreviewNextInvoice(account, asOf, out var bill) ? bill : throw NoBillWithinTime(asOf);

    /// <summary>
    /// <see cref="PreviewNextInvoice(Account, LocalDate)"/> without the exception at the end of time: false when the first bill
    /// date after <paramref name="asOf"/>, or the end of its period, falls outside the years NodaTime
    /// supports (any <paramref name="asOf"/> after <see cref="BillingCalendar.SupportedThrough"/>, or before
    /// the first bill date NodaTime can represent). There is no next bill then: the account is never billed
    /// again within time.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">Any local date.</param>
    /// <param name="bill">The next bill invoice when there is one.</param>
    /// <returns>Whether there is a next bill.</returns>
    /// <exception cref="OverflowException">The bill's total does not fit in 64-bit minor units.</exception>
    public static bool TryPreviewNextInvoice(this Account account, LocalDate asOf, [NotNullWhen(true)] out Invoice? bill)
    {
        Guard.Against.Null(account);
        LocalDate date;
        try
        {
            date = account.Billing.NextBillDateAfter(asOf);
        }
        catch (ArgumentOutOfRangeException)
        {
            bill = null;
            return false;
        }

        bill = InvoiceStream.Between(account, date, date, billsOnly: true).FirstOrDefault();
        return bill is not null;
    }

    /// <summary>
    /// The next bill as of a local date, in brief: the summary (<see cref="NextBill.FromInvoice"/>) of
    /// <see cref="PreviewNextInvoice(Account, LocalDate)"/>: its date, its seat lines, the seat price and its total.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The local date to look from.</param>
    /// <returns>The next bill.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The next bill date, or the end of its period, falls outside the years NodaTime supports.</exception>
    /// <exception cref="OverflowException">The bill's total does not fit in 64-bit minor units.</exception>
    public static NextBill PreviewNextBill(this Account account, LocalDate asOf) =>
        InvoiceStream.NextBillAfter(Guard.Against.Null(account), asOf) ?? throw NoBillWithinTime(asOf);

    private static ArgumentOutOfRangeException NoBillWithinTime(LocalDate asOf) =>
        new(nameof(asOf), asOf, "The next bill date, or the end of its period, falls outside the years NodaTime supports (-9998 to 9999).");

    /// <summary>
    /// The add charges the account's history incurred after <paramref name="version"/>: the sum of the
    /// charges of the <see cref="Added"/> and <see cref="PlanUpgraded"/> events that brought it from that version to
    /// <see cref="Account.Version"/>. A replayed command id produces no event, so it is counted once by
    /// construction: this is what a run of commands charged, however often a command was sent.
    /// </summary>
    /// <remarks>
    /// For the charges of a run of commands, note <see cref="Account.Version"/> before the run and ask the
    /// account after it. O(events after <paramref name="version"/>) once <see cref="Account.History"/> is built.
    /// </remarks>
    /// <param name="account">The account.</param>
    /// <param name="version">A version of this account, from 0 to <see cref="Account.Version"/>.</param>
    /// <returns>The sum, zero in the account's currency when no add was accepted since.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is negative or after <see cref="Account.Version"/>.</exception>
    public static Money AddChargesAfter(this Account account, long version)
    {
        Guard.Against.Null(account);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, account.Version);
        var total = Money.Zero(account.Currency);
        var history = account.History;
        for (var i = (int)version; i < history.Count; i++)
        {
            if (ChargeIncurred.Of(history[i]) is { } charge)
            {
                total += charge.Amount;
            }
        }

        return total;
    }
}
