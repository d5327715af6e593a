using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// An account's invoices (rulebook §10), read from its initial seats, terms and history alone (never
/// from outcomes: a replayed command produced no event, so it is billed once by construction).
/// </summary>
/// <remarks>
/// <para>The walk merges two sorted streams: the bill dates from the first one on or after the range's
/// start, and the history's seat changes and adds sorted by local date. The seats that exist are kept
/// as a set, changed one event at a time, so a bill costs its lines and the whole range costs
/// O(lines + events × log events), never lines × events. Nothing is built before the first invoice is
/// asked for, and only one bill's lines at a time after that: a range of centuries streams.</para>
/// <para>Out-of-order instants follow the rule as written: a seat is on the bill of <c>D</c> when it was
/// created on a local date before <c>D</c> (initial seats always) and not deleted on a local date
/// before <c>D</c>, whatever the order of the events.</para>
/// </remarks>
internal static class InvoiceStream
{
    /// <summary>The invoices dated in <c>[from, through]</c>, in §10's order; only bills when <paramref name="billsOnly"/>.</summary>
    public static IEnumerable<Invoice> Between(Account account, LocalDate from, LocalDate through, bool billsOnly)
    {
        var walk = new Walk(account, from, through, billsOnly);
        while (walk.Next() is { } invoice)
        {
            yield return invoice;
        }
    }

    /// <summary>
    /// The summary of the first bill after <paramref name="asOf"/>, equal to <see cref="NextBill.FromInvoice"/>
    /// of that bill, counted from the history without building its lines; null when that bill date, or the
    /// end of its period, falls outside the years NodaTime supports.
    /// </summary>
    public static NextBill? NextBillAfter(Account account, LocalDate asOf)
    {
        var calendar = account.Billing;
        BillingPeriod current;
        try
        {
            current = calendar.PeriodContaining(asOf);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }

        if (!calendar.BillsAtTheEndOf(current))
        {
            return null; // the period the next bill is for ends past the years NodaTime supports
        }

        if (account.HasPlanPricing)
        {
            // Seats on several plans or prices that change: the bill itself, summed.
            var bill = Between(account, current.End, current.End, billsOnly: true).First();
            return NextBill.FromInvoice(bill, account.BillPrice(account.DefaultPlan, current.End));
        }

        if (account.Version == 0)
        {
            var opened = account.InitialSeats.Length;
            return new NextBill(current.End, opened, account.SeatPrice, account.SeatPrice.Times(opened));
        }

        return CountNextBill(account, current);
    }

    /// <summary><see cref="NextBillAfter"/> for an account with a history: one pass over its events.</summary>
    private static NextBill CountNextBill(Account account, BillingPeriod current)
    {
        // As the walk counts: a seat is on the bill of D when it was created on a local date before D and not
        // deleted on one; an add's line is on it, under OnNextBill, when the add's date is in [previous bill, D).
        var (previousDay, billDay) = (DayOf(current.Start), DayOf(current.End));
        var onNextBill = account.AddCharges == AddChargeBilling.OnNextBill;
        var seats = account.InitialSeats.Length;
        var addCharges = Money.Zero(account.Currency);
        HashSet<SeatId>? createdOnOrAfter = null;
        var anyDeletion = false;
        foreach (var change in account.History)
        {
            if (change is Added added)
            {
                var addedOn = DayOf(account.LocalDateOf(added.At));
                if (addedOn < billDay)
                {
                    seats++;
                    if (onNextBill && addedOn >= previousDay)
                    {
                        addCharges += added.Charge.Amount;
                    }
                }
                else
                {
                    (createdOnOrAfter ??= []).Add(added.Seat);
                }
            }
            else if (change is Deleted or DeletionScheduled)
            {
                anyDeletion = true;
            }
        }

        if (anyDeletion && DeletionDays(account) is { } deletions)
        {
            foreach (var (seat, deletedOn) in deletions)
            {
                if (deletedOn < billDay && createdOnOrAfter?.Contains(seat) != true)
                {
                    seats--; // a seat created after its deletion's date was never billed: counted once, taken away here
                }
            }
        }

        return new NextBill(current.End, seats, account.SeatPrice, account.SeatPrice.Times(seats) + addCharges);
    }

    /// <summary>
    /// The day (an ISO day number) each deleted seat is deleted on, for the bills: an immediate deletion's
    /// local date, or a scheduled deletion's last day (rulebook §12: a deletion on its last day) unless a
    /// later change in the history cancelled, replaced or ended it. A seat is on the bill of <c>D</c> only
    /// when its deletion day is not before <c>D</c>. Null when nothing was ever deleted.
    /// </summary>
    private static Dictionary<SeatId, int>? DeletionDays(Account account)
    {
        Dictionary<SeatId, int>? deletedOn = null;
        foreach (var (seat, (_, lastDay)) in AccountHistory.SeatEndings(account))
        {
            (deletedOn ??= [])[seat] = DayOf(lastDay);
        }

        return deletedOn;
    }

    /// <summary>A change to the set of seats that exist: a seat enters it (is created) or leaves it (is deleted) after day <see cref="Day"/> (an ISO day number).</summary>
    private readonly record struct SeatChange(int Day, int Ordinal, bool Enters);

    /// <summary>An accepted add's or upgrade's charge and the day (an ISO day number) of the invoice that carries it.</summary>
    private readonly record struct AddCharge(int BilledOn, LocalDate AddedOn, SeatEvent Charged)
    {
        public InvoiceLine ToLine() => Charged switch
        {
            Added added => InvoiceLine.ForAdd(added.Seat, added.Charge.Proration, AddedOn, added.Command.Id, added.Plan),
            PlanUpgraded upgraded => InvoiceLine.ForUpgrade(upgraded.Seat, upgraded.Charge.Proration, AddedOn, upgraded.Command.Id, upgraded.To),
            _ => throw new InvalidOperationException($"{Charged.GetType().Name} charges nothing."),
        };
    }

    /// <summary>A seat's move to another plan for the bills dated after day <see cref="Day"/> (an ISO day number).</summary>
    private readonly record struct PlanMove(int Day, int Ordinal, int Plan);

    /// <summary>
    /// The moves of seats between plans (rulebook §13), as the bills see them: an upgrade or a same-price change
    /// for the bills after its local date, a downgrade for the bills from its bill date on, unless a cancel, a
    /// second schedule, a move at once or a deletion ended it before then. Read in history order, settling each
    /// downgrade whose bill date an event reaches before that event, as the account does when it applies it. A
    /// move dated before an event earlier in the history (a resent command keeps its first instant) counts from
    /// the latest date the history had reached, so that the bills agree with the account's own plan for the seat:
    /// the later move in the history wins, as it does in the account.
    /// </summary>
    private static List<(int Day, SeatId Seat, string Plan)> PlanMoves(Account account)
    {
        var moves = new List<(int Day, SeatId Seat, string Plan)>();
        var pending = new Dictionary<SeatId, DowngradeScheduled>();
        void Settle(LocalDate? upTo)
        {
            foreach (var (seat, downgrade) in pending.ToArray())
            {
                if (upTo is null || downgrade.Effective <= upTo)
                {
                    moves.Add((DayOf(downgrade.Effective) - 1, seat, downgrade.To));
                    pending.Remove(seat);
                }
            }
        }

        LocalDate? reached = null;
        foreach (var change in account.History)
        {
            var own = account.LocalDateOf(change.At);
            var date = reached is { } latest && latest > own ? latest : own;
            reached = date;
            if (pending.Count > 0)
            {
                Settle(date);
            }

            switch (change)
            {
                case PlanUpgraded upgraded:
                    pending.Remove(change.Seat);
                    moves.Add((DayOf(date), change.Seat, upgraded.To));
                    break;
                case PlanChanged changed:
                    pending.Remove(change.Seat);
                    moves.Add((DayOf(date), change.Seat, changed.To));
                    break;
                case DowngradeScheduled downgrade:
                    pending[change.Seat] = downgrade;
                    break;
                case ScheduleCancelled or DeletionScheduled or Deleted:
                    pending.Remove(change.Seat);
                    break;
            }
        }

        Settle(null);
        return moves;
    }

    /// <summary>The ISO day number (days since 1970-01-01) of a date in any calendar: dates are compared as integers.</summary>
    private static int DayOf(LocalDate date) => IsoDays.DayNumber(IsoDays.IsIso(date) ? date : date.WithCalendar(CalendarSystem.Iso));

    /// <summary>The walk's state: where it is among the bill dates, the seat changes and the adds, and the seats that exist.</summary>
    private sealed class Walk
    {
        private readonly int _through;
        private readonly bool _billsOnly;
        private readonly bool _onNextBill;
        private readonly BillingCalendar _calendar;
        private readonly Money _price;
        private readonly Currency _currency;

        // Plans (rulebook §13): each seat ordinal's plan (an index into the account's plans), the moves between
        // plans in day order, and whether bills price seats by plan and day (more than one plan, or a price change).
        private readonly Account _account;
        private readonly ImmutableArray<Plan> _plans;
        private readonly int[] _planOf;
        private readonly PlanMove[] _moves;
        private int _nextMove;
        private readonly bool _byPlan;

        // Seat ordinals in creation order: initial seats 0..n-1 as given, then adds in history order.
        private readonly ImmutableArray<InitialSeat> _initial;
        private readonly SeatId[] _addedIds;
        private readonly SeatChange[] _changes;
        private readonly AddCharge[] _adds; // by the day billed, then in history order
        private int _nextChange;
        private int _nextAdd;

        // The seats that exist: a flag per ordinal, their ordinals in order (dead ones are dropped the
        // next time a bill reads the list), and ordinals that entered out of order, merged in at the next bill.
        private readonly bool[] _exists;
        private List<int> _order;
        private readonly List<int> _enteredOutOfOrder = [];
        private int _existing;

        private bool _hasBill;
        private long _billIndex;
        private LocalDate _billDate;

        public Walk(Account account, LocalDate from, LocalDate through, bool billsOnly)
        {
            _through = DayOf(through);
            _billsOnly = billsOnly;
            _onNextBill = account.AddCharges == AddChargeBilling.OnNextBill;
            _calendar = account.Billing;
            _price = account.SeatPrice;
            _currency = account.Currency;
            _account = account;
            _plans = account.Plans;
            _byPlan = account.HasPlanPricing;

            var initial = account.InitialSeats;
            var history = account.History;
            var addCount = 0;
            var chargeCount = 0;
            var anyDeletion = false;
            var anyPlanChange = false;
            foreach (var change in history)
            {
                if (change is Added)
                {
                    addCount++;
                    chargeCount++;
                }
                else if (change is Deleted or DeletionScheduled)
                {
                    anyDeletion = true;
                }
                else if (change is PlanUpgraded)
                {
                    chargeCount++;
                    anyPlanChange = true;
                }
                else if (change is PlanChanged or DowngradeScheduled)
                {
                    anyPlanChange = true;
                }
            }

            var deletedOn = anyDeletion ? DeletionDays(account) : null;

            var seatCount = initial.Length + addCount;
            _initial = initial;
            _addedIds = new SeatId[addCount];
            _exists = new bool[seatCount];
            _planOf = new int[seatCount];
            _order = new List<int>(seatCount);
            var changes = new List<SeatChange>(addCount + (deletedOn?.Count ?? 0));
            for (var ordinal = 0; ordinal < initial.Length; ordinal++)
            {
                var id = initial[ordinal].Seat;
                _exists[ordinal] = true;
                _planOf[ordinal] = PlanIndex(initial[ordinal].Plan);
                _order.Add(ordinal);
                if (deletedOn is not null && deletedOn.TryGetValue(id, out var deleted))
                {
                    changes.Add(new SeatChange(deleted, ordinal, Enters: false));
                }
            }

            _existing = initial.Length;
            var adds = new AddCharge[chargeCount];
            var addOrder = new long[chargeCount];
            var next = initial.Length;
            var charges = 0;
            for (var version = 0; version < history.Count; version++)
            {
                if (history[version] is PlanUpgraded upgraded)
                {
                    var upgradedOn = account.LocalDateOf(upgraded.At);
                    var upgradeBilledOn = _onNextBill ? NextBillDayAfter(upgradedOn) : DayOf(upgradedOn);
                    adds[charges] = new AddCharge(upgradeBilledOn, upgradedOn, upgraded);
                    addOrder[charges++] = ((long)upgradeBilledOn << 32) | (uint)version;
                    continue;
                }

                if (history[version] is not Added added)
                {
                    continue;
                }

                var addedOnDate = account.LocalDateOf(added.At);
                var addedOn = DayOf(addedOnDate);
                _addedIds[next - initial.Length] = added.Seat;
                _planOf[next] = PlanIndex(added.Plan);
                if (deletedOn is not null && deletedOn.TryGetValue(added.Seat, out var deleted))
                {
                    // On the bill of D when addedOn < D and not deleted < D: for no D when deleted <= addedOn.
                    if (addedOn < deleted)
                    {
                        changes.Add(new SeatChange(addedOn, next, Enters: true));
                        changes.Add(new SeatChange(deleted, next, Enters: false));
                    }
                }
                else
                {
                    changes.Add(new SeatChange(addedOn, next, Enters: true));
                }

                var billedOn = _onNextBill ? NextBillDayAfter(addedOnDate) : addedOn;
                adds[charges] = new AddCharge(billedOn, addedOnDate, added);
                addOrder[charges++] = ((long)billedOn << 32) | (uint)version;
                next++;
            }

            _moves = anyPlanChange ? OrderedMoves(account) : [];

            // History order is date order unless instants went backwards: sort only then. A seat enters and
            // leaves on different dates, so equal dates may come in any order.
            _changes = [.. changes];
            var changeDays = new int[_changes.Length];
            for (var i = 0; i < changeDays.Length; i++)
            {
                changeDays[i] = _changes[i].Day;
            }

            if (!IsSorted(changeDays))
            {
                Array.Sort(changeDays, _changes);
            }

            _adds = adds;
            if (!IsSorted(addOrder))
            {
                Array.Sort(addOrder, _adds);
            }

            var fromDay = DayOf(from);
            while (_nextAdd < _adds.Length && _adds[_nextAdd].BilledOn < fromDay)
            {
                _nextAdd++;
            }

            _hasBill = TryFirstBillOnOrAfter(from, out _billIndex, out _billDate);
        }

        /// <summary>The next invoice in order, or null when the range is done.</summary>
        public Invoice? Next()
        {
            var addDue = !_onNextBill && !_billsOnly && _nextAdd < _adds.Length && _adds[_nextAdd].BilledOn <= _through;
            var billDay = _hasBill ? DayOf(_billDate) : int.MaxValue;
            if (_hasBill && billDay <= _through && (!addDue || billDay <= _adds[_nextAdd].BilledOn))
            {
                if (_calendar.TryBillDate(_billIndex + 1, out var end))
                {
                    var bill = Bill(new BillingPeriod(_billIndex, _billDate, end), billDay);
                    _billIndex++;
                    _billDate = end;
                    return bill;
                }

                _hasBill = false; // the period after this bill date ends past the years NodaTime supports
            }

            if (addDue)
            {
                var add = _adds[_nextAdd++];
                var line = add.ToLine();
                return new Invoice(add.AddedOn, InvoiceKind.Add, _currency, [line], line.Amount);
            }

            return null;
        }

        /// <summary>The index of a plan among the account's; the default plan's for null.</summary>
        private int PlanIndex(string? name)
        {
            name ??= _account.DefaultPlan.Name;
            for (var i = 0; i < _plans.Length; i++)
            {
                if (string.Equals(_plans[i].Name, name, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            throw new InvalidOperationException($"The plan '{name}' is not one of the account's.");
        }

        /// <summary>The plan moves by seat ordinal and plan index, in day order (history order on one day).</summary>
        private PlanMove[] OrderedMoves(Account account)
        {
            var ordinalOf = new Dictionary<SeatId, int>(_exists.Length);
            for (var ordinal = 0; ordinal < _initial.Length; ordinal++)
            {
                ordinalOf[_initial[ordinal].Seat] = ordinal;
            }

            for (var i = 0; i < _addedIds.Length; i++)
            {
                ordinalOf[_addedIds[i]] = _initial.Length + i;
            }

            // Stable: two moves of one seat on one day keep their history order, so the later one wins.
            return [.. PlanMoves(account)
                .Select(move => new PlanMove(move.Day, ordinalOf[move.Seat], PlanIndex(move.Plan)))
                .OrderBy(move => move.Day)];
        }

        private Invoice Bill(BillingPeriod period, int day)
        {
            while (_nextMove < _moves.Length && _moves[_nextMove].Day < day)
            {
                var move = _moves[_nextMove++];
                _planOf[move.Ordinal] = move.Plan;
            }

            while (_nextChange < _changes.Length && _changes[_nextChange].Day < day)
            {
                var change = _changes[_nextChange++];
                if (change.Enters)
                {
                    Enter(change.Ordinal);
                }
                else
                {
                    _exists[change.Ordinal] = false;
                    _existing--;
                }
            }

            if (_enteredOutOfOrder.Count > 0)
            {
                MergeEnteredOutOfOrder();
            }

            // Adds before this bill date belong to earlier bills (before the range); this bill's are next.
            while (_nextAdd < _adds.Length && _adds[_nextAdd].BilledOn < day)
            {
                _nextAdd++;
            }

            var collected = 0;
            while (_onNextBill && _nextAdd + collected < _adds.Length && _adds[_nextAdd + collected].BilledOn == day)
            {
                collected++;
            }

            var lines = new InvoiceLine[_existing + collected];
            var kept = 0;
            var initialCount = _initial.Length;
            Money total;
            if (!_byPlan)
            {
                var term = InvoiceLine.SeatTermOf(_price, period, _plans[0].Name);
                for (var i = 0; i < _order.Count; i++)
                {
                    var ordinal = _order[i];
                    if (_exists[ordinal])
                    {
                        var seat = ordinal < initialCount ? _initial[ordinal].Seat : _addedIds[ordinal - initialCount];
                        lines[kept] = InvoiceLine.ForSeat(seat, term);
                        _order[kept++] = ordinal;
                    }
                }

                total = _price.Times(_existing);
            }
            else
            {
                // Each plan's price on this bill date (a contract term's price inside a term), one shared term per plan.
                var terms = new object[_plans.Length];
                var prices = new Money[_plans.Length];
                for (var plan = 0; plan < _plans.Length; plan++)
                {
                    prices[plan] = _account.BillPrice(_plans[plan], period.Start);
                    terms[plan] = InvoiceLine.SeatTermOf(prices[plan], period, _plans[plan].Name);
                }

                total = Money.Zero(_currency);
                for (var i = 0; i < _order.Count; i++)
                {
                    var ordinal = _order[i];
                    if (_exists[ordinal])
                    {
                        var seat = ordinal < initialCount ? _initial[ordinal].Seat : _addedIds[ordinal - initialCount];
                        var plan = _planOf[ordinal];
                        lines[kept] = InvoiceLine.ForSeat(seat, terms[plan]);
                        total += prices[plan];
                        _order[kept++] = ordinal;
                    }
                }
            }

            _order.RemoveRange(kept, _order.Count - kept);
            for (var i = 0; i < collected; i++)
            {
                var line = _adds[_nextAdd++].ToLine();
                lines[kept + i] = line;
                total += line.Amount;
            }

            return new Invoice(period.Start, InvoiceKind.Bill, _currency, ImmutableCollectionsMarshal.AsImmutableArray(lines), total);
        }

        private void Enter(int ordinal)
        {
            _exists[ordinal] = true;
            _existing++;
            if (_order.Count == 0 || ordinal > _order[^1])
            {
                _order.Add(ordinal);
            }
            else
            {
                _enteredOutOfOrder.Add(ordinal);
            }
        }

        /// <summary>Merges the ordinals that entered out of order into the ordered list (dropping seats that no longer exist).</summary>
        private void MergeEnteredOutOfOrder()
        {
            _enteredOutOfOrder.Sort();
            var merged = new List<int>(_order.Count + _enteredOutOfOrder.Count);
            int i = 0, j = 0;
            while (i < _order.Count || j < _enteredOutOfOrder.Count)
            {
                var ordinal = j == _enteredOutOfOrder.Count || (i < _order.Count && _order[i] < _enteredOutOfOrder[j])
                    ? _order[i++]
                    : _enteredOutOfOrder[j++];
                if (_exists[ordinal])
                {
                    merged.Add(ordinal);
                }
            }

            _order = merged;
            _enteredOutOfOrder.Clear();
        }

        /// <summary>The first bill date on or after <paramref name="from"/> and its index; false when there is none NodaTime can represent.</summary>
        private bool TryFirstBillOnOrAfter(LocalDate from, out long index, out LocalDate date)
        {
            // Bill date k falls in the month anchor + k×cycle: the one in (or before) from's month is k0,
            // and the first on or after from is k0 or k0 + 1 (k0 + 2 only when k0 is before NodaTime's years).
            var k0 = Dates.FloorDiv(Dates.MonthsBetween(_calendar.Anchor, from), (long)_calendar.Cycle);
            for (index = k0; index <= k0 + 2; index++)
            {
                if (_calendar.TryBillDate(index, out date) && DayOf(date) >= DayOf(from))
                {
                    return true;
                }
            }

            date = default;
            return false;
        }

        private int NextBillDayAfter(LocalDate date)
        {
            try
            {
                return DayOf(_calendar.NextBillDateAfter(date));
            }
            catch (ArgumentOutOfRangeException)
            {
                return int.MaxValue; // no bill NodaTime can represent collects it
            }
        }

        private static bool IsSorted<T>(T[] items)
            where T : IComparable<T>
        {
            for (var i = 1; i < items.Length; i++)
            {
                if (items[i - 1].CompareTo(items[i]) > 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
