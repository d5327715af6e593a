using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// What an account's history tells about people and seats over time: who left which seat, and each
/// seat's occupants from its creation to its deletion. Views of the account, computed from its initial
/// seats and history; the account never reads them back.
/// </summary>
public static class AccountHistory
{
    /// <summary>
    /// The people who left a seat (replaced, deactivated, or in a deleted seat), oldest first, with when,
    /// by whom and by which command. Computed from <see cref="Account.History"/>.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <returns>The former occupants.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    public static IEnumerable<FormerOccupant> FormerOccupants(this Account account)
    {
        Guard.Against.Null(account);
        return FormerOccupantsOf(account);
    }

    /// <summary>
    /// Every seat the account ever had, in the order they were created (initial seats, then adds), each
    /// with its occupants over time and its deletion: <see cref="Account.InitialSeats"/> and <see cref="Account.History"/>
    /// read seat by seat. O(seats + events).
    /// </summary>
    /// <param name="account">The account.</param>
    /// <returns>The timelines.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    public static ImmutableArray<SeatTimeline> SeatTimelines(this Account account)
    {
        Guard.Against.Null(account);
        return TimelinesOf(account);
    }

    /// <summary>
    /// What ends each seat the history ends, with the seat's last day: an immediate deletion (on its local
    /// date), or a scheduled deletion that no later cancel, schedule (of a deletion or a downgrade) or immediate deletion replaced or ended
    /// (on its last day, in effect or still pending). The one reading of §12's endings that the bills, the
    /// timelines and the former occupants share. Empty when nothing is ever deleted.
    /// </summary>
    internal static Dictionary<SeatId, (SeatEvent Ending, LocalDate LastDay)> SeatEndings(Account account)
    {
        var endings = new Dictionary<SeatId, (SeatEvent Ending, LocalDate LastDay)>();
        foreach (var change in account.History)
        {
            switch (change)
            {
                case Deleted:
                    endings[change.Seat] = (change, account.LocalDateOf(change.At));
                    break;
                case DeletionScheduled scheduled:
                    endings[change.Seat] = (change, scheduled.LastDay);
                    break;
                case ScheduleCancelled:
                    endings.Remove(change.Seat);
                    break;
                case DowngradeScheduled when endings.TryGetValue(change.Seat, out var ending) && ending.Ending is DeletionScheduled:
                    endings.Remove(change.Seat); // a downgrade replaces a pending deletion (one pending change per seat)
                    break;
            }
        }

        return endings;
    }

    private static List<FormerOccupant> FormerOccupantsOf(Account account)
    {
        // A scheduled deletion that has taken effect (its seat is gone from the account) leaves its last
        // occupant behind on its last day, by the command that scheduled it.
        var occupants = new Dictionary<SeatId, Agent?>();
        foreach (var initial in account.AtOpening().ListSeats())
        {
            occupants[initial.Id] = initial.Occupant;
        }

        var left = new List<FormerOccupant>();
        foreach (var change in account.History)
        {
            var former = change switch
            {
                Replaced replaced => replaced.PreviousAgent is { } previous ? (previous, OutcomeKind.Replaced) : default,
                Deactivated deactivated => (deactivated.FormerAgent, OutcomeKind.Deactivated),
                Deleted deleted => deleted.FormerAgent is { } agent ? (agent, OutcomeKind.Deleted) : default,
                _ => default((Agent? Agent, OutcomeKind How)),
            };
            if (former.Item1 is { } person)
            {
                left.Add(new FormerOccupant(person, change.Seat, former.Item2, change.At, change.By, change.Command.Id));
            }

            switch (change)
            {
                case Added added: occupants[added.Seat] = added.Agent; break;
                case Replaced replaced: occupants[replaced.Seat] = replaced.NewAgent; break;
                case Updated updated: occupants[updated.Seat] = updated.After; break;
                case Deactivated: occupants[change.Seat] = null; break;
            }
        }

        var tookEffect = new List<FormerOccupant>();
        foreach (var (seat, (ending, _)) in SeatEndings(account))
        {
            if (ending is DeletionScheduled deletion && account.FindSeat(seat) is null && occupants.GetValueOrDefault(seat) is { } person)
            {
                var at = deletion.LastDay.PlusDays(1).AtStartOfDayInZone(account.TimeZone).ToInstant();
                tookEffect.Add(new FormerOccupant(person, seat, OutcomeKind.Deleted, at, deletion.By, deletion.Command.Id));
            }
        }

        // History order, as before; a scheduled deletion's leaver goes before the first later leaver.
        var merged = new List<FormerOccupant>(left.Count + tookEffect.Count);
        var next = 0;
        tookEffect.Sort(static (a, b) => a.At.CompareTo(b.At));
        foreach (var person in left)
        {
            while (next < tookEffect.Count && tookEffect[next].At <= person.At)
            {
                merged.Add(tookEffect[next++]);
            }

            merged.Add(person);
        }

        merged.AddRange(tookEffect.Skip(next));
        return merged;
    }

    private static ImmutableArray<SeatTimeline> TimelinesOf(Account account)
    {
        var opening = account.AtOpening();
        var seats = new List<SeatId>();
        var spells = new Dictionary<SeatId, List<OccupancySpell>>();
        foreach (var initial in account.InitialSeats)
        {
            seats.Add(initial.Seat);
            spells[initial.Seat] = [new OccupancySpell(null, opening.FindSeat(initial.Seat)?.Occupant)];
        }

        foreach (var change in account.History)
        {
            var day = account.LocalDateOf(change.At);
            if (change is Added)
            {
                seats.Add(change.Seat);
                spells[change.Seat] = [];
            }

            switch (change)
            {
                case Added added: spells[change.Seat].Add(new(day, added.Agent)); break;
                case Replaced replaced: spells[change.Seat].Add(new(day, replaced.NewAgent)); break;
                case Updated updated: spells[change.Seat].Add(new(day, updated.After)); break;
                case Deactivated: spells[change.Seat].Add(new(day, null)); break;
            }
        }

        var endings = SeatEndings(account);
        return [.. seats.Select(seat => endings.TryGetValue(seat, out var end)
            ? new SeatTimeline(seat, [.. spells[seat]], end.Ending, end.LastDay)
            : new SeatTimeline(seat, [.. spells[seat]], null, null))];
    }
}

/// <summary>A person who left a seat, kept in the account's history.</summary>
/// <param name="Agent">The person as they were when they left.</param>
/// <param name="Seat">The seat they left.</param>
/// <param name="How">How they left: <see cref="OutcomeKind.Replaced"/>, <see cref="OutcomeKind.Deactivated"/> or <see cref="OutcomeKind.Deleted"/> (at once, or a scheduled deletion in effect).</param>
/// <param name="At">When: the command's instant, or for a scheduled deletion the start of the day after its last day.</param>
/// <param name="By">Who did it (for a scheduled deletion, who scheduled it).</param>
/// <param name="Command">The command that did it (for a scheduled deletion, the one that scheduled it).</param>
public sealed record FormerOccupant(Agent Agent, SeatId Seat, OutcomeKind How, Instant At, Actor By, CommandId Command);
