using System;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// One line of an <see cref="Invoice"/>: a seat billed for a whole period (<see cref="InvoiceLineKind.Seat"/>)
/// or the prorated charge of an add (<see cref="InvoiceLineKind.Add"/>), with the seat, the amount and
/// why: the period for a seat line, the full <see cref="ProratedCharge"/> (its arithmetic) for an add line.
/// </summary>
/// <remarks>
/// Made only by the library, from an account's history (<see cref="Account.Invoices"/>). Immutable and
/// thread-safe; equality is by value (every member).
/// </remarks>
public sealed class InvoiceLine : IEquatable<InvoiceLine>
{
    private InvoiceLine(InvoiceLineKind kind, SeatId seat, Money amount, BillingPeriod period, AddFacts? add)
    {
        Kind = kind;
        Seat = seat;
        Amount = amount;
        Period = period;
        _add = add;
    }

    // The facts only an add line has, kept out of line so that a seat line stays small.
    private readonly AddFacts? _add;

    /// <summary>Whether the line bills a seat for a period or an add's prorated charge.</summary>
    public InvoiceLineKind Kind { get; }

    /// <summary>The seat the line is for.</summary>
    public SeatId Seat { get; }

    /// <summary>What the line charges, in the account's currency; never negative.</summary>
    public Money Amount { get; }

    /// <summary>
    /// The billing period the line pays for: for a seat line the whole period <c>[bill date, next bill date)</c>
    /// the seat is billed for; for an add line the period whose rest the charge covers (<see cref="ProratedCharge.Period"/>).
    /// </summary>
    public BillingPeriod Period { get; }

    /// <summary>For an add line, the charge with its arithmetic (as the <see cref="SeatAdded"/> event recorded it); null for a seat line.</summary>
    public ProratedCharge? Charge => _add?.Charge;

    /// <summary>For an add line, the local date of the add (in the account's zone); null for a seat line.</summary>
    public LocalDate? AddedOn => _add?.AddedOn;

    /// <summary>For an add line, the id of the accepted <see cref="AddAgent"/> command that incurred the charge; null for a seat line.</summary>
    public CommandId? Command => _add?.Command;

    /// <summary>
    /// The line's explanation in one line, as the scenario format writes it: the period for a seat line
    /// (<c>2026-03-31..2026-04-30</c>, end exclusive), the charge's arithmetic for an add line
    /// (<c>14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55</c>).
    /// </summary>
    /// <returns>The explanation.</returns>
    public string Explain() => _add is { } add ? add.Charge.Explain() : Period.ToString();

    /// <summary>The line as <c>Seat s1 30.00: 2026-03-31..2026-04-30</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind} {Seat} {Amount}: {Explain()}";

    /// <inheritdoc />
    public bool Equals(InvoiceLine? other) =>
        other is not null
        && Kind == other.Kind
        && Seat == other.Seat
        && Amount == other.Amount
        && Period == other.Period
        && Equals(_add, other._add);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InvoiceLine);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Seat, Amount, Period);

    /// <summary>A seat billed for a whole period at the full price.</summary>
    internal static InvoiceLine ForSeat(SeatId seat, Money price, BillingPeriod period) =>
        new(InvoiceLineKind.Seat, seat, price, period, add: null);

    /// <summary>An add's prorated charge.</summary>
    internal static InvoiceLine ForAdd(SeatId seat, ProratedCharge charge, LocalDate addedOn, CommandId command) =>
        new(InvoiceLineKind.Add, seat, charge.Amount, charge.Period, new AddFacts(charge, addedOn, command));

    private sealed record AddFacts(ProratedCharge Charge, LocalDate AddedOn, CommandId Command);
}
