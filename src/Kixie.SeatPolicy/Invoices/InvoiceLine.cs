using System;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// One line of an <see cref="Invoice"/>: a seat billed for a whole period (<see cref="InvoiceLineKind.Seat"/>),
/// the prorated charge of an add (<see cref="InvoiceLineKind.Add"/>) or of an upgrade (<see cref="InvoiceLineKind.Upgrade"/>),
/// with the seat, its plan, the amount and why: the period for a seat line, the full <see cref="ProratedCharge"/>
/// (its arithmetic) for an add or upgrade line.
/// </summary>
/// <remarks>
/// <para>Made by the library from an account's history (<see cref="AccountInvoices.Invoices"/>). An immutable
/// value of two references (the seat lines of one bill share their price and period), so a bill of
/// 100,000 seats is one array and nothing per line. Equality is by value (every member).</para>
/// <para>The default value is a seat line for no seat (<c>default(SeatId)</c>), zero in the "no
/// currency" <c>XXX</c>, over the default <see cref="BillingPeriod"/>; no invoice contains it.</para>
/// </remarks>
public readonly struct InvoiceLine : IEquatable<InvoiceLine>
{
    private readonly SeatId _seat;

    // A SeatTerm (a seat line: the price and the period, shared by every seat line of a bill), an
    // AddFacts (an add line), or null (the default value).
    private readonly object? _why;

    private InvoiceLine(SeatId seat, object why)
    {
        _seat = seat;
        _why = why;
    }

    /// <summary>Whether the line bills a seat for a period or an add's prorated charge.</summary>
    public InvoiceLineKind Kind => _why is AddFacts add ? (add.IsUpgrade ? InvoiceLineKind.Upgrade : InvoiceLineKind.Add) : InvoiceLineKind.Seat;

    /// <summary>The plan the line bills (rulebook §13): the seat's plan on a seat or add line, the new plan on an upgrade line.</summary>
    public string Plan => _why switch
    {
        SeatTerm seat => seat.Plan,
        AddFacts add => add.Plan,
        _ => SeatPolicy.Plan.Standard,
    };

    /// <summary>The seat the line is for.</summary>
    public SeatId Seat => _seat;

    /// <summary>What the line charges, in the account's currency; never negative.</summary>
    public Money Amount => _why switch
    {
        SeatTerm seat => seat.Price,
        AddFacts add => add.Charge.Amount,
        _ => default,
    };

    /// <summary>
    /// The billing period the line pays for: for a seat line the whole period <c>[bill date, next bill date)</c>
    /// the seat is billed for; for an add line the period whose rest the charge covers (<see cref="ProratedCharge.Period"/>).
    /// </summary>
    public BillingPeriod Period => _why switch
    {
        SeatTerm seat => seat.Period,
        AddFacts add => add.Charge.Period,
        _ => default,
    };

    /// <summary>For an add line, the charge with its arithmetic (as the <see cref="Added"/> event recorded it); null for a seat line.</summary>
    public ProratedCharge? Charge => (_why as AddFacts)?.Charge;

    /// <summary>For an add line, the local date of the add (in the account's zone); null for a seat line.</summary>
    public LocalDate? AddedOn => (_why as AddFacts)?.AddedOn;

    /// <summary>For an add line, the id of the accepted <see cref="AddAgent"/> command that incurred the charge; null for a seat line.</summary>
    public CommandId? Command => (_why as AddFacts)?.Command;

    /// <summary>
    /// The line's explanation in one line, as the scenario format writes it: the period for a seat line
    /// (<c>2026-03-31..2026-04-30</c>, end exclusive), the charge's arithmetic for an add line
    /// (<c>14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55</c>).
    /// </summary>
    /// <returns>The explanation.</returns>
    public string Explain() => _why is AddFacts add ? add.Charge.Explain() : Period.ToString();

    /// <summary>The line as <c>Seat s1 30.00: 2026-03-31..2026-04-30</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind} {Seat} {Amount}: {Explain()}";

    /// <inheritdoc />
    public bool Equals(InvoiceLine other) => _seat == other._seat && Equals(_why, other._why);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is InvoiceLine other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_seat, _why);

    /// <summary>Whether two lines are the same.</summary>
    /// <param name="left">One line.</param>
    /// <param name="right">The other line.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(InvoiceLine left, InvoiceLine right) => left.Equals(right);

    /// <summary>Whether two lines differ.</summary>
    /// <param name="left">One line.</param>
    /// <param name="right">The other line.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(InvoiceLine left, InvoiceLine right) => !left.Equals(right);

    /// <summary>A seat line rebuilt from its facts, as a store or a message holds it (the Json package reads lines this way).</summary>
    /// <param name="seat">The seat billed.</param>
    /// <param name="price">The full seat price for the period; zero or more.</param>
    /// <param name="period">The period billed.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ValueRefusedException"><paramref name="price"/> is negative.</exception>
    /// <param name="plan">The seat's plan on the bill.</param>
    public static InvoiceLine SeatLine(SeatId seat, Money price, BillingPeriod period, string plan = SeatPolicy.Plan.Standard) =>
        price.IsNegative
            ? throw new ValueRefusedException(nameof(price), nameof(price), price, $"the price {price} is negative")
            : new(seat, new SeatTerm(price, period, plan ?? throw new ArgumentNullException(nameof(plan))));

    /// <summary>An add line rebuilt from its facts, as a store or a message holds it.</summary>
    /// <param name="seat">The seat added.</param>
    /// <param name="charge">The add's prorated charge.</param>
    /// <param name="addedOn">The add's local date in the account's zone.</param>
    /// <param name="command">The id of the command that added the seat.</param>
    /// <param name="plan">The plan the seat was added on.</param>
    /// <returns>The line.</returns>
    public static InvoiceLine AddLine(SeatId seat, ProratedCharge charge, LocalDate addedOn, CommandId command, string plan = SeatPolicy.Plan.Standard) =>
        ForAdd(seat, charge, addedOn, command, plan ?? throw new ArgumentNullException(nameof(plan)));

    /// <summary>An upgrade line rebuilt from its facts (rulebook §13).</summary>
    /// <param name="seat">The seat upgraded.</param>
    /// <param name="charge">The prorated price difference.</param>
    /// <param name="upgradedOn">The upgrade's local date in the account's zone.</param>
    /// <param name="command">The id of the command that upgraded the seat.</param>
    /// <param name="plan">The plan the seat moved to.</param>
    /// <returns>The line.</returns>
    public static InvoiceLine UpgradeLine(SeatId seat, ProratedCharge charge, LocalDate upgradedOn, CommandId command, string plan) =>
        new(seat, new AddFacts(charge, upgradedOn, command, plan ?? throw new ArgumentNullException(nameof(plan)), IsUpgrade: true));

    /// <summary>What every seat line of one bill on one plan shares: the full seat price, the period billed and the plan.</summary>
    internal static object SeatTermOf(Money price, BillingPeriod period, string plan) => new SeatTerm(price, period, plan);

    /// <summary>A seat billed for a whole period at the full price; <paramref name="term"/> comes from <see cref="SeatTermOf"/>.</summary>
    internal static InvoiceLine ForSeat(SeatId seat, object term) => new(seat, term);

    /// <summary>An add's prorated charge.</summary>
    internal static InvoiceLine ForAdd(SeatId seat, ProratedCharge charge, LocalDate addedOn, CommandId command, string plan) =>
        new(seat, new AddFacts(charge, addedOn, command, plan, IsUpgrade: false));

    /// <summary>An upgrade's prorated price difference.</summary>
    internal static InvoiceLine ForUpgrade(SeatId seat, ProratedCharge charge, LocalDate upgradedOn, CommandId command, string plan) =>
        new(seat, new AddFacts(charge, upgradedOn, command, plan, IsUpgrade: true));

    private sealed record SeatTerm(Money Price, BillingPeriod Period, string Plan);

    private sealed record AddFacts(ProratedCharge Charge, LocalDate AddedOn, CommandId Command, string Plan, bool IsUpgrade);
}
