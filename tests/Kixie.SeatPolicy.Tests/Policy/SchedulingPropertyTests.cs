using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// The laws of rulebook §12 over generated histories with scheduled deletions and cancels mixed in
/// (<see cref="EngineGenerators.StepWithScheduling"/>; the edge-weighted starts of the engine's generator
/// included).
/// </summary>
public sealed class SchedulingPropertyTests
{
    [SeatPolicyProperty]
    public Property Scheduling_then_cancelling_changes_no_invoice(SchedulingScenario scenario)
    {
        var (account, _, last) = scenario.Play();
        var at = TimeEdgeGenerators.Plus(last, 3_600);
        if (!account.CanBillAt(at))
        {
            return true.Classify(true, "at the end of time");
        }

        var policy = scenario.Scenario.Policy;
        var (from, through) = Range(account, account.LocalDateOf(at));
        var scheduledAny = false;
        // Seats without a pending change: on one with a pending deletion, the schedule replaces it and the
        // cancel then cancels the replacement, so the first deletion is gone too (as §12 says).
        foreach (var seat in account.AsOf(account.LocalDateOf(at)).ListSeats().Where(seat => account.PendingChangeOf(seat.Id) is null).Take(3))
        {
            var schedule = policy.Decide(account, new DeleteAgent(new CommandId("law-schedule"), at, Actor.Support, seat.Id, Effective: DeletionEffective.NextBill));
            if (!schedule.Outcome.IsAccepted)
            {
                continue;
            }

            scheduledAny = true;
            var scheduled = schedule.ApplyTo(account);
            var cancel = policy.Decide(scheduled, new CancelScheduledChange(new CommandId("law-cancel"), at, Actor.Support, seat.Id));
            Assert.IsType<ScheduleCancelled>(cancel.Outcome.Case);
            var cancelled = cancel.ApplyTo(scheduled);

            Assert.Equal(account.Invoices(from, through), cancelled.Invoices(from, through));
            Assert.Null(cancelled.PendingChangeOf(seat.Id));
        }

        return true.Classify(scheduledAny, "a deletion was scheduled and cancelled");
    }

    [SeatPolicyProperty]
    public Property A_scheduled_deletion_gives_the_invoices_and_seats_of_an_immediate_deletion_on_its_last_day(SchedulingScenario scenario)
    {
        var (account, _, last) = scenario.Play();
        var at = TimeEdgeGenerators.Plus(last, 3_600);
        if (!account.CanBillAt(at))
        {
            return true.Classify(true, "at the end of time");
        }

        var policy = scenario.Scenario.Policy;
        var compared = false;
        // Seats without a pending change: a second schedule replaces the first, which an immediate deletion would not.
        foreach (var seat in account.AsOf(account.LocalDateOf(at)).ListSeats().Where(seat => account.PendingChangeOf(seat.Id) is null).Take(3))
        {
            var schedule = policy.Decide(account, new DeleteAgent(new CommandId("law-schedule"), at, Actor.Support, seat.Id, Effective: DeletionEffective.NextBill));
            if (schedule.Outcome.Case is not DeletionScheduled { LastDay: var lastDay })
            {
                continue;
            }

            var onLastDay = lastDay == account.LocalDateOf(at) ? at : lastDay.At(new LocalTime(12, 0)).InZoneLeniently(account.TimeZone).ToInstant();
            if (!account.CanBillAt(onLastDay) || account.LocalDateOf(onLastDay) != lastDay)
            {
                continue;
            }

            var immediate = policy.Decide(account, new DeleteAgent(new CommandId("law-delete"), onLastDay, Actor.Support, seat.Id));
            Assert.True(immediate.Outcome.Kind == OutcomeKind.Deleted, $"scheduled with last day {lastDay}, but an immediate deletion on it is {immediate.Outcome}");
            var (scheduled, deleted) = (schedule.ApplyTo(account), immediate.ApplyTo(account));
            var effective = TimeEdgeGenerators.PlusDays(lastDay, 1);
            if (!account.Billing.Supports(effective))
            {
                continue;
            }

            compared = true;
            var (from, through) = Range(account, effective);
            Assert.True(
                deleted.Invoices(from, through).SequenceEqual(scheduled.Invoices(from, through)),
                $"seat {seat.Id}, scheduled at {at} (local {account.LocalDateOf(at)}) with last day {lastDay}, deleted at {onLastDay}; history: {string.Join(" | ", scheduled.History.Select(change => change.Describe() + " @" + change.At))}");
            Assert.Equal(Facts(deleted.AsOf(effective)), Facts(scheduled.AsOf(effective)));
            Assert.Null(scheduled.AsOf(effective).FindSeat(seat.Id));
        }

        return true.Classify(compared, "compared with an immediate deletion");
    }

    [SeatPolicyProperty]
    public Property No_pending_deletion_is_lost_silently(SchedulingScenario scenario)
    {
        var (account, _, _) = scenario.Play();
        var history = account.History;
        var scheduledCount = 0;
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i] is not DeletionScheduled scheduled)
            {
                continue;
            }

            scheduledCount++;
            var later = history.Skip(i + 1).Where(change => change.Seat == scheduled.Seat).ToList();
            var end = later.FirstOrDefault(change => change is DeletionScheduled or ScheduleCancelled or Deleted);
            foreach (var change in later.TakeWhile(change => !ReferenceEquals(change, end)))
            {
                // Until the end of its last day the seat is as before; after it, no command reaches the seat.
                Assert.True(account.LocalDateOf(change.At) <= scheduled.LastDay, $"{change} on {scheduled.Seat} after its last day {scheduled.LastDay}");
            }

            switch (end)
            {
                case DeletionScheduled again:
                    Assert.Equal(scheduled.Pending, again.Replaced);
                    break;
                case ScheduleCancelled cancelled:
                    Assert.Equal(scheduled.Pending, cancelled.Cancelled);
                    break;
                case Deleted:
                    break;
                default:
                    // Still pending, or taken effect: the account then no longer has the seat.
                    Assert.True(
                        account.PendingChangeOf(scheduled.Seat) == scheduled.Pending
                        || (account.FindSeat(scheduled.Seat) is null && account.PendingChangeOf(scheduled.Seat) is null),
                        $"the deletion of {scheduled.Seat} after {scheduled.LastDay} ended without an outcome saying so");
                    break;
            }
        }

        return true.Classify(scheduledCount > 0, "with scheduled deletions");
    }

    [SeatPolicyProperty]
    public Property Replay_rebuilds_an_account_with_scheduled_deletions_one_at_a_time_or_in_a_batch(SchedulingScenario scenario)
    {
        var (account, _, _) = scenario.Play();
        var opening = account.AtOpening();

        Assert.Equal(account, opening.Apply(account.History));
        Assert.Equal(account, account.History.Aggregate(opening, (state, change) => state.Apply(change)));
        return true.Classify(account.History.Any(change => change is DeletionScheduled), "with scheduled deletions");
    }

    [SeatPolicyProperty]
    public Property No_scheduled_deletion_is_ever_refunded(SchedulingScenario scenario)
    {
        var (account, decisions, last) = scenario.Play();
        var (from, through) = Range(account, account.Billing.Supports(account.Billing.Anchor) ? account.Billing.Anchor : account.Billing.SupportedFrom);

        Assert.All(decisions.Where(decision => decision.Outcome.Case is DeletionScheduled or ScheduleCancelled or NothingScheduled), decision =>
            Assert.True(decision.Outcome.ChargedAmount(account.Currency).IsZero));
        Assert.DoesNotContain(account.Invoices(from, through).SelectMany(invoice => invoice.Lines), line => line.Amount.IsNegative);
        return true.Classify(decisions.Any(decision => decision.Outcome.Case is DeletionScheduled), "with scheduled deletions");
    }

    [Fact]
    public void Generator_TwoHundredSamples_ReachEveryWayAPendingDeletionEnds()
    {
        var played = EngineGenerators.ScenarioWithScheduling.Sample(200).Select(scenario => new SchedulingScenario(scenario).Play()).ToList();
        var outcomes = played.SelectMany(run => run.Decisions).Select(decision => decision.Outcome.Case).ToList();

        var reached = new Dictionary<string, int>
        {
            ["scheduled"] = outcomes.Count(outcome => outcome is DeletionScheduled { Replaced: null }),
            ["scheduled again"] = outcomes.Count(outcome => outcome is DeletionScheduled { Replaced: not null }),
            ["cancelled"] = outcomes.Count(outcome => outcome is ScheduleCancelled),
            ["nothing to cancel"] = outcomes.Count(outcome => outcome is NothingScheduled),
            ["took effect"] = played.Count(run => run.Account.History.OfType<DeletionScheduled>().Any(scheduled => run.Account.FindSeat(scheduled.Seat) is null && run.Account.PendingChangeOf(scheduled.Seat) is null)),
        };

        Assert.True(reached.Values.All(count => count >= 3), string.Join(", ", reached.Select(entry => $"{entry.Key} {entry.Value}")));
    }

    /// <summary>About a year of invoices from <paramref name="from"/>, held within the calendar's dates.</summary>
    private static (LocalDate From, LocalDate Through) Range(Account account, LocalDate from)
    {
        var through = TimeEdgeGenerators.PlusDays(from, 400);
        return (from, through > account.Billing.SupportedThrough ? account.Billing.SupportedThrough : through);
    }

    private static List<(SeatId, Agent?, SeatAssets, Role)> Facts(Account account) =>
        [.. account.ListSeats().Select(seat => (seat.Id, seat.Occupant, seat.Assets, seat.LastRole))];
}
