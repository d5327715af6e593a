using System;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// The next bill in brief: its date, how many seats are on it, the seat price and the total. A summary
/// of the bill invoice <see cref="AccountInvoices.PreviewNextInvoice"/> returns (the same function as the bill),
/// for callers that need no lines.
/// </summary>
/// <param name="Date">The first bill date after the date asked about.</param>
/// <param name="Seats">The seats billed: every seat that exists at the end of the day before <paramref name="Date"/>, occupied or vacant.</param>
/// <param name="SeatPrice">The price of one seat for one period.</param>
/// <param name="Total">The bill invoice's total: seats × seat price, plus, with <see cref="AddChargeBilling.OnNextBill"/>, the add charges it collects.</param>
public sealed record NextBill(LocalDate Date, int Seats, Money SeatPrice, Money Total)
{
    /// <summary>The summary of a bill invoice: its date, its seat lines, the seat price and its total.</summary>
    /// <param name="bill">A <see cref="InvoiceKind.Bill"/> invoice.</param>
    /// <param name="seatPrice">The account's seat price.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bill"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="bill"/> is an add invoice, or <paramref name="seatPrice"/> is not in its currency.</exception>
    public static NextBill FromInvoice(Invoice bill, Money seatPrice)
    {
        Guard.Against.Null(bill);
        if (bill.Kind != InvoiceKind.Bill)
        {
            throw new ArgumentException($"A next bill summarises a bill invoice, not an {bill.Kind} invoice.", nameof(bill));
        }

        if (seatPrice.Currency != bill.Currency)
        {
            throw new ArgumentException($"The seat price is in {seatPrice.Currency}, the bill in {bill.Currency}.", nameof(seatPrice));
        }

        return new NextBill(bill.Date, bill.Lines.Count(line => line.Kind == InvoiceLineKind.Seat), seatPrice, bill.Total);
    }
}
