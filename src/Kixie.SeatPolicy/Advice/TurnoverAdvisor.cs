using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// Turnover advice (rulebook §11): the cheapest compliant way through a departure, with its
/// arithmetic. Each plan's commands run through the policy it is given (<see cref="TurnoverPolicy.Default"/> unless told) in order on the
/// account, and each total is <see cref="AccountInvoices.Invoices"/> of the account the plan leads to: the
/// advisor holds no copy of a rule.
/// </summary>
/// <remarks>
/// <para>With a hire the plans are <see cref="AdvicePlanKind.HoldAndReplace"/> (deactivate at the
/// departure <c>L</c>; replace with the new person at the hire <c>H</c>) and
/// <see cref="AdvicePlanKind.DeleteAndAdd"/> (deactivate at <c>L</c>; support deletes at <c>T</c>; add
/// the new person, with the seat's last role and no assets, at <c>H</c>); without,
/// <see cref="AdvicePlanKind.HoldVacant"/> and <see cref="AdvicePlanKind.Delete"/>.</para>
/// <para><c>T</c> is <c>L</c> when the policy allows support to delete the seat at <c>L</c>; when it
/// answers <see cref="DeletionBlocked"/>, <c>T</c> is the start, in the account's zone, of
/// <see cref="DeletionBlocked.AllowedFrom"/>, provided that day is not after the horizon (and, with a
/// hire, <c>T</c> is before <c>H</c>); otherwise the plan is infeasible, blocked by that
/// <see cref="DeletionBlocked"/>, and the deletion step is not tried.</para>
/// <para>Command ids are <c>advice-1</c>, <c>advice-2</c>, … in each plan, skipping any id the account
/// already accepted. Pure and thread-safe: the account is never changed.</para>
/// </remarks>
public static class TurnoverAdvisor
{
    private static readonly ImmutableArray<TurnoverAlternative> ReplaceOrDeactivate =
        [TurnoverAlternative.Replace, TurnoverAlternative.Deactivate];

    /// <summary>Weighs the ways through one agent's departure and ranks them by what they cost.</summary>
    /// <param name="account">The account as it is (its history included).</param>
    /// <param name="seat">The leaving agent's seat. An unknown seat is not an error: every plan is infeasible with <see cref="SeatNotFound"/>.</param>
    /// <param name="leaves">The instant <c>L</c> the agent leaves.</param>
    /// <param name="actor">The Admin or Manager acting. One who may not act is not an error: every plan is infeasible with <see cref="Unauthorized"/>.</param>
    /// <param name="until">The horizon <c>U</c>: the last local date (inclusive) of the totals; not before <paramref name="leaves"/>'s local date.</param>
    /// <param name="hireAt">The instant <c>H</c> the new person starts, not before <paramref name="leaves"/>; null when no hire is planned.</param>
    /// <param name="hireName">The new person's name; required with <paramref name="hireAt"/>, absent without it.</param>
    /// <param name="hireEmail">The new person's email; required with <paramref name="hireAt"/>, absent without it. Its form is the policy's to judge (<see cref="InvalidCommand"/>).</param>
    /// <param name="policy">The policy every plan's commands run through (its options: self-serve deletion, support's contact); null for <see cref="TurnoverPolicy.Default"/>.</param>
    /// <returns>The plans in rank order and the recommendation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ValueRefusedException"><paramref name="leaves"/> has no local date in the account's zone (<see cref="Account.TryLocalDateOf"/>); <paramref name="until"/> is before the departure's local date; <paramref name="hireAt"/> is before <paramref name="leaves"/>; a hire without a name or email, or a name or email without a hire (the exception's <see cref="ArgumentException.ParamName"/> names the parameter).</exception>
    public static TurnoverAdvice Advise(
        Account account,
        SeatId seat,
        Instant leaves,
        Actor actor,
        LocalDate until,
        Instant? hireAt = null,
        string? hireName = null,
        string? hireEmail = null,
        TurnoverPolicy? policy = null)
    {
        Guard.Against.Null(account);
        if (!account.TryLocalDateOf(leaves, out var from))
        {
            throw new ValueRefusedException(nameof(leaves), nameof(leaves), leaves, $"{leaves} has no local date in {account.TimeZone.Id}: it falls outside the years NodaTime supports (-9998 to 9999)");
        }

        if (until < from)
        {
            throw new ValueRefusedException(nameof(until), nameof(until), until, $"the horizon {Dates.Iso(until)} is before the departure's local date {Dates.Iso(from)}");
        }

        if (hireAt is { } hire)
        {
            if (hire < leaves)
            {
                throw new ValueRefusedException(nameof(hireAt), "hire", hire, string.Create(CultureInfo.InvariantCulture, $"the hire {hire} is before the departure {leaves}"));
            }

            if (string.IsNullOrWhiteSpace(hireName))
            {
                throw new ValueRefusedException(nameof(hireName), "name", hireName, "a hire needs the new person's name");
            }

            if (string.IsNullOrWhiteSpace(hireEmail))
            {
                throw new ValueRefusedException(nameof(hireEmail), "email", hireEmail, "a hire needs the new person's email");
            }
        }
        else if (hireName is not null || hireEmail is not null)
        {
            throw new ValueRefusedException(nameof(hireAt), "hire", null, "a name or email was given without a hire instant");
        }

        var request = new Request(account, seat, leaves, actor, from, until, hireAt, hireName, hireEmail, policy ?? TurnoverPolicy.Default);
        AdvicePlan[] tried = hireAt is null
            ? [HoldVacant(request), Delete(request)]
            : [HoldAndReplace(request), DeleteAndAdd(request)];
        return new TurnoverAdvice(seat, leaves, from, until, hireAt, account.Currency, Rank(tried));
    }

    private static ImmutableArray<AdvicePlan> Rank(AdvicePlan[] plans)
    {
        var feasible = plans.Where(plan => plan.IsFeasible)
            .OrderBy(plan => plan.Total!.Value)
            .ThenBy(plan => plan.KeepsAssets ? 0 : 1)
            .ThenBy(plan => plan.Kind)
            .ToList();
        if (feasible.Count > 0)
        {
            var dearest = feasible[^1].Total!.Value;
            feasible = [.. feasible.Select(plan => plan.WithSaving(dearest - plan.Total!.Value))];
        }

        return [.. feasible, .. plans.Where(plan => !plan.IsFeasible)];
    }

    private static AdvicePlan HoldAndReplace(Request request)
    {
        var run = new Run(request);
        _ = run.Try(new DeactivateAgent(run.NextId(), request.Leaves, request.Actor, request.Seat))
            && run.Try(new ReplaceAgent(run.NextId(), request.HireAt!.Value, request.Actor, request.Seat, request.HireName, request.HireEmail));
        return run.Finish(AdvicePlanKind.HoldAndReplace);
    }

    private static AdvicePlan DeleteAndAdd(Request request)
    {
        var run = new Run(request);
        var seat = request.Account.FindSeat(request.Seat);
        var role = seat?.LastRole ?? Role.Agent;
        _ = run.Try(new DeactivateAgent(run.NextId(), request.Leaves, request.Actor, request.Seat))
            && run.TryDelete(request.HireAt)
            && run.Try(new AddAgent(run.NextId(), request.HireAt!.Value, request.Actor, request.HireName, request.HireEmail, role, Plan: seat?.Plan is { } plan && plan != request.Account.DefaultPlan.Name ? plan : null));
        return run.Finish(AdvicePlanKind.DeleteAndAdd);
    }

    private static AdvicePlan HoldVacant(Request request)
    {
        var run = new Run(request);
        _ = run.Try(new DeactivateAgent(run.NextId(), request.Leaves, request.Actor, request.Seat));
        return run.Finish(AdvicePlanKind.HoldVacant);
    }

    private static AdvicePlan Delete(Request request)
    {
        var run = new Run(request);
        _ = run.Try(new DeactivateAgent(run.NextId(), request.Leaves, request.Actor, request.Seat))
            && run.TryDelete(before: null);
        return run.Finish(AdvicePlanKind.Delete);
    }

    private sealed record Request(
        Account Account,
        SeatId Seat,
        Instant Leaves,
        Actor Actor,
        LocalDate From,
        LocalDate Until,
        Instant? HireAt,
        string? HireName,
        string? HireEmail,
        TurnoverPolicy Policy);

    /// <summary>One plan being tried: the account it has led to so far, its steps, and what stopped it.</summary>
    private sealed class Run(Request request)
    {
        private readonly List<AdviceStep> _steps = [];
        private Account _current = request.Account;
        private TurnoverOutcome? _blockedBy;
        private int _lastId;

        public CommandId NextId()
        {
            CommandId id;
            do
            {
                _lastId++;
                id = new CommandId(string.Create(CultureInfo.InvariantCulture, $"advice-{_lastId}"));
            }
            while (request.Account.FindAccepted(id) is not null);

            return id;
        }

        /// <summary>Runs a command through the policy and records it; false (and the plan stops) when refused.</summary>
        public bool Try(SeatCommand command) => Record(command, request.Policy.Decide(_current, command));

        /// <summary>Support deletes the seat at <c>T</c>: <c>L</c> when allowed then, else the start of the first allowed day.</summary>
        public bool TryDelete(Instant? before)
        {
            var atLeave = new DeleteAgent(NextId(), request.Leaves, Actor.Support, request.Seat);
            var probe = request.Policy.Decide(_current, atLeave);
            if (probe.Outcome.Case is not DeletionBlocked blocked)
            {
                if (before is { } hire && request.Leaves >= hire)
                {
                    _blockedBy = new DeletionBlocked(
                        request.Seat,
                        "the seat cannot be deleted before the hire, which starts when the agent leaves",
                        request.From,
                        ReplaceOrDeactivate);
                    return false;
                }

                return Record(atLeave, probe);
            }

            var at = blocked.AllowedFrom.AtStartOfDayInZone(request.Account.TimeZone).ToInstant();
            if (blocked.AllowedFrom > request.Until || (before is { } start && at >= start))
            {
                _blockedBy = probe.Outcome;
                return false;
            }

            return Try(atLeave with { At = at });
        }

        public AdvicePlan Finish(AdvicePlanKind kind)
        {
            Money? total = null;
            if (_blockedBy is null)
            {
                var sum = Money.Zero(_current.Currency);
                foreach (var invoice in _current.Invoices(request.From, request.Until))
                {
                    sum += invoice.Total;
                }

                total = sum;
            }

            return new AdvicePlan(kind, [.. _steps], _blockedBy, total, saving: null);
        }

        private bool Record(SeatCommand command, Decision decision)
        {
            _steps.Add(new AdviceStep(command, decision));
            if (!decision.Outcome.IsAccepted)
            {
                _blockedBy = decision.Outcome;
                return false;
            }

            _current = decision.ApplyTo(_current);
            return true;
        }
    }
}
