using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// One customer organisation as an immutable value: its time zone, currency and seat price, its
/// billing calendar and proration convention, an optional contract, its seats, its version and the
/// history of every accepted change.
/// </summary>
/// <remarks>
/// <para>Open one with <see cref="Open"/>; decide commands with <see cref="TurnoverPolicy.Decide"/>;
/// move to the next state only by applying the decision's events (<see cref="Apply(SeatEvent)"/>).
/// Replaying an account's events onto its initial state gives an equal account.</para>
/// <para>Applying an event leaves this account unchanged; its cost grows with the logarithm of the
/// seat count.</para>
/// <para>Immutable and thread-safe. Equality is by value over the whole state (every seat, index,
/// counter and event); applying events one at a time or as one batch gives equal accounts.</para>
/// </remarks>
public sealed partial class Account : IEquatable<Account>
{
    private readonly AccountTerms _terms;
    private readonly SeatMap _seats;

    // Email → the seat it was last placed in (the seat as it was then: an edit that keeps the address
    // keeps the entry). An entry is live only while that seat's occupant has the email (see FindSeatOf).
    // A departure leaves its entry behind (removing it would cost every departure a second path copy);
    // once the entries of people who left outnumber the occupants, the next event drops them all. The
    // rule reads only the index and the counts, so one event at a time and a batch leave the same index.
    private readonly EmailIndex _seatByEmail;
    private readonly ImmutableHashSet<SeatId> _deletedSeats;
    // Seat → its pending change (a scheduled deletion or downgrade not yet in effect), and the earliest day one
    // takes effect, so that an event or a question dated before it knows at once that nothing is due.
    private readonly PendingChanges _pending;
    // Command id → the event it produced: one entry per applied event, so it is the history too
    // (ordered by version) and its size is the version.
    private readonly CommandIndex _accepted;
    private IReadOnlyList<SeatEvent>? _historyList;

    private Account(
        AccountTerms terms,
        SeatMap seats,
        EmailIndex seatByEmail,
        ImmutableHashSet<SeatId> deletedSeats,
        PendingChanges pending,
        CommandIndex accepted,
        int occupiedSeatCount,
        int occupiedAdminCount,
        long seatsEverCreated,
        long agentsEverCreated)
    {
        _terms = terms;
        _seats = seats;
        _seatByEmail = seatByEmail;
        _deletedSeats = deletedSeats;
        _pending = pending;
        _accepted = accepted;
        OccupiedSeatCount = occupiedSeatCount;
        OccupiedAdminCount = occupiedAdminCount;
        SeatsEverCreated = seatsEverCreated;
        AgentsEverCreated = agentsEverCreated;
    }

    /// <summary>The account's id.</summary>
    public string Id => _terms.Id;

    /// <summary>The account's time zone (tzdb); every day-based rule uses local dates in it.</summary>
    public DateTimeZone TimeZone => _terms.TimeZone;

    /// <summary>The account's currency: every plan's price is in it.</summary>
    public Currency Currency => _terms.DefaultPlan.SeatPrice.Currency;

    /// <summary>
    /// The price of one seat for one whole billing period on the <see cref="DefaultPlan"/>, before any later
    /// price: for an account opened with a plain seat price, that price.
    /// </summary>
    public Money SeatPrice => _terms.DefaultPlan.SeatPrice;

    /// <summary>The plans seats can be on (rulebook §13), in the order given; one plan, <see cref="Plan.Standard"/>, for an account opened with a plain seat price.</summary>
    public ImmutableArray<Plan> Plans => _terms.Plans;

    /// <summary>The plan a seat is on when its initial seat or its add names none.</summary>
    public Plan DefaultPlan => _terms.DefaultPlan;

    /// <summary>The plan of this name, or null.</summary>
    /// <param name="name">The plan's name (case-sensitive).</param>
    /// <returns>The plan, or null.</returns>
    public Plan? FindPlan(string? name)
    {
        foreach (var plan in _terms.Plans)
        {
            if (string.Equals(plan.Name, name, StringComparison.Ordinal))
            {
                return plan;
            }
        }

        return null;
    }

    /// <summary>
    /// The seat price of <paramref name="plan"/> on the bill dated <paramref name="billDate"/> (rulebook §13): the
    /// price in effect that day, or, on a day inside a contract term, on the term's first day.
    /// </summary>
    internal Money BillPrice(Plan plan, LocalDate billDate) =>
        plan.HasLaterPrices ? plan.PriceOn(PriceDay(billDate, billDate)) : plan.SeatPrice;

    /// <summary>
    /// The seat price an add or an upgrade on <paramref name="date"/> prorates (rulebook §13): the price in effect
    /// on the first day of the period containing it, or, on a day inside a contract term, on the term's first day.
    /// </summary>
    internal Money ChargePrice(Plan plan, LocalDate date) =>
        plan.HasLaterPrices ? plan.PriceOn(PriceDay(date, Billing.PeriodContaining(date).Start)) : plan.SeatPrice;

    /// <summary>Whether some plan's price changes on a later date: bills then price each seat by its day.</summary>
    internal bool HasPriceChanges => _terms.HasPriceChanges;

    /// <summary>Whether the account has more than one plan or a price change: bills then price each seat by its plan.</summary>
    internal bool HasPlanPricing => _terms.Plans.Length > 1 || _terms.HasPriceChanges;

    /// <summary>The day whose list price applies to a charge or bill dated <paramref name="day"/>: its term's first day inside a contract term, else <paramref name="listDay"/>.</summary>
    private LocalDate PriceDay(LocalDate day, LocalDate listDay) =>
        Contract?.StandingOn(day) is { Phase: ContractPhase.LockedIn or ContractPhase.ExitWindow } standing ? standing.TermStart : listDay;

    /// <summary>When the account is billed.</summary>
    public BillingCalendar Billing => _terms.Billing;

    /// <summary>How adds are prorated.</summary>
    public ProrationConvention Proration => _terms.Proration;

    /// <summary>
    /// When the prorated charge of an add is invoiced (rulebook §10): on an add invoice of its own, dated
    /// the add's local date (<see cref="AddChargeBilling.Immediately"/>, the default), or as an add line on
    /// the next bill (<see cref="AddChargeBilling.OnNextBill"/>). A term of the account, set when it is
    /// opened, like its calendar.
    /// </summary>
    public AddChargeBilling AddCharges => _terms.AddCharges;

    /// <summary>The contract, or null for a non-contract account.</summary>
    public ContractTerm? Contract => _terms.Contract;

    /// <summary>The seats the account was opened with, as given to <see cref="Open"/>.</summary>
    public ImmutableArray<InitialSeat> InitialSeats => _terms.InitialSeats;

    /// <summary>The account's version: 0 when opened, one more for every accepted command.</summary>
    public long Version => _accepted.Count;

    /// <summary>How many seats exist (occupied or vacant; deleted seats are gone). Each is billed.</summary>
    public int SeatCount => _seats.Count;

    /// <summary>How many seats a person occupies.</summary>
    public int OccupiedSeatCount { get; }

    /// <summary>How many seats an Admin occupies; accepted commands never bring this from one to zero.</summary>
    public int OccupiedAdminCount { get; }

    /// <summary>How many seats were ever created, deleted ones included.</summary>
    public long SeatsEverCreated { get; }

    /// <summary>How many people were ever placed in a seat; the last one's <see cref="AgentId"/> is this number.</summary>
    public long AgentsEverCreated { get; }

    /// <summary>
    /// Every accepted change, oldest first: who, when, by which command. Nothing is ever removed.
    /// The list is built from the accepted commands the first time it is asked for (O(n)).
    /// </summary>
    public IReadOnlyList<SeatEvent> History => _historyList ??= BuildHistory();

    /// <summary>The seats in the order they were created. Sorting makes this O(n log n): use <see cref="FindSeat(SeatId)"/> for one seat.</summary>
    /// <returns>The existing seats.</returns>
    public ImmutableArray<Seat> ListSeats() => [.. _seats.OrderBy(seat => seat.Ordinal)];

    /// <summary>The seat with this id, or null when there is none (never was, or deleted).</summary>
    /// <param name="seat">The seat's id.</param>
    /// <returns>The seat or null.</returns>
    public Seat? FindSeat(SeatId seat) => seat.Value is not null && _seats.TryGetValue(seat, out var found) ? found : null;

    /// <summary>The seat a current occupant with this email sits in (case-insensitive), or null.</summary>
    /// <param name="email">An email.</param>
    /// <returns>The seat or null.</returns>
    public Seat? FindSeatOf(string? email) =>
        email is not null
        && _seatByEmail.TryGetValue(email, out var indexed)
        && _seats.TryGetValue(indexed.Id, out var seat)
        && seat.Occupant is { } occupant
        && occupant.HasEmail(email)
            ? seat
            : null;

    /// <summary>Whether any seat of this account ever had this id, deleted seats included.</summary>
    /// <param name="seat">A seat id.</param>
    /// <returns>True when the id is taken for good.</returns>
    public bool HasEverHadSeat(SeatId seat) =>
        seat.Value is not null && (_seats.ContainsKey(seat) || _deletedSeats.Contains(seat));

    /// <summary>The local date of an instant in the account's time zone.</summary>
    /// <param name="at">An instant.</param>
    /// <returns>The local date.</returns>
    /// <exception cref="ValueRefusedException">The instant is within a day of NodaTime's first or last instant and its
    /// local date in the zone falls outside the years NodaTime supports (-9998 to 9999); <see cref="ValueRefusedException.Member"/>
    /// is <c>at</c>. <see cref="TryLocalDateOf"/> answers without throwing.</exception>
    public LocalDate LocalDateOf(Instant at) =>
        TryLocalDateOf(at, out var date)
            ? date
            : throw new ValueRefusedException(nameof(at), nameof(at), at, $"{at} has no local date in {TimeZone.Id}: it falls outside the years NodaTime supports (-9998 to 9999)");

    /// <summary>
    /// The local date of an instant in the account's time zone, or false for the few instants at NodaTime's
    /// ends whose local date would fall outside the years it supports (-9998-01-01T00:00Z in a zone west of
    /// UTC, 9999-12-31T23:00Z in one east of it).
    /// </summary>
    /// <param name="at">Any instant.</param>
    /// <param name="date">The local date when it exists.</param>
    /// <returns>Whether the local date exists.</returns>
    public bool TryLocalDateOf(Instant at, out LocalDate date)
    {
        try
        {
            date = at.InZone(TimeZone).Date;
            return true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            date = default;
            return false;
        }
    }

    /// <summary>
    /// Whether the account can charge, bill or delete at <paramref name="at"/>: its local date exists and
    /// lies in a billing period NodaTime can represent (<see cref="BillingCalendar.Supports"/>). The policy
    /// refuses a command at any other instant (<see cref="InvalidCommand"/> naming <c>at</c>), and
    /// <see cref="Apply(SeatEvent)"/> an event at one.
    /// </summary>
    /// <param name="at">Any instant.</param>
    /// <returns>True when the instant's local date is in <see cref="BillingCalendar.SupportedFrom"/>..<see cref="BillingCalendar.SupportedThrough"/>.</returns>
    public bool CanBillAt(Instant at) =>
        (at >= _terms.SurelyBillableFrom && at < _terms.SurelyBillableUntil)
        || (TryLocalDateOf(at, out var date) && Billing.Supports(date));

    /// <summary>Why an instant is refused by <see cref="CanBillAt"/>: one sentence naming the supported dates.</summary>
    internal string OutsideBillingRange(Instant at) =>
        $"{at} is outside the dates this account can bill in {TimeZone.Id}: {Billing.SupportedRange} (whole billing periods within the years NodaTime supports, -9998 to 9999)";

    /// <summary>
    /// The same account (terms, initial seats and history) with add charges billed the other way. Its
    /// invoices describe every period under the new term, past ones too; see docs/recipes.md ("move an
    /// account to OnNextBill") for switching on a bill date without billing an add twice.
    /// </summary>
    /// <param name="addCharges">When add charges are invoiced.</param>
    /// <returns>The account with that term, at the same version; this one when it already has it.</returns>
    /// <exception cref="ValueRefusedException"><paramref name="addCharges"/> is not a defined term.</exception>
    public Account WithAddCharges(AddChargeBilling addCharges) =>
        addCharges == AddCharges
            ? this
            : OpenOnPlans(Id, TimeZone, Plans, DefaultPlan.Name, Billing, InitialSeats, Contract, Proration, addCharges).Apply(History);

    /// <summary>
    /// The account as it was opened: version 0, its <see cref="InitialSeats"/>, no history.
    /// <c>account.AtOpening().Apply(account.History)</c> equals <c>account</c>; storing the terms, the
    /// initial seats and the history is therefore enough to store an account.
    /// </summary>
    /// <returns>The account at version 0.</returns>
    public Account AtOpening() =>
        Version == 0 ? this : OpenOnPlans(Id, TimeZone, Plans, DefaultPlan.Name, Billing, InitialSeats, Contract, Proration, AddCharges);

    private ImmutableArray<SeatEvent> BuildHistory()
    {
        // Versions run from 1 to the version without gaps, one event each: each event has its place.
        var events = new SeatEvent[_accepted.Count];
        foreach (var change in _accepted)
        {
            events[change.Version - 1] = change;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(events);
    }

    /// <summary>The event an accepted command with this id produced, or null.</summary>
    internal SeatEvent? FindAccepted(CommandId id) =>
        id.Value is not null && _accepted.TryGetValue(id, out var accepted) ? accepted : null;

    /// <summary>The id the next new person gets.</summary>
    internal AgentId NextAgentId => new(AgentsEverCreated + 1);

    /// <summary><c>seat-N</c> with N = seats ever created + 1, moved on past any id already taken.</summary>
    internal SeatId NextSeatId()
    {
        for (var n = SeatsEverCreated + 1; ; n++)
        {
            var candidate = new SeatId(string.Create(CultureInfo.InvariantCulture, $"seat-{n}"));
            if (!HasEverHadSeat(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The parts of an account no command changes, shared by all its versions.</summary>
    private sealed record AccountTerms(
        string Id,
        DateTimeZone TimeZone,
        ImmutableArray<Plan> Plans,
        Plan DefaultPlan,
        BillingCalendar Billing,
        ProrationConvention Proration,
        AddChargeBilling AddCharges,
        ContractTerm? Contract,
        ImmutableArray<InitialSeat> InitialSeats)
    {
        // Instants whose local date is supported in every zone, so CanBillAt needs no zone conversion there:
        // from the day after SupportedFrom to SupportedThrough, both at midnight UTC (an offset is at most
        // 18 hours, so it cannot move such an instant's date past either end). Empty for a calendar whose
        // dates are not ISO (Supports then refuses every zone's date) or a range of two days or less.
        public Instant SurelyBillableFrom { get; } = HasSureRange(Billing) ? Midnight(Billing.SupportedFrom.PlusDays(1)) : Instant.MaxValue;

        public Instant SurelyBillableUntil { get; } = HasSureRange(Billing) ? Midnight(Billing.SupportedThrough) : Instant.MinValue;

        public bool HasPriceChanges { get; } = Plans.Any(plan => plan.HasLaterPrices);

        private static bool HasSureRange(BillingCalendar billing) =>
            billing.Anchor.Calendar == CalendarSystem.Iso && Period.DaysBetween(billing.SupportedFrom, billing.SupportedThrough) >= 2;

        private static Instant Midnight(LocalDate date) => date.AtMidnight().InUtc().ToInstant();

        public bool Equals(AccountTerms? other) =>
            other is not null
            && Id == other.Id
            && TimeZone.Equals(other.TimeZone)
            && Plans.SequenceEqual(other.Plans)
            && DefaultPlan.Equals(other.DefaultPlan)
            && Billing.Equals(other.Billing)
            && Proration == other.Proration
            && AddCharges == other.AddCharges
            && Equals(Contract, other.Contract)
            && InitialSeats.SequenceEqual(other.InitialSeats);

        public override int GetHashCode() => HashCode.Combine(Id, DefaultPlan, Billing);
    }
}
