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
        if (change.Version != Version + 1)
        {
            throw new ArgumentException(
                $"Event version {change.Version} does not follow account version {Version}.", nameof(change));
        }

        return change switch
        {
            SeatAdded added => ApplyAdded(added),
            AgentReplaced replaced => Reoccupy(replaced, replaced.NewAgent),
            AgentDeactivated deactivated => Reoccupy(deactivated, null),
            AgentUpdated updated => Reoccupy(updated, updated.After),
            SeatDeleted deleted => ApplyDeleted(deleted),
            _ => throw new ArgumentException($"Unknown event type {change.GetType().Name}.", nameof(change)),
        };
    }

    /// <summary>The account after every event in order; see <see cref="Apply(SeatEvent)"/>.</summary>
    /// <param name="changes">Events, oldest first.</param>
    /// <returns>The new account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">An event is out of order or does not fit.</exception>
    public Account Apply(IEnumerable<SeatEvent> changes)
    {
        Guard.Against.Null(changes);
        var account = this;
        foreach (var change in changes)
        {
            account = account.Apply(change);
        }

        return account;
    }

    private Account ApplyAdded(SeatAdded added)
    {
        if (HasEverHadSeat(added.Seat))
        {
            throw new ArgumentException($"Seat '{added.Seat}' already existed in this account.", nameof(added));
        }

        var seat = new Seat(added.Seat, SeatsEverCreated + 1, added.Assets, null, added.Agent.Role).Occupy(added.Agent);
        return Evolve(
            added,
            _seats.Add(seat.Id, seat),
            _seatByEmail.Add(added.Agent.Email, seat.Id),
            _deletedSeats,
            AdminDelta(null, added.Agent),
            SeatsEverCreated + 1);
    }

    private Account Reoccupy(SeatEvent change, Agent? occupant)
    {
        var seat = RequireSeat(change);
        var emails = _seatByEmail;
        if (seat.Occupant is { } previous)
        {
            emails = emails.Remove(previous.Email);
        }

        var next = occupant is null ? seat.Vacate() : seat.Occupy(occupant);
        if (occupant is not null)
        {
            emails = emails.Add(occupant.Email, seat.Id);
        }

        return Evolve(change, _seats.SetItem(seat.Id, next), emails, _deletedSeats, AdminDelta(seat.Occupant, occupant), SeatsEverCreated);
    }

    private Account ApplyDeleted(SeatDeleted deleted)
    {
        var seat = RequireSeat(deleted);
        var emails = seat.Occupant is { } occupant ? _seatByEmail.Remove(occupant.Email) : _seatByEmail;
        return Evolve(
            deleted,
            _seats.Remove(seat.Id),
            emails,
            _deletedSeats.Add(seat.Id),
            AdminDelta(seat.Occupant, null),
            SeatsEverCreated);
    }

    private Seat RequireSeat(SeatEvent change) =>
        FindSeat(change.Seat)
        ?? throw new ArgumentException($"Seat '{change.Seat}' does not exist in this account.", nameof(change));

    private static int AdminDelta(Agent? before, Agent? after) =>
        (after?.Role == Role.Admin ? 1 : 0) - (before?.Role == Role.Admin ? 1 : 0);

    private Account Evolve(
        SeatEvent change,
        ImmutableDictionary<SeatId, Seat> seats,
        ImmutableDictionary<string, SeatId> seatByEmail,
        ImmutableHashSet<SeatId> deletedSeats,
        int adminDelta,
        long seatsEverCreated)
    {
        var newAgent = change switch
        {
            SeatAdded added => added.Agent.Id.Value,
            AgentReplaced replaced => replaced.NewAgent.Id.Value,
            _ => 0,
        };
        return new Account(
            _terms,
            change.Version,
            seats,
            seatByEmail,
            deletedSeats,
            _accepted.SetItem(change.Command.Id, change),
            _history.Add(change),
            OccupiedAdminCount + adminDelta,
            seatsEverCreated,
            Math.Max(AgentsEverCreated, newAgent));
    }
}
