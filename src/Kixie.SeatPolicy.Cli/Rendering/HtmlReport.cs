using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using NodaTime;
using static Kixie.SeatPolicy.Cli.Rendering.ReportText;

namespace Kixie.SeatPolicy.Cli.Rendering;

/// <summary>
/// The <c>--format html</c> output: one self-contained page (inline CSS and SVG, no script, nothing
/// fetched). Per report, a timeline with one lane per seat ever created (occupied, vacant and billed,
/// deleted), every command as a marker, the bills and add charges, the contract's term and window;
/// then the invoices and the commands as tables. Every fact is read from the library's values (the
/// results, the invoices, the account's history and its contract's standing), never recomputed.
/// </summary>
internal static class HtmlReport
{
    private const double Left = 170, Right = 1225, Width = 1240, Top = 62, LaneHeight = 44;

    private static readonly string Css = ReportText.Embedded("report.css");

    /// <summary>Writes one page headed <paramref name="heading"/>: the <paramref name="introduction"/> (or none), then every report in order.</summary>
    public static void Write(IReadOnlyList<SimulationReport> reports, string heading, string? introduction, TextWriter output)
    {
        output.Write($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>{E(heading)}</title><style>\n{Css}\n</style></head>\n<body><h1>{E(heading)}</h1>\n");
        foreach (var paragraph in (introduction ?? string.Empty).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim() != heading))
        {
            output.Write($"<p>{E(paragraph.ReplaceLineEndings(" ").Trim())}</p>\n");
        }

        for (var i = 0; i < reports.Count; i++)
        {
            WriteReport(reports[i], FormattableString.Invariant($"r{i}"), output);
        }

        output.Write("</body></html>\n");
    }

    private static void WriteReport(SimulationReport report, string id, TextWriter o)
    {
        var account = report.Run.Account;
        var currency = account.Currency.Code;
        o.Write($"<section><h2>{E(report.Title ?? "Account " + account.Id)}</h2>\n");
        if (report.Description is { } description)
        {
            o.Write($"<p>{E(description)}</p>\n");
        }

        o.Write($"<p>{E(Terms(account))}. Charged {E(report.Run.Charged.ToString())} {E(currency)}, refunded {E(report.Refunded.ToString())}; "
            + $"next bill {Iso(report.Run.NextBill.Date)}: {E(report.Run.NextBill.Total.ToString())} {E(currency)} (as of {Iso(report.Run.BillAsOf)}).</p>\n");
        WriteTimeline(report, id, o);
        o.Write("<h3>Invoices</h3>\n<table><thead><tr><th>date</th><th>invoice</th><th>seat</th><th class=\"n\">amount</th><th>explanation</th></tr></thead><tbody>\n");
        foreach (var (invoice, next) in report.Run.Invoices.Select(i => (i, false)).Append((report.Run.NextBill, true)))
        {
            o.Write($"<tr class=\"inv\"><td>{Iso(invoice.Date)}</td><td>{(next ? "next bill (preview)" : invoice.Kind.ToString())}</td><td></td><td class=\"n\">{E(invoice.Total.ToString())} {E(currency)}</td><td></td></tr>\n");
            foreach (var line in invoice.Lines)
            {
                o.Write($"<tr><td></td><td>{line.Kind}</td><td>{E(line.Seat.Value)}</td><td class=\"n\">{E(line.Amount.ToString())}</td><td>{E(line.Explain())}</td></tr>\n");
            }
        }

        o.Write("</tbody></table>\n<h3>Commands</h3>\n<table><thead><tr><th>#</th><th>id</th><th>date</th><th>outcome</th><th>seat</th><th class=\"n\">charge</th><th>detail</th></tr></thead><tbody>\n");
        for (var i = 0; i < report.Run.Results.Length; i++)
        {
            var r = report.Run.Results[i];
            var verdict = (r.Outcome.IsAccepted ? "✓ " : "✗ refused: ") + Outcome(r);
            o.Write($"<tr class=\"{(r.Outcome.IsAccepted ? "accepted" : "refused")}\"><td>{(i + 1).ToString(CultureInfo.InvariantCulture)}</td><td>{E(r.Command.Id.ToString())}</td><td>{Iso(r.Date)}</td>"
                + $"<td>{E(verdict)}</td><td>{E(r.Seat?.Value ?? "-")}</td><td class=\"n\">{E(r.Charge.ToString())}</td><td>{E(r.Outcome.Case.Describe())}</td></tr>\n");
        }

        o.Write("</tbody></table></section>\n");
    }

    private static void WriteTimeline(SimulationReport report, string id, TextWriter o)
    {
        var account = report.Run.Account;
        var first = report.Run.Results.IsEmpty ? report.Run.BillAsOf : report.Run.Results.Min(r => r.Date);
        var last = LocalDate.Max(LocalDate.Max(report.Run.BillAsOf, report.Run.NextBill.Date), report.Run.Results.IsEmpty ? first : report.Run.Results.Max(r => r.Date));
        var start = PlusDays(first, -Math.Max(2, Period.DaysBetween(first, last) / 40));
        var end = PlusDays(last, 1); // the timeline covers [start, end): the last day is drawn whole
        var scale = (Right - Left) / Period.DaysBetween(start, end);
        double X(LocalDate d) => Left + (Period.DaysBetween(start, LocalDate.Min(LocalDate.Max(d, start), end)) * scale);

        // Lanes: every seat the account ever had (the library's timelines), then any other seat a command named.
        var lanes = account.SeatTimelines()
            .Select(seat => new Lane(seat.Seat.Value, [.. seat.Spells.Select(spell => (spell.From ?? start, spell.Occupant?.Name))])
            {
                Deleted = seat.LastDay is { } lastDay ? (lastDay, account.Billing.Supports(lastDay) ? account.Billing.NextBillDateAfter(lastDay) : lastDay) : null,
                Scheduled = seat.Deletion is DeletionScheduled,
            })
            .ToList();
        foreach (var seat in report.Run.Results.Select(r => r.Seat?.Value ?? "(no seat)").Distinct().Where(s => lanes.All(l => l.Seat != s)).ToList())
        {
            lanes.Add(new Lane(seat, []) { Never = true });
        }

        var bottom = Top + (lanes.Count * LaneHeight);
        var height = bottom + 64;
        o.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(Width)} {F(height)}\" role=\"img\" aria-labelledby=\"{id}-t\" font-size=\"12\">\n"
            + $"<title id=\"{id}-t\">Seats of account {E(account.Id)} from {Iso(start)} to {Iso(last)}</title>\n"
            + $"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b0b0b0\" stroke-width=\"3\"/></pattern>"
            + $"<pattern id=\"{id}-dots\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#e2f1df\"/><circle cx=\"4\" cy=\"4\" r=\"1.2\" fill=\"#6a9f62\"/></pattern></defs>\n");

        // The contract: each term in view, locked in, then its window (from the library's standing), shaded over the lanes.
        if (account.Contract is { } contract)
        {
            var day = start;
            for (var term = 0; term < 100 && day < end; term++)
            {
                var standing = contract.StandingOn(day);
                Band(standing.TermStart, standing.WindowOpens, "#efefef", $"locked in {Iso(standing.TermStart)}..{Iso(PlusDays(standing.WindowOpens, -1))}", "contract: locked in");
                Band(standing.WindowOpens, PlusDays(standing.TermEnd, 1), $"url(#{id}-dots)", $"deletion allowed {Iso(standing.WindowOpens)}..{Iso(standing.TermEnd)}", $"deletion allowed from {Iso(standing.WindowOpens)}");
                if (!contract.AutoRenew)
                {
                    Band(PlusDays(standing.TermEnd, 1), end, "#fff", $"contract ended {Iso(standing.TermEnd)}", "contract ended");
                    break;
                }

                day = PlusDays(standing.TermEnd, 1);
            }
        }

        void Band(LocalDate from, LocalDate until, string fill, string title, string label)
        {
            var (x1, x2) = (X(from), X(until));
            if (x2 - x1 < 0.5)
            {
                return;
            }

            o.Write($"<g><title>{E(title)}</title><rect x=\"{F(x1)}\" y=\"34\" width=\"{F(x2 - x1)}\" height=\"{F(bottom - 34)}\" fill=\"{fill}\" opacity=\"0.8\" data-date=\"{Iso(from)}\"/>"
                + (label.Length * 6 > x2 - x1 - 6 && label.Length * 6 < x1 - Left
                    ? $"<text x=\"{F(x1 - 3)}\" y=\"48\" font-size=\"11\" text-anchor=\"end\">{E(label)} →</text></g>\n"
                    : $"<text x=\"{F(x1 + 3)}\" y=\"48\" font-size=\"11\">{E(Fit(label, x2 - x1 - 6, 6))}</text></g>\n"));
        }

        // Ticks and the axis: days, weeks or months, as the span needs.
        var (days, months) = (Period.DaysBetween(start, end), Math.Max(1, ((end.Year - start.Year) * 12) + end.Month - start.Month));
        var monthly = days >= 62;
        for (var tick = monthly ? PlusMonths(new LocalDate(start.Year, start.Month, 1), 1) : PlusDays(start, 1); tick < end; tick = monthly ? PlusMonths(tick, Math.Max(1, months / 12)) : PlusDays(tick, days < 14 ? 1 : 7))
        {
            o.Write($"<line x1=\"{F(X(tick))}\" y1=\"{F(Top)}\" x2=\"{F(X(tick))}\" y2=\"{F(bottom + 4)}\" stroke=\"#ddd\" data-date=\"{Iso(tick)}\"/><text x=\"{F(X(tick))}\" y=\"{F(bottom + 16)}\" text-anchor=\"middle\" font-size=\"11\">{tick.ToString(monthly ? "yyyy-MM" : "MM-dd", CultureInfo.InvariantCulture)}</text>\n");
        }

        // Lanes: occupied spans with the occupant, vacant ones hatched and billed, the end of a deleted seat.
        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = lanes[i];
            var y = Top + (i * LaneHeight);
            o.Write($"<g class=\"lane\" data-seat=\"{E(lane.Seat)}\"><line x1=\"0\" y1=\"{F(y)}\" x2=\"{F(Width)}\" y2=\"{F(y)}\" stroke=\"#ccc\"/><text x=\"8\" y=\"{F(y + 34)}\" font-weight=\"bold\">{E(Fit(lane.Seat, 90, 7.5))}</text>"
                + $"<text x=\"8\" y=\"{F(y + 16)}\" font-size=\"10\" fill=\"#555\">{(lane.Never ? "no such seat" : lane.Deleted is { } d ? (lane.Scheduled ? "last day " : "deleted ") + Iso(d.On) : "seat")}</text></g>\n");
            var until = lane.Deleted?.On ?? end;
            for (var k = 0; k < lane.Changes.Count; k++)
            {
                var (from, who) = lane.Changes[k];
                var to = k + 1 < lane.Changes.Count ? lane.Changes[k + 1].From : until;
                var (x1, x2) = (X(from), X(to));
                if (x2 - x1 < 0.5)
                {
                    continue;
                }

                var text = who ?? "vacant · billed";
                o.Write($"<g><title>{E(lane.Seat)}: {E(who is null ? "vacant, still billed" : "occupied by " + who)} from {Iso(LocalDate.Max(from, start))} to {Iso(PlusDays(to, -1))}</title>"
                    + $"<rect x=\"{F(x1)}\" y=\"{F(y + 20)}\" width=\"{F(x2 - x1)}\" height=\"20\" fill=\"{(who is null ? $"url(#{id}-hatch)" : "#cfe0f3")}\" stroke=\"{(who is null ? "#888" : "#4c78a8")}\" data-date=\"{Iso(LocalDate.Max(from, start))}\"/>"
                    + $"<text x=\"{F(x1 + 4)}\" y=\"{F(y + 34)}\"{(who is null ? " font-style=\"italic\"" : string.Empty)}>{E(Fit(text, x2 - x1 - 8, 6.5))}</text></g>\n");
            }

            if (lane.Deleted is { } gone)
            {
                var x = X(gone.On);
                var how = lane.Scheduled ? $"scheduled deletion: last day {Iso(gone.On)}" : $"deleted on {Iso(gone.On)}";
                o.Write($"<g><title>{E(lane.Seat)} {how}; off the bill from {Iso(gone.OffBill)}</title><line x1=\"{F(x)}\" y1=\"{F(y + 16)}\" x2=\"{F(x)}\" y2=\"{F(y + 44)}\" stroke=\"#000\" stroke-width=\"3\"/>"
                    + $"<text x=\"{F(Math.Min(x + 4, Right - 60))}\" y=\"{F(y + 34)}\" font-weight=\"bold\">{(lane.Scheduled ? "✕ last day" : "✕ deleted")}</text></g>\n");
            }
        }

        // Plan changes (rulebook §13) on the seat's lane: an upgrade or a same-price move on its day, a downgrade on
        // the bill date it takes effect (dashed while still pending), unless a cancel or a later change ended it.
        foreach (var change in account.History)
        {
            var (on, from, to, how) = change switch
            {
                PlanUpgraded upgraded => (account.LocalDateOf(upgraded.At), upgraded.From, upgraded.To, $"upgrade, charged {upgraded.Charge.Amount}"),
                PlanChanged changed => (account.LocalDateOf(changed.At), changed.From, changed.To, "same price, nothing charged"),
                DowngradeScheduled downgrade when account.FindSeat(downgrade.Seat, downgrade.Effective)?.Plan == downgrade.To || account.PendingChangeOf(downgrade.Seat) == downgrade.Pending
                    => (downgrade.Effective, downgrade.From, downgrade.To, $"downgrade scheduled on {Iso(account.LocalDateOf(downgrade.At))}"),
                _ => (default(LocalDate), null, null, null),
            };
            var lane = lanes.FindIndex(l => l.Seat == change.Seat.Value);
            if (to is null || lane < 0 || on < start || on > end)
            {
                continue;
            }

            var (x, y) = (X(on), Top + (lane * LaneHeight));
            var pending = change is DowngradeScheduled && account.PendingChangeOf(change.Seat) is { Change: ScheduledChange.ChangePlan };
            o.Write($"<g class=\"plan-change\" data-plan-seat=\"{E(change.Seat.Value)}\"><title>{E(change.Seat.Value)}: plan {E(from!)} → {E(to)} from {Iso(on)} ({E(how!)})</title>"
                + $"<line x1=\"{F(x)}\" y1=\"{F(y + 18)}\" x2=\"{F(x)}\" y2=\"{F(y + 42)}\" stroke=\"#6a1b9a\" stroke-width=\"2\" data-date=\"{Iso(on)}\"{(pending ? " stroke-dasharray=\"3 2\"" : string.Empty)}/>"
                + $"<text x=\"{F(Math.Min(x + 3, Right - 60))}\" y=\"{F(y + 52)}\" font-size=\"10\" fill=\"#6a1b9a\">→ {E(Fit(to, 80, 6))}</text></g>\n");
        }

        // Bills: a line per bill date labelled with the invoice's total (the next one dashed); add charges on their day.
        var bills = report.Run.Invoices.Where(i => i.Kind == InvoiceKind.Bill).Select(i => (Invoice: i, Next: false)).Append((report.Run.NextBill, true)).ToList();
        for (var b = 0; b < bills.Count; b++)
        {
            var (bill, next) = bills[b];
            var x = X(bill.Date);
            var anchor = x > Right - 40 ? "end" : x < Left + 40 ? "start" : "middle";
            o.Write($"<g><title>{(next ? "next bill (preview)" : "bill")} {Iso(bill.Date)}: {E(bill.Total.ToString())} {E(bill.Currency.Code)}</title><line x1=\"{F(x)}\" y1=\"{F(b % 2 == 0 ? 16 : 30)}\" x2=\"{F(x)}\" y2=\"{F(bottom)}\" stroke=\"#333\"{(next ? " stroke-dasharray=\"5 3\"" : string.Empty)} data-date=\"{Iso(bill.Date)}\"/>"
                + $"<text x=\"{F(x)}\" y=\"{F(b % 2 == 0 ? 12 : 26)}\" text-anchor=\"{anchor}\" font-size=\"11\">{(next ? "next " : string.Empty)}{E(bill.Total.ToString())}</text></g>\n");
        }

        var adds = report.Run.Invoices.Append(report.Run.NextBill).SelectMany(i => i.Lines).Where(l => l.Kind is InvoiceLineKind.Add or InvoiceLineKind.Upgrade && l.AddedOn is not null);
        foreach (var add in adds)
        {
            var lane = lanes.FindIndex(l => l.Seat == add.Seat.Value);
            var x = X(add.AddedOn!.Value);
            o.Write($"<text x=\"{F(Math.Min(x + 24, Right - 50))}\" y=\"{F(Top + (Math.Max(0, lane) * LaneHeight) + 15)}\" font-size=\"11\" fill=\"#1b5e20\"><title>{(add.Kind == InvoiceLineKind.Upgrade ? "upgrade" : "add")} charge {E(add.Amount.ToString())}: {E(add.Explain())}</title>+{E(add.Amount.ToString())}</text>\n");
        }

        // Commands: a circle when accepted, a diamond when refused, hollow for a replay; same-day markers side by side.
        var stacked = new Dictionary<(string, LocalDate), int>();
        foreach (var r in report.Run.Results)
        {
            var lane = lanes.FindIndex(l => l.Seat == (r.Seat?.Value ?? "(no seat)"));
            var key = (lanes[lane].Seat, r.Date);
            var k = stacked[key] = stacked.GetValueOrDefault(key) + 1;
            var (x, y) = (Math.Min(X(r.Date) + ((k - 1) * 10), Right - 6), Top + (lane * LaneHeight) + 11);
            var (fill, stroke) = r.Outcome.IsAccepted ? ("#2e7d32", "#1b5e20") : ("#c62828", "#7f0000");
            var tip = $"<title>{E(r.Command.Id.ToString())} {Iso(r.Date)}: {E(Outcome(r))}, {(r.Outcome.IsAccepted ? "accepted" : "refused")}; charge {E(r.Charge.ToString())}. {E(r.Outcome.Case.Describe())}</title>";
            var paint = $"fill=\"{(r.Replayed ? "#fff" : fill)}\" stroke=\"{stroke}\" stroke-width=\"1.5\" class=\"{(r.Outcome.IsAccepted ? "accepted" : "refused")}\"";
            o.Write(r.Outcome.IsAccepted
                ? $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"5\" {paint}>{tip}</circle>\n"
                : $"<polygon points=\"{F(x)},{F(y - 6)} {F(x + 6)},{F(y)} {F(x)},{F(y + 6)} {F(x - 6)},{F(y)}\" {paint}>{tip}</polygon>\n");
        }

        // The legend.
        var ly = bottom + 40;
        o.Write($"<g class=\"legend\" font-size=\"11\"><rect x=\"{F(Left)}\" y=\"{F(ly - 10)}\" width=\"24\" height=\"12\" fill=\"#cfe0f3\" stroke=\"#4c78a8\"/><text x=\"{F(Left + 30)}\" y=\"{F(ly)}\">occupied (occupant)</text>"
            + $"<rect x=\"{F(Left + 150)}\" y=\"{F(ly - 10)}\" width=\"24\" height=\"12\" fill=\"url(#{id}-hatch)\" stroke=\"#888\"/><text x=\"{F(Left + 180)}\" y=\"{F(ly)}\">vacant, billed</text>"
            + $"<circle cx=\"{F(Left + 285)}\" cy=\"{F(ly - 4)}\" r=\"5\" fill=\"#2e7d32\"/><text x=\"{F(Left + 295)}\" y=\"{F(ly)}\">accepted</text>"
            + $"<polygon points=\"{F(Left + 365)},{F(ly - 10)} {F(Left + 371)},{F(ly - 4)} {F(Left + 365)},{F(ly + 2)} {F(Left + 359)},{F(ly - 4)}\" fill=\"#c62828\"/><text x=\"{F(Left + 376)}\" y=\"{F(ly)}\">refused</text>"
            + $"<circle cx=\"{F(Left + 440)}\" cy=\"{F(ly - 4)}\" r=\"5\" fill=\"#fff\" stroke=\"#1b5e20\"/><text x=\"{F(Left + 450)}\" y=\"{F(ly)}\">replay</text>"
            + $"<line x1=\"{F(Left + 505)}\" y1=\"{F(ly - 12)}\" x2=\"{F(Left + 505)}\" y2=\"{F(ly + 2)}\" stroke=\"#333\"/><text x=\"{F(Left + 511)}\" y=\"{F(ly)}\">bill (total; dashed: next)</text>"
            + $"<line x1=\"{F(Left + 665)}\" y1=\"{F(ly - 12)}\" x2=\"{F(Left + 665)}\" y2=\"{F(ly + 2)}\" stroke=\"#000\" stroke-width=\"3\"/><text x=\"{F(Left + 671)}\" y=\"{F(ly)}\">✕ seat deleted</text>"
            + $"<text x=\"{F(Left + 770)}\" y=\"{F(ly)}\" fill=\"#1b5e20\">+ add charge</text>"
            + $"<rect x=\"{F(Left + 880)}\" y=\"{F(ly - 10)}\" width=\"24\" height=\"12\" fill=\"url(#{id}-dots)\"/><text x=\"{F(Left + 910)}\" y=\"{F(ly)}\">deletion allowed</text></g>\n</svg>\n");
    }

    /// <summary>Shortens <paramref name="text"/> with an ellipsis to about <paramref name="width"/> px at <paramref name="perChar"/> px a character.</summary>
    private static string Fit(string text, double width, double perChar)
    {
        var room = (int)Math.Floor(width / perChar);
        return room >= text.Length ? text : room < 2 ? string.Empty : text[..(room - 1)] + "…";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A date moved by days for drawing, held within the years NodaTime supports (a timeline at the end of time stops there).</summary>
    private static LocalDate PlusDays(LocalDate date, int days)
    {
        var room = days < 0 ? Period.DaysBetween(date, LocalDate.MinIsoValue) : Period.DaysBetween(date, LocalDate.MaxIsoValue);
        return date.PlusDays(days < 0 ? Math.Max(days, room) : Math.Min(days, room));
    }

    /// <summary>A date moved by months for drawing, held within the years NodaTime supports.</summary>
    private static LocalDate PlusMonths(LocalDate date, int months) =>
        ((LocalDate.MaxIsoValue.Year - date.Year) * 12) + (12 - date.Month) < months ? LocalDate.MaxIsoValue : date.PlusMonths(months);

    /// <summary>One seat's lane: its changes of occupant (null: vacant) from their local dates, and its deletion.</summary>
    private sealed record Lane(string Seat, List<(LocalDate From, string? Who)> Changes)
    {
        public (LocalDate On, LocalDate OffBill)? Deleted { get; init; }

        /// <summary>Whether the deletion was scheduled (its <see cref="Deleted"/> date is the seat's last day).</summary>
        public bool Scheduled { get; init; }

        public bool Never { get; init; }
    }
}
