using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// Runs of commands through a policy (what <c>seatpolicy simulate</c> shows): each command decided and
/// applied in order, and what the run leaves, bills and charges. A view over the policy's decisions and
/// the account's history; neither reads it back.
/// </summary>
public static class CommandRuns
{
    /// <summary>
    /// Decides <paramref name="commands"/> in order, applying each decision's events before the next,
    /// and sums up the run: one <see cref="CommandResult"/> per command, the final account, the
    /// invoices of the run's dates, the next bill and the totals. Replays are counted once: a replayed
    /// command id shows its original outcome and charge, and adds nothing to <see cref="CommandRun.Charged"/>.
    /// </summary>
    /// <remarks>
    /// Without <paramref name="asOf"/>, the next bill is looked up from the local date of the last
    /// command (the billing anchor when there is none), brought within
    /// <see cref="BillingCalendar.SupportedFrom"/>..<see cref="BillingCalendar.SupportedThrough"/>; in
    /// the last period NodaTime can represent, from the day before that period, the last date with a
    /// next bill. The invoices are those dated from the first command's local date through that date.
    /// </remarks>
    /// <param name="policy">The policy that decides each command.</param>
    /// <param name="account">The account before the first command.</param>
    /// <param name="commands">The commands, oldest first.</param>
    /// <param name="asOf">The local date the next bill is looked up from; null for the default above.</param>
    /// <returns>The run.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="policy"/>, <paramref name="account"/> or <paramref name="commands"/> is null.</exception>
    /// <exception cref="ValueRefusedException"><paramref name="asOf"/> is given and has no next bill within the years
    /// NodaTime supports; <see cref="ValueRefusedException.Member"/> is <c>asOf</c>.</exception>
    /// <exception cref="System.OverflowException">A charge, bill or total does not fit in 64-bit minor units.</exception>
    public static CommandRun Run(this TurnoverPolicy policy, Account account, IEnumerable<SeatCommand> commands, LocalDate? asOf = null)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(account);
        Guard.Against.Null(commands);
        var opening = account;
        var results = ImmutableArray.CreateBuilder<CommandResult>();
        foreach (var command in commands)
        {
            var decision = policy.Decide(account, command);
            account = decision.ApplyTo(account);
            var outcome = decision.Outcome;

            var seat = outcome.Case is Added added ? added.Seat : SeatNamedBy(command);
            var charge = outcome.ChargedAmount(account.Currency);
            results.Add(new CommandResult(command, outcome, seat, charge, decision.IsReplay, DateOf(account, command.At)));
        }

        var (billAsOf, nextBill) = NextBillOf(account, results, asOf);
        var invoices = results.Count == 0 || billAsOf < results[0].Date
            ? []
            : account.Invoices(results[0].Date, billAsOf).ToImmutableArray();
        var charged = account.AddChargesAfter(opening.Version);
        return new CommandRun(opening, results.ToImmutable(), account, billAsOf, nextBill, invoices, charged);
    }

    /// <summary>The date the next bill is looked up from, and that bill (see <see cref="Run(TurnoverPolicy, Account, IEnumerable{SeatCommand}, LocalDate?)"/>).</summary>
    private static (LocalDate AsOf, Invoice Bill) NextBillOf(Account account, ImmutableArray<CommandResult>.Builder results, LocalDate? asOf)
    {
        var billing = account.Billing;
        var lastDate = results.Count == 0 ? billing.Anchor : results[^1].Date;
        var from = asOf ?? Clamp(lastDate, billing.SupportedFrom, billing.SupportedThrough);
        if (account.TryPreviewNextInvoice(from, out var bill))
        {
            return (from, bill);
        }

        // The next bill's own period would end past the years NodaTime represents. The last date with a
        // next bill is the day before the period holding the last supported date.
        var lastWithNextBill = billing.PeriodContaining(billing.SupportedThrough).Start.PlusDays(-1);
        if (asOf is not null)
        {
            throw new ValueRefusedException(
                nameof(asOf),
                nameof(asOf),
                asOf,
                $"{Dates.Iso(from)} has no next bill within the years NodaTime supports (-9998 to 9999); "
                + $"this account's next bill can be looked up from {Dates.Iso(billing.SupportedFrom)} through {Dates.Iso(lastWithNextBill)}");
        }

        return (lastWithNextBill, account.PreviewNextInvoice(lastWithNextBill));
    }

    /// <summary>
    /// A command's local date: its own, or for one of the few instants at NodaTime's ends whose local
    /// date falls outside its years (the policy refused it), the nearest date NodaTime supports.
    /// </summary>
    private static LocalDate DateOf(Account account, Instant at) =>
        account.TryLocalDateOf(at, out var date) ? date
        : at > Instant.FromUnixTimeSeconds(0) ? LocalDate.MaxIsoValue
        : LocalDate.MinIsoValue;

    private static LocalDate Clamp(LocalDate date, LocalDate min, LocalDate max) =>
        date < min ? min : date > max ? max : date;

    /// <summary>The seat a command names, when it names one that is not blank.</summary>
    private static SeatId? SeatNamedBy(SeatCommand command)
    {
        var seat = command switch
        {
            AddAgent add => add.Seat,
            ReplaceAgent replace => replace.Seat,
            DeactivateAgent deactivate => deactivate.Seat,
            UpdateAgent update => update.Seat,
            DeleteAgent delete => delete.Seat,
            CancelScheduledChange cancel => cancel.Seat,
            MalformedCommand malformed => malformed.Seat,
            _ => null,
        };
        return seat is { IsBlank: false } ? seat : null;
    }
}
