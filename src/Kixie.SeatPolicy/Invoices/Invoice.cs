using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// One invoice of an account (rulebook §10): its local <see cref="Date"/>, its <see cref="Kind"/> (the
/// <see cref="InvoiceKind.Bill"/> of a bill date, or the <see cref="InvoiceKind.Add"/> invoice of one
/// add), its lines in order and their <see cref="Total"/>.
/// </summary>
/// <remarks>
/// <para>A bill's lines are its seat lines, in the order the seats were created (initial seats as given,
/// then adds in history order), then, with <see cref="AddChargeBilling.OnNextBill"/>, its add lines in
/// history order. An add invoice has exactly one add line.</para>
/// <para>Made only by the library, from an account's history (<see cref="AccountInvoices.Invoices"/>,
/// <see cref="AccountInvoices.PreviewNextInvoice"/>). Immutable and thread-safe; equality is by value (every
/// member and every line, in order).</para>
/// </remarks>
public sealed class Invoice : IEquatable<Invoice>
{
    /// <summary>
    /// An invoice rebuilt from its lines, as a store or a message holds it (the Json package reads
    /// invoices this way); its total is the sum of the lines. <see cref="AccountInvoices.Invoices"/> is what makes invoices.
    /// </summary>
    /// <param name="date">The invoice's local date.</param>
    /// <param name="kind">A bill or an add invoice.</param>
    /// <param name="currency">The account's currency, which every line is in.</param>
    /// <param name="lines">The lines, in order.</param>
    /// <returns>The invoice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is null.</exception>
    /// <exception cref="ValueRefusedException"><paramref name="kind"/> is undefined, or a line is in another currency (<see cref="ValueRefusedException.Member"/> says which).</exception>
    public static Invoice Create(LocalDate date, InvoiceKind kind, Currency currency, IEnumerable<InvoiceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (kind is not (InvoiceKind.Bill or InvoiceKind.Add))
        {
            throw new ValueRefusedException(nameof(kind), nameof(kind), kind, $"{(int)kind} is not an invoice kind");
        }

        var all = lines.ToImmutableArray();
        var total = Money.Zero(currency);
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i].Amount.Currency != currency)
            {
                throw new ValueRefusedException(
                    nameof(lines), string.Create(CultureInfo.InvariantCulture, $"lines[{i}]"), all[i].Amount, $"the line is in {all[i].Amount.Currency}, not the invoice's {currency}");
            }

            total += all[i].Amount;
        }

        return new Invoice(date, kind, currency, all, total);
    }

    internal Invoice(LocalDate date, InvoiceKind kind, Currency currency, ImmutableArray<InvoiceLine> lines, Money total)
    {
        Date = date;
        Kind = kind;
        Currency = currency;
        Lines = lines;
        Total = total;
    }

    /// <summary>The invoice's local date in the account's zone: the bill date of a bill, the add's local date of an add invoice.</summary>
    public LocalDate Date { get; }

    /// <summary>A bill date's bill, or one add's invoice.</summary>
    public InvoiceKind Kind { get; }

    /// <summary>The account's currency; every line is in it.</summary>
    public Currency Currency { get; }

    /// <summary>The lines, in the order described in the remarks; a bill of an account with no seats and nothing to collect has none.</summary>
    public ImmutableArray<InvoiceLine> Lines { get; }

    /// <summary>The sum of the lines' amounts (zero in <see cref="Currency"/> when there are none); never negative.</summary>
    public Money Total { get; }

    /// <summary>How many seat lines the invoice has: the seats a bill bills (zero for an add invoice).</summary>
    public int SeatLineCount => Lines.Count(line => line.Kind == InvoiceLineKind.Seat);

    /// <summary>The invoice as <c>2026-03-31 Bill 90.00 USD, 3 lines</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"{Dates.Iso(Date)} {Kind} {Total} {Currency}, {Lines.Length} line{(Lines.Length == 1 ? string.Empty : "s")}");

    /// <inheritdoc />
    public bool Equals(Invoice? other) =>
        other is not null
        && Date == other.Date
        && Kind == other.Kind
        && Currency == other.Currency
        && Total == other.Total
        && Lines.SequenceEqual(other.Lines);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Invoice);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, Kind, Total, Lines.Length);
}
