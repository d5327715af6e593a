using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

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
    public Account Apply(SeatEvent change)
    {
        Guard.Against.Null(change);
        var next = new Transition(this);
        next.Apply(change, nameof(change));
        return next.ToAccount();
    }

    /// <summary>
    /// The account after every event in order; see <see cref="Apply(SeatEvent)"/>. Intermediate
    /// states are never built, so replaying a long history costs little more than reading it.
    /// </summary>
    /// <param name="changes">Events, oldest first.</param>
    /// <returns>The new account; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> or one of its events is null.</exception>
    /// <exception cref="ArgumentException">An event is out of order or does not fit.</exception>
    public Account Apply(IEnumerable<SeatEvent> changes)
    {
        Guard.Against.Null(changes);
        var next = new Transition(this);
        foreach (var change in changes)
        {
            Guard.Against.Null(change, nameof(changes));
            next.Apply(change, nameof(changes));
        }

        return next.ToAccount();
    }

    /// <summary>
    /// The state being moved from one account value to the next: builders over the persistent
    /// collections, so a batch of events shares one copy-on-write pass and the source account is
    /// never touched.
    /// </summary>
    private sealed class Transition(Account source)
    {
        private readonly ImmutableDictionary<SeatId, Seat>.Builder _seats = source._seats.ToBuilder();
        private readonly ImmutableDictionary<string, SeatId>.Builder _seatByEmail = source._seatByEmail.ToBuilder();
        private ImmutableHashSet<SeatId>.Builder? _deletedSeats;
        private readonly ImmutableDictionary<CommandId, SeatEvent>.Builder _accepted = source._accepted.ToBuilder();
        private EventLog _history = source._history;
        private long _version = source.Version;
        private int _occupiedAdmins = source.OccupiedAdminCount;
        private long _seatsEverCreated = source.SeatsEverCreated;
        private long _agentsEverCreated = source.AgentsEverCreated;

        public void Apply(SeatEvent change, string parameterName)
        {
            if (change.Version != _version + 1)
            {
                throw new ArgumentException(
                    $"Event version {change.Version} does not follow account version {_version}.", parameterName);
            }

            switch (change)
            {
                case SeatAdded added:
                    AddSeat(added, parameterName);
                    break;
                case AgentReplaced replaced:
                    Reoccupy(replaced, replaced.NewAgent, parameterName);
                    break;
                case AgentDeactivated deactivated:
                    Reoccupy(deactivated, null, parameterName);
                    break;
                case AgentUpdated updated:
                    Reoccupy(updated, updated.After, parameterName);
                    break;
                case SeatDeleted deleted:
                    DeleteSeat(deleted, parameterName);
                    break;
                default:
                    throw new ArgumentException($"Unknown event type {change.GetType().Name}.", parameterName);
            }

            _accepted[change.Command.Id] = change;
            _history = _history.Append(change);
            _version = change.Version;
        }

        public Account ToAccount() => new(
            source._terms,
            _version,
            _seats.ToImmutable(),
            _seatByEmail.ToImmutable(),
            _deletedSeats?.ToImmutable() ?? source._deletedSeats,
            _accepted.ToImmutable(),
            _history,
            _occupiedAdmins,
            _seatsEverCreated,
            _agentsEverCreated);

        private void AddSeat(SeatAdded added, string parameterName)
        {
            if (_seats.ContainsKey(added.Seat) || (_deletedSeats ?? (ICollection<SeatId>)source._deletedSeats).Contains(added.Seat))
            {
                throw new ArgumentException($"Seat '{added.Seat}' already existed in this account.", parameterName);
            }

            _seatsEverCreated++;
            var seat = new Seat(added.Seat, _seatsEverCreated, added.Assets, added.Agent, added.Agent.Role);
            _seats.Add(seat.Id, seat);
            Arrive(added.Agent, seat.Id, parameterName);
        }

        private void Reoccupy(SeatEvent change, Agent? occupant, string parameterName)
        {
            var seat = RequireSeat(change, parameterName);
            _seats[seat.Id] = occupant is null ? seat.Vacate() : seat.Occupy(occupant);
            if (seat.Occupant is { } previous && occupant is not null && previous.HasEmail(occupant.Email))
            {
                // The same address stays in the seat (an edit of name or role): only the Admin count may move.
                _occupiedAdmins += AdminWeight(occupant) - AdminWeight(previous);
                _agentsEverCreated = Math.Max(_agentsEverCreated, occupant.Id.Value);
                return;
            }

            Leave(seat.Occupant);
            if (occupant is not null)
            {
                Arrive(occupant, seat.Id, parameterName);
            }
        }

        private void DeleteSeat(SeatDeleted deleted, string parameterName)
        {
            var seat = RequireSeat(deleted, parameterName);
            Leave(seat.Occupant);
            _seats.Remove(seat.Id);
            (_deletedSeats ??= source._deletedSeats.ToBuilder()).Add(seat.Id);
        }

        private void Arrive(Agent agent, SeatId seat, string parameterName)
        {
            if (!_seatByEmail.TryAdd(agent.Email, seat))
            {
                throw new ArgumentException($"Email '{agent.Email}' already belongs to a current occupant.", parameterName);
            }

            _occupiedAdmins += AdminWeight(agent);
            _agentsEverCreated = Math.Max(_agentsEverCreated, agent.Id.Value);
        }

        private void Leave(Agent? agent)
        {
            if (agent is not null)
            {
                _seatByEmail.Remove(agent.Email);
                _occupiedAdmins -= AdminWeight(agent);
            }
        }

        private static int AdminWeight(Agent agent) => agent.Role == Role.Admin ? 1 : 0;

        private Seat RequireSeat(SeatEvent change, string parameterName) =>
            _seats.TryGetValue(change.Seat, out var seat)
                ? seat
                : throw new ArgumentException($"Seat '{change.Seat}' does not exist in this account.", parameterName);
    }
}
