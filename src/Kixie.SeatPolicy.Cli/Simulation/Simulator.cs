using System.Collections.Immutable;
using Kixie.SeatPolicy.Cli.Scenarios;
using NodaTime;

namespace Kixie.SeatPolicy.Cli.Simulation;

/// <summary>
/// Runs a scenario's commands, in order, through one <see cref="TurnoverPolicy"/> with the rulebook's
/// defaults, applying each decision's events; collects what the report shows. Every outcome is the
/// policy's: nothing is decided here.
/// </summary>
internal static class Simulator
{
    /// <summary>Runs <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="asOf">The local date the next bill is looked up from; null for the local date of the last command's instant (the billing anchor when there are no commands), brought within the dates the account bills (<see cref="BillingCalendar.Supports"/>) and that have a next bill.</param>
    /// <returns>The report.</returns>
    /// <exception cref="NoNextBillException"><paramref name="asOf"/> is given and no bill date NodaTime can represent follows it.</exception>
    public static SimulationReport Run(Scenario scenario, LocalDate? asOf = null)
    {
        var policy = TurnoverPolicy.Default;
        var account = scenario.Account;
        var currency = account.Currency;
        var refunded = Money.Zero(currency);
        var results = ImmutableArray.CreateBuilder<CommandResult>(scenario.Commands.Length);
        foreach (var command in scenario.Commands)
        {
            var decision = policy.Decide(account, command);
            account = decision.ApplyTo(account);
            var outcome = decision.Outcome;
            var charge = outcome.ChargedAmount(currency);
            if (!decision.IsReplay && outcome.Case is Deleted deleted)
            {
                refunded += deleted.Refund;
            }

            var seat = outcome.Case is Added added ? added.Seat.Value : SeatNamedBy(command);
            results.Add(new CommandResult(command.Id.Value ?? string.Empty, outcome, seat, charge, decision.IsReplay, DateOf(account, command.At)));
        }

        var billing = account.Billing;
        var billAsOf = asOf
            ?? Clamp(scenario.Commands.IsEmpty ? billing.Anchor : DateOf(account, scenario.Commands[^1].At), billing.SupportedFrom, billing.SupportedThrough);
        if (!account.TryPreviewNextInvoice(billAsOf, out var nextBill))
        {
            if (asOf is not null)
            {
                throw new NoNextBillException(billAsOf, billing);
            }

            // In the last period NodaTime can represent the next bill's own period would end past it: look
            // from the day before that period instead, the last date with a next bill.
            billAsOf = billing.PeriodContaining(billAsOf).Start.PlusDays(-1);
            nextBill = account.PreviewNextInvoice(billAsOf);
        }

        var invoices = scenario.Commands.IsEmpty
            ? []
            : InvoicesFrom(account, DateOf(account, scenario.Commands[0].At), billAsOf);
        return new SimulationReport(
            scenario.Title,
            scenario.Description,
            results.MoveToImmutable(),
            account,
            billAsOf,
            nextBill,
            invoices,
            account.AddChargesAfter(scenario.Account.Version),
            refunded);
    }

    /// <summary>
    /// A command's local date for the report: its own, or for one of the few instants at NodaTime's ends whose
    /// local date falls outside its years (the policy refused it), the nearest date NodaTime supports.
    /// </summary>
    private static LocalDate DateOf(Account account, Instant at) =>
        account.TryLocalDateOf(at, out var date) ? date
        : at > Instant.FromUnixTimeSeconds(0) ? LocalDate.MaxIsoValue
        : LocalDate.MinIsoValue;

    private static LocalDate Clamp(LocalDate date, LocalDate min, LocalDate max) =>
        date < min ? min : date > max ? max : date;

    /// <summary>The invoices dated from the first command's local date through the as-of date; none when the as-of date comes first.</summary>
    private static ImmutableArray<Invoice> InvoicesFrom(Account account, LocalDate from, LocalDate through) =>
        through < from ? [] : [.. account.Invoices(from, through)];

    /// <summary>The seat a command names, when it names one that is not blank.</summary>
    private static string? SeatNamedBy(SeatCommand command)
    {
        var seat = command switch
        {
            AddAgent add => add.Seat,
            ReplaceAgent replace => replace.Seat,
            DeactivateAgent deactivate => deactivate.Seat,
            UpdateAgent update => update.Seat,
            DeleteAgent delete => delete.Seat,
            MalformedCommand malformed => malformed.Seat,
            _ => null,
        };
        return seat is { IsBlank: false } named ? named.Value : null;
    }
}

/// <summary>What became of one command.</summary>
/// <param name="Id">The command's id.</param>
/// <param name="Outcome">The policy's outcome (the original one for a replay).</param>
/// <param name="Seat">The seat the outcome is about: the new seat for an add, else the seat the command named; null when it named none.</param>
/// <param name="Charge">What the outcome charges (for a replay, what the original charged).</param>
/// <param name="Replayed">Whether the command id was already accepted with the same content.</param>
/// <param name="Date">The command's local date in the account's time zone.</param>
internal sealed record CommandResult(string Id, TurnoverOutcome Outcome, string? Seat, Money Charge, bool Replayed, LocalDate Date);

/// <summary>A scenario's run: every result, the final account, the next bill and the totals.</summary>
/// <param name="Title">The scenario's title, if any.</param>
/// <param name="Description">The scenario's description, if any.</param>
/// <param name="Results">One result per command, in order.</param>
/// <param name="Account">The account after the last command.</param>
/// <param name="BillAsOf">The local date the next bill was looked up from.</param>
/// <param name="NextBill">The bill invoice of the first bill date after <paramref name="BillAsOf"/>.</param>
/// <param name="Invoices">The invoices dated from the first command's local date through <paramref name="BillAsOf"/>, in order.</param>
/// <param name="Charged">The add charges the scenario's commands incurred (<see cref="Account.AddChargesAfter"/>: a replay adds nothing).</param>
/// <param name="Refunded">The sum of refunds (the policy never refunds, so zero).</param>
internal sealed record SimulationReport(
    string? Title,
    string? Description,
    ImmutableArray<CommandResult> Results,
    Account Account,
    LocalDate BillAsOf,
    Invoice NextBill,
    ImmutableArray<Invoice> Invoices,
    Money Charged,
    Money Refunded);

/// <summary>The <c>--as-of</c> date has no next bill: the first bill date after it, or its period's end, falls outside the years NodaTime supports.</summary>
internal sealed class NoNextBillException : System.Exception
{
    /// <summary>The refusal of <paramref name="asOf"/> for an account billed by <paramref name="billing"/>.</summary>
    /// <param name="asOf">The date asked about.</param>
    /// <param name="billing">The account's billing calendar.</param>
    public NoNextBillException(LocalDate asOf, BillingCalendar billing)
        : base($"{NodaTime.Text.LocalDatePattern.Iso.Format(asOf)} has no next bill within the years NodaTime supports (-9998 to 9999); this account's next bill can be looked up from {NodaTime.Text.LocalDatePattern.Iso.Format(billing.SupportedFrom)} through {NodaTime.Text.LocalDatePattern.Iso.Format(billing.SupportedThrough)}")
    {
        AsOf = asOf;
    }

    /// <summary>The date asked about.</summary>
    public LocalDate AsOf { get; }
}
