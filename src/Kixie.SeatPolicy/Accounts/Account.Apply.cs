using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using Ardalis.GuardClauses;
using NodaTime;

namespace Kixie.SeatPolicy;

public sealed partial class Account
{
    /// <summary>
    /// The account after <paramref name="change"/>: the only way to a new state. The event must be
    /// the next one (its version one more than this account's) and fit the account's seats.
    /// </summary>
    /// <param name="change">An event from a decision on this account (or from its stored history).</param>
    /// <returns>The new account; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="ArgumentException">The event is out of order or does not fit this account.</exception>
    /// <exception cref="ValueRefusedException">The event's instant is one the policy refuses (<see cref="CanBillAt"/>); <see cref="ValueRefusedException.Member"/> is <c>at</c>.</exception>
    public Account Apply(SeatEvent change)
    {
        Guard.Against.Null(change);
        var next = new Transition(this, batch: false);
        next.Apply(change, nameof(change));
        return next.ToAccount(nameof(change));
    }

    /// <summary>
    /// The account after every event in order: equal to applying them one at a time with
    /// <see cref="Apply(SeatEvent)"/>, and cheaper for many events (a replay of a stored history).
    /// </summary>
    /// <param name="changes">Events, oldest first.</param>
    /// <returns>The new account; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> or one of its events is null.</exception>
    /// <exception cref="ArgumentException">An event is out of order or does not fit.</exception>
    /// <exception cref="ValueRefusedException">An event's instant is one the policy refuses (<see cref="CanBillAt"/>); <see cref="ValueRefusedException.Member"/> is <c>at</c>.</exception>
    public Account Apply(IEnumerable<SeatEvent> changes)
    {
        Guard.Against.Null(changes);
        var next = new Transition(this, batch: true, expectedEvents: changes.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var change in changes)
        {
            Guard.Against.Null(change, nameof(changes));
            next.Apply(change, nameof(changes));
        }

        return next.ToAccount(nameof(changes));
    }

    /// <summary>
    /// The state being moved from one account value to the next. One event and a batch make the same
    /// changes to the same maps (the email index included), so they leave equal accounts; they differ
    /// only in how the maps are written. One event edits the persistent maps directly (one path copy
    /// per change); a batch edits builders that copy a node once and then change it in place, so a
    /// long replay builds no intermediate states. A batch on an account with no history yet (a replay
    /// from the opening) collects its events and builds the accepted-command map once at the end,
    /// sorted by hash, instead of walking a growing trie per event. The source account is never
    /// touched. A struct, so that applying one event allocates nothing for it.
    /// </summary>
    private struct Transition
    {
        private readonly Account _source;
        private readonly SeatMap.Builder? _seatEdits;
        private readonly EmailIndex.Builder? _emailEdits;
        private readonly HashSet<string>? _leftSinceDrop;
        private readonly CommandIndex.Builder? _acceptedEdits;
        private readonly List<SeatEvent>? _acceptedLater;
        private SeatMap _seats;
        private EmailIndex _seatByEmail;
        private CommandIndex _accepted;
        private ImmutableHashSet<SeatId> _deletedSeats;
        private PendingChanges _pending;
        private long _version;
        private int _occupiedSeats;
        private int _occupiedAdmins;
        private long _seatsEverCreated;
        private long _agentsEverCreated;

        public Transition(Account source, bool batch, int expectedEvents = 0)
        {
            _source = source;
            _seats = source._seats;
            _seatByEmail = source._seatByEmail;
            _accepted = source._accepted;
            _deletedSeats = source._deletedSeats;
            _pending = source._pending;
            _version = source.Version;
            _occupiedSeats = source.OccupiedSeatCount;
            _occupiedAdmins = source.OccupiedAdminCount;
            _seatsEverCreated = source.SeatsEverCreated;
            _agentsEverCreated = source.AgentsEverCreated;
            if (batch)
            {
                _seatEdits = _seats.ToBuilder();
                _emailEdits = _seatByEmail.ToBuilder();
                _leftSinceDrop = new HashSet<string>(_seatByEmail.KeyComparer);
                if (_accepted.Count == 0)
                {
                    _acceptedLater = new List<SeatEvent>(expectedEvents);
                }
                else
                {
                    _acceptedEdits = _accepted.ToBuilder();
                }
            }
        }

        public void Apply(SeatEvent change, string parameterName)
        {
            if (!_source.CanBillAt(change.At))
            {
                throw new ValueRefusedException(parameterName, "at", change.At, _source.OutsideBillingRange(change.At));
            }

            // A scheduled change in effect on this event's day has taken effect: first make it so.
            if (_pending.AnyDueAt(change.At))
            {
                Settle(_source.LocalDateOf(change.At), parameterName);
            }

            if (change.Version != _version + 1)
            {
                throw new ArgumentException(
                    $"Event version {change.Version} does not follow account version {_version}.", parameterName);
            }

            // The accepted commands are the history too, so a command id may be applied only once
            // (a batch that builds the map at the end checks its own events there). Recorded before
            // the seats change: if anything below throws, this whole transition is dropped.
            if (!Accept(change))
            {
                throw AlreadyApplied(change.Command.Id, parameterName);
            }

            switch (change)
            {
                case Added added:
                    AddSeat(added, parameterName);
                    break;
                case Replaced replaced:
                    Reoccupy(replaced, replaced.NewAgent, parameterName);
                    break;
                case Deactivated deactivated:
                    Reoccupy(deactivated, null, parameterName);
                    break;
                case Updated updated:
                    Reoccupy(updated, updated.After, parameterName);
                    break;
                case Deleted deleted:
                    DeleteSeat(RequireSeat(deleted, parameterName));
                    break;
                case DeletionScheduled:
                    _ = RequireSeat(change, parameterName);
                    _pending = _pending.With(change, _source.TimeZone);
                    break;
                case DowngradeScheduled downgrade:
                    _ = RequireSeat(change, parameterName);
                    RequirePlanChange(downgrade, parameterName);
                    if (downgrade.Effective <= _source.LocalDateOf(downgrade.At))
                    {
                        throw new ArgumentException($"The downgrade of seat '{downgrade.Seat}' takes effect on {Dates.Iso(downgrade.Effective)}, not after its own day.", parameterName);
                    }

                    _pending = _pending.With(change, _source.TimeZone);
                    break;
                case PlanUpgraded upgraded:
                    RequirePlanChange(upgraded, parameterName);
                    MovePlan(upgraded, upgraded.To, parameterName);
                    break;
                case PlanChanged changed:
                    RequirePlanChange(changed, parameterName);
                    MovePlan(changed, changed.To, parameterName);
                    break;
                case ScheduleCancelled cancelled:
                    _ = RequireSeat(cancelled, parameterName);
                    if (_pending.Of(cancelled.Seat) is null)
                    {
                        throw new ArgumentException($"Seat '{cancelled.Seat}' has no pending change to cancel.", parameterName);
                    }

                    _pending = _pending.Without(cancelled.Seat);
                    break;
                default:
                    throw new ArgumentException($"Unknown event type {change.GetType().Name}.", parameterName);
            }

            _version = change.Version;
            DropLeftEmailsIfMany();
        }

        /// <summary>
        /// Every scheduled change in effect on <paramref name="date"/> takes effect, earliest first: a deletion
        /// deletes the seat as an immediate deletion on its last day would have, a downgrade moves the seat to
        /// its new plan. No version, no event: the scheduling event is the history's record of it.
        /// </summary>
        public void Settle(LocalDate date, string parameterName)
        {
            foreach (var due in _pending.DueBy(date))
            {
                var seat = RequireSeat(due, parameterName);
                if (due is DowngradeScheduled downgrade)
                {
                    _pending = _pending.Without(seat.Id);
                    SetSeat(seat.OnPlan(downgrade.To));
                }
                else
                {
                    DeleteSeat(seat);
                }
            }

            DropLeftEmailsIfMany();
        }

        /// <summary>A plan event comes from a <see cref="ChangePlan"/> to one of the account's plans.</summary>
        private readonly void RequirePlanChange(SeatEvent change, string parameterName)
        {
            if (change.Command is not ChangePlan { Plan: { } plan } || _source.FindPlan(plan) is null)
            {
                throw new ArgumentException($"The {change.Kind} of seat '{change.Seat}' is not from a ChangePlan to one of the account's plans.", parameterName);
            }
        }

        /// <summary>A seat moves to another plan at once; a pending downgrade of it ends (a pending deletion stays).</summary>
        private void MovePlan(SeatEvent change, string plan, string parameterName)
        {
            var seat = RequireSeat(change, parameterName);
            if (_pending.Of(seat.Id) is DowngradeScheduled)
            {
                _pending = _pending.Without(seat.Id);
            }

            SetSeat(seat.OnPlan(plan));
        }

        public Account ToAccount(string parameterName) => new(
            _source._terms,
            _seatEdits?.ToImmutable() ?? _seats,
            _emailEdits?.ToImmutable() ?? _seatByEmail,
            _deletedSeats,
            _pending,
            AcceptedCommands(parameterName),
            _occupiedSeats,
            _occupiedAdmins,
            _seatsEverCreated,
            _agentsEverCreated);

        private CommandIndex AcceptedCommands(string parameterName)
        {
            if (_acceptedLater is null)
            {
                return _acceptedEdits?.ToImmutable() ?? _accepted;
            }

            return CommandIndex.TryCreateDistinct(CollectionsMarshal.AsSpan(_acceptedLater), comparer: null, out var accepted, out var twice)
                ? accepted
                : throw AlreadyApplied(twice, parameterName);
        }

        private static ArgumentException AlreadyApplied(CommandId id, string parameterName) =>
            new($"Command '{id}' was already applied to this account.", parameterName);

        /// <summary>Records an event under its command id; false when the id is already there (one walk of the index).</summary>
        private bool Accept(SeatEvent change)
        {
            if (_acceptedLater is not null)
            {
                _acceptedLater.Add(change);
                return true;
            }

            if (_acceptedEdits is not null)
            {
                return _acceptedEdits.TryAdd(change);
            }

            var added = _accepted.TryAdd(change, out var accepted);
            _accepted = accepted;
            return added;
        }

        private void AddSeat(Added added, string parameterName)
        {
            if (TryGetSeat(added.Seat, out _) || _deletedSeats.Contains(added.Seat))
            {
                throw new ArgumentException($"Seat '{added.Seat}' already existed in this account.", parameterName);
            }

            if (_source.FindPlan(added.Plan) is null)
            {
                throw new ArgumentException($"Seat '{added.Seat}' was added on '{added.Plan}', which is not one of the account's plans.", parameterName);
            }

            _seatsEverCreated++;
            var seat = new Seat(added.Seat, _seatsEverCreated, added.Assets, added.Agent, added.Agent.Role, added.Plan);
            Arrive(added.Agent, seat, parameterName);
            SetSeat(seat);
        }

        private void Reoccupy(SeatEvent change, Agent? occupant, string parameterName)
        {
            var seat = RequireSeat(change, parameterName);
            // An edit that keeps the address keeps its index entry: no second path copy for a rename.
            var keepsEmail = occupant is not null && seat.Occupant?.HasEmail(occupant.Email) == true;
            if (seat.Occupant is { } previous)
            {
                Leave(previous, keepsEmail);
            }

            var after = occupant is null ? seat.Vacate() : seat.Occupy(occupant);
            if (occupant is not null)
            {
                Arrive(occupant, after, parameterName, indexEmail: !keepsEmail);
            }

            SetSeat(after);
        }

        /// <summary>A seat is deleted (at once, or as its scheduled deletion takes effect); a pending change of it ends.</summary>
        private void DeleteSeat(Seat seat)
        {
            _pending = _pending.Without(seat.Id);
            if (seat.Occupant is { } previous)
            {
                Leave(previous, keepsEmail: false);
            }

            if (_seatEdits is not null)
            {
                _seatEdits.Remove(seat.Id);
            }
            else
            {
                _seats = _seats.Remove(seat.Id);
            }

            _deletedSeats = _deletedSeats.Add(seat.Id);
        }

        /// <summary>A person arrives in a seat (<paramref name="seat"/> is the seat with them in it).</summary>
        private void Arrive(Agent agent, Seat seat, string parameterName, bool indexEmail = true)
        {
            if (indexEmail)
            {
                if (FindOccupiedSeat(agent.Email, out var leftBehind) is { } holder)
                {
                    throw new ArgumentException(
                        $"Email '{agent.Email}' already belongs to the occupant of seat '{holder}'.", parameterName);
                }

                if (_emailEdits is not null)
                {
                    _emailEdits.SetItem(seat);
                    if (leftBehind)
                    {
                        _leftSinceDrop!.Remove(agent.Email); // the entry they left behind is theirs again
                    }
                }
                else
                {
                    _seatByEmail = _seatByEmail.SetItem(seat);
                }
            }

            _occupiedSeats++;
            _occupiedAdmins += AdminWeight(agent);
            _agentsEverCreated = Math.Max(_agentsEverCreated, agent.Id.Value);
        }

        /// <summary>
        /// A person leaves a seat. Their email entry stays in the index and is no longer believed
        /// (<see cref="FindOccupiedSeat"/>) until <see cref="DropLeftEmailsIfMany"/> drops it; a batch
        /// notes it, so that it drops the entries it knows of without walking the index.
        /// </summary>
        private void Leave(Agent agent, bool keepsEmail)
        {
            _occupiedSeats--;
            _occupiedAdmins -= AdminWeight(agent);
            if (!keepsEmail)
            {
                _leftSinceDrop?.Add(agent.Email);
            }
        }

        /// <summary>
        /// Drops every entry of people who left once they outnumber the current occupants (and
        /// <see cref="LeftEmailsKept"/>). The rule reads only the index and the occupied count after
        /// each event, so one event at a time and a batch drop the same entries at the same event and
        /// leave the same index; the index stays within about twice the occupants.
        /// </summary>
        private void DropLeftEmailsIfMany()
        {
            var entries = _emailEdits?.Count ?? _seatByEmail.Count;
            var left = entries - _occupiedSeats; // every occupant has exactly one entry, leading to their seat
            if (left <= Math.Max(_occupiedSeats, LeftEmailsKept))
            {
                return;
            }

            // A batch's set holds only entries left behind (a returning leaver is taken off it), so when it
            // holds as many as there are, it holds them all: the entries left before the batch began, or
            // before its first drop, are dropped by a walk of the index.
            if (_leftSinceDrop is { } noted && noted.Count == left)
            {
                foreach (var email in noted)
                {
                    _emailEdits!.Remove(email);
                }

                noted.Clear();
                return;
            }

            var leavers = new List<string>(left);
            var entriesNow = _emailEdits?.GetEnumerator() ?? _seatByEmail.GetEnumerator(); // a builder's own, so it stays in place
            while (entriesNow.MoveNext())
            {
                if (!IsHeld(entriesNow.Current))
                {
                    leavers.Add(OccupantEmailKey.KeyOf(entriesNow.Current));
                }
            }

            var edits = _emailEdits ?? _seatByEmail.ToBuilder();
            foreach (var email in leavers)
            {
                edits.Remove(email);
            }

            if (_emailEdits is null)
            {
                _seatByEmail = edits.ToImmutable();
            }

            _leftSinceDrop?.Clear();
        }

        /// <summary>
        /// The seat a current occupant with this email sits in, as <see cref="FindSeatOf"/> reads it; or null,
        /// and whether the index holds an entry someone with this email left behind.
        /// </summary>
        private readonly SeatId? FindOccupiedSeat(string email, out bool leftBehind)
        {
            var found = _emailEdits is not null
                ? _emailEdits.TryGetValue(email, out var indexed)
                : _seatByEmail.TryGetValue(email, out indexed);
            leftBehind = found && !IsHeld(indexed!);
            return found && !leftBehind ? indexed!.Id : null;
        }

        /// <summary>Whether an index entry is live: its seat's current occupant still has the entry's email.</summary>
        private readonly bool IsHeld(Seat indexed) =>
            TryGetSeat(indexed.Id, out var seat) && seat.Occupant?.HasEmail(OccupantEmailKey.KeyOf(indexed)) == true;

        private readonly bool TryGetSeat(SeatId id, out Seat seat) =>
            _seatEdits is not null ? _seatEdits.TryGetValue(id, out seat!) : _seats.TryGetValue(id, out seat!);

        private void SetSeat(Seat seat)
        {
            if (_seatEdits is not null)
            {
                _seatEdits.SetItem(seat);
            }
            else
            {
                _seats = _seats.SetItem(seat);
            }
        }

        /// <summary>How many entries of people who left a small account's index keeps before dropping them.</summary>
        private const int LeftEmailsKept = 8;

        private static int AdminWeight(Agent agent) => agent.Role == Role.Admin ? 1 : 0;

        private Seat RequireSeat(SeatEvent change, string parameterName) =>
            TryGetSeat(change.Seat, out var seat)
                ? seat
                : throw new ArgumentException($"Seat '{change.Seat}' does not exist in this account.", parameterName);
    }
}
