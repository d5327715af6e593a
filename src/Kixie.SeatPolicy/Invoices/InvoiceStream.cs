using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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

    /// <summary>An accepted add's charge and the day (an ISO day number) of the invoice that carries it.</summary>
    private readonly record struct AddCharge(int BilledOn, LocalDate AddedOn, Added Added)
    {
        public InvoiceLine ToLine() => InvoiceLine.ForAdd(Added.Seat, Added.Charge.Proration, AddedOn, Added.Command.Id);
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

            var initial = account.InitialSeats;
            var history = account.History;
            var addCount = 0;
            var anyDeletion = false;
            foreach (var change in history)
            {
                if (change is Added)
                {
                    addCount++;
                }
                else if (change is Deleted or DeletionScheduled)
                {
                    anyDeletion = true;
                }
            }

            var deletedOn = anyDeletion ? DeletionDays(account) : null;

            var seatCount = initial.Length + addCount;
            _initial = initial;
            _addedIds = new SeatId[addCount];
            _exists = new bool[seatCount];
            _order = new List<int>(seatCount);
            var changes = new List<SeatChange>(addCount + (deletedOn?.Count ?? 0));
            for (var ordinal = 0; ordinal < initial.Length; ordinal++)
            {
                var id = initial[ordinal].Seat;
                _exists[ordinal] = true;
                _order.Add(ordinal);
                if (deletedOn is not null && deletedOn.TryGetValue(id, out var deleted))
                {
                    changes.Add(new SeatChange(deleted, ordinal, Enters: false));
                }
            }

            _existing = initial.Length;
            var adds = new AddCharge[addCount];
            var addOrder = new long[addCount];
            var next = initial.Length;
            for (var version = 0; version < history.Count; version++)
            {
                if (history[version] is not Added added)
                {
                    continue;
                }

                var addedOnDate = account.LocalDateOf(added.At);
                var addedOn = DayOf(addedOnDate);
                _addedIds[next - initial.Length] = added.Seat;
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
                adds[next - initial.Length] = new AddCharge(billedOn, addedOnDate, added);
                addOrder[next - initial.Length] = ((long)billedOn << 32) | (uint)version;
                next++;
            }

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

        private Invoice Bill(BillingPeriod period, int day)
        {
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
            var term = InvoiceLine.SeatTermOf(_price, period);
            var kept = 0;
            var initialCount = _initial.Length;
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

            _order.RemoveRange(kept, _order.Count - kept);
            var total = _price.Times(_existing);
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
