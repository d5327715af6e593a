using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests.Invoices;

/// <summary>
/// The laws of rulebook §10 over the model-based command sequences (random accounts, under both
/// <see cref="AddChargeBilling"/> terms, meeting random commands from every kind of actor, replays
/// and out-of-order resends included).
/// </summary>
public sealed class InvoiceLawTests
{
    [SeatPolicyProperty]
    public Property The_invoices_dated_in_a_range_sum_to_their_seat_lines_plus_every_non_replayed_add_charge_billed_in_it(
        EngineScenario scenario, NonNegativeInt start, NonNegativeInt length)
    {
        var play = Play.Run(scenario);
        var (from, through) = play.RangeWithin(start.Get, length.Get);
        var invoices = play.Final.Invoices(from, through).ToList();

        var seatLines = invoices.SelectMany(invoice => invoice.Lines).Where(line => line.Kind == InvoiceLineKind.Seat).Sum(line => line.Amount.MinorUnits);
        var charges = play.Steps
            .Where(step => !step.Decision.IsReplay && step.Decision.Outcome.Case is Added)
            .Select(step => (Amount: ((Added)step.Decision.Outcome.Case).Charge.Amount.MinorUnits, BilledOn: play.BilledOn(step.Command.At)))
            .Where(charge => from <= charge.BilledOn && charge.BilledOn <= through)
            .Sum(charge => charge.Amount);
        var total = invoices.Sum(invoice => invoice.Total.MinorUnits);

        return (total == seatLines + charges)
            .Label($"invoices {total} = seat lines {seatLines} + add charges billed in {from}..{through} {charges}")
            .Classify(charges != 0, "with add charges")
            .Classify(play.Final.AddCharges == AddChargeBilling.OnNextBill, "on the next bill");
    }

    [SeatPolicyProperty]
    public Property No_seat_is_billed_twice_for_one_period_and_a_seat_is_on_a_bill_only_if_it_existed_the_day_before(EngineScenario scenario)
    {
        var play = Play.Run(scenario);
        var account = play.Final;
        var bills = account.Invoices(play.From, play.Through).Where(invoice => invoice.Kind == InvoiceKind.Bill).ToList();
        var seatLines = bills.SelectMany(bill => bill.Lines.Where(line => line.Kind == InvoiceLineKind.Seat).Select(line => (Bill: bill, Line: line))).ToList();

        var once = seatLines.Select(pair => (pair.Line.Seat, pair.Line.Period)).Distinct().Count() == seatLines.Count;
        var periods = seatLines.All(pair => pair.Line.Period.Start == pair.Bill.Date && pair.Line.Period.End == account.Billing.NextBillDateAfter(pair.Bill.Date));
        var existed = bills.All(bill => bill.Lines.Where(line => line.Kind == InvoiceLineKind.Seat).Select(line => line.Seat).SequenceEqual(play.SeatsAtTheEndOfTheDayBefore(bill.Date)));
        // When the history's dates never go backwards, the account replayed up to the events dated before D is the day before.
        var replayed = !play.DatesInOrder || bills.All(bill =>
            bill.Lines.Where(line => line.Kind == InvoiceLineKind.Seat).Select(line => line.Seat)
                .SequenceEqual(account.AtOpening().Apply(account.History.TakeWhile(change => account.LocalDateOf(change.At) < bill.Date)).ListSeats().Select(seat => seat.Id)));

        return (once.Label("no seat twice for one period").And(periods.Label("each seat line is for its bill's period"))
                .And(existed.Label("the seats are those created before the bill date and not deleted before it, in creation order"))
                .And(replayed.Label("the seats are those of the account replayed up to the day before")))
            .Classify(!play.DatesInOrder, "out-of-order dates")
            .Classify(play.Final.History.OfType<Deleted>().Any(), "with deletions");
    }

    [SeatPolicyProperty]
    public Property With_no_command_between_a_date_and_the_next_bill_date_the_preview_as_of_that_date_is_that_bill(EngineScenario scenario)
    {
        var play = Play.Run(scenario);
        var final = play.Final;
        var checkedPreviews = 0;
        foreach (var step in play.Steps)
        {
            // In the last period NodaTime can represent, the next bill's own period would end past it: no preview.
            if (step.Today is not { } today || !step.After.TryPreviewNextInvoice(today, out var preview))
            {
                continue;
            }

            var billDate = final.Billing.NextBillDateAfter(today);
            var later = final.History.Skip((int)step.After.Version);
            if (preview.Kind != InvoiceKind.Bill || preview.Date != billDate)
            {
                return false.Label($"the preview as of {today} is the bill of {billDate}: {preview}");
            }

            if (later.All(change => final.LocalDateOf(change.At) >= billDate))
            {
                checkedPreviews++;
                var bill = final.Invoices(billDate, billDate).First();
                if (!bill.Equals(preview))
                {
                    return false.Label($"preview as of {today} {preview} differs from the bill {bill}");
                }
            }
        }

        return true.Label("every preview with no command before its bill date is that bill")
            .Classify(checkedPreviews == 0, "no preview compared")
            .Classify(play.Final.AddCharges == AddChargeBilling.OnNextBill, "on the next bill");
    }

    [SeatPolicyProperty]
    public Property The_next_bill_in_brief_is_the_summary_of_the_next_bill_invoice_as_of_any_date(EngineScenario scenario, NonNegativeInt start, NonNegativeInt length)
    {
        var play = Play.Run(scenario);
        var (from, through) = play.RangeWithin(start.Get, length.Get);
        var dates = play.Steps.Select(step => step.Today).OfType<LocalDate>().Append(from).Append(through).Append(play.Final.Billing.SupportedThrough);
        foreach (var account in play.Steps.Select(step => step.After).Append(play.Final))
        {
            foreach (var date in dates)
            {
                if (!account.TryPreviewNextInvoice(date, out var invoice))
                {
                    var refused = Record.Exception(() => account.PreviewNextBill(date));
                    if (refused is not ArgumentOutOfRangeException)
                    {
                        return false.Label($"as of {date} there is no next bill invoice, but the next bill in brief gave {refused?.GetType().Name ?? "an answer"}");
                    }

                    continue;
                }

                var brief = account.PreviewNextBill(date);
                var summary = NextBill.FromInvoice(invoice, account.SeatPrice);
                if (brief != summary)
                {
                    return false.Label($"as of {date} at version {account.Version}: {brief} is not the invoice's summary {summary}");
                }
            }
        }

        return true.Label("every next bill in brief is its invoice's summary")
            .Classify(!play.DatesInOrder, "out-of-order dates")
            .Classify(play.Final.History.OfType<Deleted>().Any(), "with deletions")
            .Classify(play.Final.AddCharges == AddChargeBilling.OnNextBill, "on the next bill");
    }

    [SeatPolicyProperty]
    public Property No_line_is_negative_every_total_is_the_sum_of_its_lines_and_invoices_come_in_order(EngineScenario scenario)
    {
        var play = Play.Run(scenario);
        var account = play.Final;
        var invoices = account.Invoices(play.From, play.Through).ToList();

        var lines = invoices.All(invoice => invoice.Lines.All(line => !line.Amount.IsNegative && line.Amount.Currency == account.Currency));
        var totals = invoices.All(invoice =>
            invoice.Currency == account.Currency && invoice.Total.MinorUnits == invoice.Lines.Sum(line => line.Amount.MinorUnits) && !invoice.Total.IsNegative);
        var shapes = invoices.All(invoice => invoice.Kind == InvoiceKind.Bill
            ? invoice.Lines.SkipWhile(line => line.Kind == InvoiceLineKind.Seat).All(line => line.Kind == InvoiceLineKind.Add)
              && invoice.Lines.All(line => line.Kind == InvoiceLineKind.Seat ? line.Amount == account.SeatPrice && line.Charge is null : line.Charge?.Amount == line.Amount)
            : account.AddCharges == AddChargeBilling.Immediately && invoice.Lines is [{ Kind: InvoiceLineKind.Add } only] && only.AddedOn == invoice.Date);
        var order = invoices.Zip(invoices.Skip(1)).All(pair =>
            pair.First.Date < pair.Second.Date || (pair.First.Date == pair.Second.Date && pair.Second.Kind == InvoiceKind.Add));

        return lines.Label("no negative line, every line in the account's currency")
            .And(totals.Label("every total is the sum of its lines"))
            .And(shapes.Label("a bill has seat lines at the seat price, then add lines; an add invoice has its one add line"))
            .And(order.Label("by date, the bill first on a date"))
            .Classify(invoices.Any(invoice => invoice.Kind == InvoiceKind.Add), "with add invoices");
    }

    [SeatPolicyProperty]
    public Property Billing_adds_on_the_next_bill_moves_their_charges_between_invoices_but_not_their_sum_over_a_covering_range(EngineScenario scenario)
    {
        var play = Play.Run(scenario);
        var immediately = play.Final.WithAddCharges(AddChargeBilling.Immediately);
        var onNextBill = play.Final.WithAddCharges(AddChargeBilling.OnNextBill);
        var (from, through) = (play.From, play.Through); // from the first command's date through the bill after the last
        if (immediately.History.OfType<Added>().Any(add => !immediately.TryPreviewNextInvoice(immediately.LocalDateOf(add.At), out _)))
        {
            // An add billed immediately in the last period NodaTime can represent has no next bill to move to
            // (the policy refuses such an add on an account that bills adds on the next bill).
            return true.Label("an add in the last billing period has no next bill").Classify(true, "add in the last billing period");
        }

        var now = immediately.Invoices(from, through).ToList();
        var later = onNextBill.Invoices(from, through).ToList();
        static long Sum(IEnumerable<Invoice> invoices) => invoices.Sum(invoice => invoice.Total.MinorUnits);
        static IEnumerable<(CommandId?, long)> AddLines(IEnumerable<Invoice> invoices) =>
            invoices.SelectMany(invoice => invoice.Lines).Where(line => line.Kind == InvoiceLineKind.Add).Select(line => (line.Command, line.Amount.MinorUnits));

        var sameSum = Sum(now) == Sum(later);
        var sameCharges = AddLines(now).OrderBy(add => add.Item1?.Value, StringComparer.Ordinal).SequenceEqual(AddLines(later).OrderBy(add => add.Item1?.Value, StringComparer.Ordinal));
        var sameSeats = now.Where(invoice => invoice.Kind == InvoiceKind.Bill).Select(bill => bill.Lines)
            .SequenceEqual(later.Select(bill => bill.Lines.Where(line => line.Kind == InvoiceLineKind.Seat).ToImmutableArray()), new LinesComparer());
        var moved = later.All(invoice => invoice.Kind == InvoiceKind.Bill
            && invoice.Lines.Where(line => line.Kind == InvoiceLineKind.Add).All(line => onNextBill.Billing.NextBillDateAfter(line.AddedOn!.Value) == invoice.Date));

        return sameSum.Label($"the sums over {from}..{through} are equal")
            .And(sameCharges.Label("the same add charges, each once"))
            .And(sameSeats.Label("the same seat lines on the same bills"))
            .And(moved.Label("on the next bill, each add line is on the first bill after its add"))
            .Classify(AddLines(now).Any(), "with adds");
    }

    [SeatPolicyProperty]
    public Property Invoices_depend_only_on_the_history_so_replaying_it_gives_the_same_invoices(EngineScenario scenario, NonNegativeInt start, NonNegativeInt length)
    {
        var play = Play.Run(scenario);
        var (from, through) = play.RangeWithin(start.Get, length.Get);
        var replayed = play.Final.AtOpening().Apply(play.Final.History);
        var eventByEvent = play.Final.History.Aggregate(play.Final.AtOpening(), (account, change) => account.Apply(change));

        var expected = play.Final.Invoices(from, through).ToList();
        return expected.SequenceEqual(replayed.Invoices(from, through)).Label("replayed as a batch")
            .And(expected.SequenceEqual(eventByEvent.Invoices(from, through)).Label("replayed event by event"))
            .And(expected.SequenceEqual(play.Final.Invoices(from, through)).Label("asked twice"));
    }

    [SeatPolicyProperty]
    public Property Splitting_a_range_splits_its_invoices(EngineScenario scenario, NonNegativeInt start, NonNegativeInt length, NonNegativeInt cut)
    {
        var play = Play.Run(scenario);
        var (from, through) = play.RangeWithin(start.Get, length.Get);
        var days = Period.Between(from, through, PeriodUnits.Days).Days;
        var middle = from.PlusDays(cut.Get % (days + 1));

        var whole = play.Final.Invoices(from, through).ToList();
        var parts = play.Final.Invoices(from, middle).Concat(middle == through ? [] : play.Final.Invoices(middle.PlusDays(1), through)).ToList();

        return whole.SequenceEqual(parts).Label($"{from}..{through} = {from}..{middle} + the rest");
    }

    private sealed class LinesComparer : IEqualityComparer<ImmutableArray<InvoiceLine>>
    {
        public bool Equals(ImmutableArray<InvoiceLine> x, ImmutableArray<InvoiceLine> y) => x.SequenceEqual(y);

        public int GetHashCode(ImmutableArray<InvoiceLine> obj) => obj.Length;
    }

    /// <summary>One step of a played scenario: the command, its decision, the account after it and the local date of the clock (null when the account cannot bill then).</summary>
    private sealed record Step(SeatCommand Command, Decision Decision, Account After, LocalDate? Today);

    /// <summary>A scenario played through the engine, step by step (no model: the laws here are about invoices).</summary>
    private sealed class Play
    {
        private Play(EngineScenario scenario, Account final, ImmutableArray<Step> steps)
        {
            Final = final;
            Steps = steps;
            // The scenario's start brought within the dates the account bills (it may start at an edge of time).
            var billing = final.Billing;
            var first = final.TryLocalDateOf(scenario.Start, out var started)
                ? (started < billing.SupportedFrom ? billing.SupportedFrom : started > billing.SupportedThrough ? billing.SupportedThrough : started)
                : scenario.Start > Instant.FromUnixTimeSeconds(0) ? billing.SupportedThrough : billing.SupportedFrom;
            From = first;
            // Through the first bill after every event's date and the clock, so that every add is billed in range.
            var last = steps.Select(step => step.Today).OfType<LocalDate>().Concat(final.History.Select(change => final.LocalDateOf(change.At))).Append(first).Max();
            Through = billing.NextBillDateAfter(last);
            var dates = final.History.Select(change => final.LocalDateOf(change.At)).ToList();
            DatesInOrder = dates.Zip(dates.Skip(1)).All(pair => pair.First <= pair.Second);
            if (dates.Count > 0 && dates.Min() < From)
            {
                From = dates.Min();
            }
        }

        public Account Final { get; }

        public ImmutableArray<Step> Steps { get; }

        /// <summary>The first command's local date (or an earlier event date).</summary>
        public LocalDate From { get; }

        /// <summary>The first bill date after every event and the clock.</summary>
        public LocalDate Through { get; }

        /// <summary>Whether the history's local dates never go backwards.</summary>
        public bool DatesInOrder { get; }

        public static Play Run(EngineScenario scenario)
        {
            var account = scenario.Account.Open();
            var policy = scenario.Policy;
            var issued = new List<SeatCommand>();
            var steps = ImmutableArray.CreateBuilder<Step>(scenario.Steps.Length);
            var at = scenario.Start;
            for (var i = 0; i < scenario.Steps.Length; i++)
            {
                at = TimeEdgeGenerators.Plus(at, scenario.Steps[i].AdvanceSeconds);
                var command = scenario.Steps[i].Resolve(account, issued, i, at);
                issued.Add(command);
                var decision = policy.Decide(account, command);
                account = decision.ApplyTo(account);
                steps.Add(new Step(command, decision, account, account.CanBillAt(at) ? account.LocalDateOf(at) : null));
            }

            return new Play(scenario, account, steps.MoveToImmutable());
        }

        /// <summary>A range inside [From − a period, Through + a period], chosen by two numbers.</summary>
        public (LocalDate From, LocalDate Through) RangeWithin(int start, int length)
        {
            var first = TimeEdgeGenerators.PlusDays(From, -100);
            var span = Period.Between(first, TimeEdgeGenerators.PlusDays(Through, 100), PeriodUnits.Days).Days;
            var from = first.PlusDays(start % (span + 1));
            return (from, TimeEdgeGenerators.PlusDays(from, length % (span + 1)));
        }

        /// <summary>The date the invoice that carries an add charge is dated: the add's local date, or the next bill date after it.</summary>
        public LocalDate BilledOn(Instant at)
        {
            var date = Final.LocalDateOf(at);
            return Final.AddCharges == AddChargeBilling.Immediately ? date : Final.Billing.NextBillDateAfter(date);
        }

        /// <summary>The rule restated, the slow way: initial seats and adds dated before D, less seats deleted on a date before D, in creation order.</summary>
        public IEnumerable<SeatId> SeatsAtTheEndOfTheDayBefore(LocalDate billDate)
        {
            var deleted = Final.History.OfType<Deleted>().Where(change => Final.LocalDateOf(change.At) < billDate).Select(change => change.Seat).ToHashSet();
            return Final.InitialSeats.Select(seat => seat.Seat)
                .Concat(Final.History.OfType<Added>().Where(change => Final.LocalDateOf(change.At) < billDate).Select(change => change.Seat))
                .Where(seat => !deleted.Contains(seat));
        }
    }
}
