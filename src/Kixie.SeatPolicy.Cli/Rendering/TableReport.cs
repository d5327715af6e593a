using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using static Kixie.SeatPolicy.Cli.Rendering.ReportText;

namespace Kixie.SeatPolicy.Cli.Rendering;

/// <summary>
/// The <c>--format table</c> output, for a person: the account's terms, one aligned line per command
/// (id, outcome, seat, charge, detail), the totals, the next bill and the final seats. The facts are
/// the JSON format's; colour only when asked for.
/// </summary>
internal static class TableReport
{
    /// <summary>Writes the rule between two parts of a page when <paramref name="between"/> (a part came before).</summary>
    public static void WriteRuleBetween(bool between, TextWriter output)
    {
        if (between)
        {
            output.WriteLine();
            output.WriteLine(new string('─', 72));
            output.WriteLine();
        }
    }

    /// <summary>Writes one report, in ANSI colours when <paramref name="colour"/>.</summary>
    public static void Write(SimulationReport report, TextWriter output, bool colour)
    {
        var paint = new Paint(colour);
        var account = report.Run.Account;
        var currency = account.Currency.Code;

        if (report.Title is { } title)
        {
            output.WriteLine(paint.Bold(title));
        }

        if (report.Description is { } description)
        {
            foreach (var line in Wrap(description, 100))
            {
                output.WriteLine(line);
            }
        }

        output.WriteLine(Terms(account));
        output.WriteLine();

        var rows = report.Run.Results
            .Select(result => new[]
            {
                result.Command.Id.Value is { Length: > 0 } id ? id : "\"\"",
                Outcome(result),
                result.Seat?.Value ?? "-",
                result.Charge.ToString(),
                result.Outcome.Case.Describe(),
            })
            .ToList();
        var header = new[] { "ID", "OUTCOME", "SEAT", "CHARGE", "DETAIL" };
        var rightAligned = new[] { false, false, false, true, false };
        var widths = Widths(header, rows);
        output.WriteLine(paint.Bold(Line(header, widths, rightAligned)));
        for (var i = 0; i < rows.Count; i++)
        {
            var result = report.Run.Results[i];
            output.WriteLine(Line(rows[i], widths, rightAligned, column => column == 1 ? paint.Outcome(result.Outcome, result.Replayed) : null));
        }

        if (rows.Count == 0)
        {
            output.WriteLine("(no commands)");
        }

        if (report.Run.Results.Any(result => result.Replayed))
        {
            output.WriteLine();
            output.WriteLine(paint.Dim("(replay) = a command id already accepted with the same content: its original outcome and charge, counted once in the totals."));
        }

        output.WriteLine();
        var amounts = new[] { report.Run.Charged.ToString(), report.Refunded.ToString() };
        var amountWidth = amounts.Max(amount => amount.Length);
        output.WriteLine($"Charged   {amounts[0].PadLeft(amountWidth)} {currency}");
        output.WriteLine($"Refunded  {amounts[1].PadLeft(amountWidth)} {currency}");
        var bill = report.Run.NextBill;
        var addLines = bill.Lines.Length - bill.SeatLineCount;
        output.WriteLine(
            paint.Bold($"Next bill {Iso(bill.Date)}: {Count(bill.SeatLineCount, "seat")}" + (account.Plans.Length == 1 && !account.Plans[0].HasLaterPrices ? $" × {account.SeatPrice}" : " on their plans")
                + (addLines > 0 ? $" + {Count(addLines, "add line")}" : string.Empty)
                + $" = {bill.Total} {currency}")
            + paint.Dim($" (as of {Iso(report.Run.BillAsOf)})"));
        output.WriteLine();

        WriteInvoices(report, output, paint);

        output.WriteLine($"Seats at version {account.Version.ToString(CultureInfo.InvariantCulture)}:");
        var seatRows = report.Standing
            .Select(seat => new[]
            {
                seat.Id.Value,
                Status(seat),
                seat.Occupant?.Name ?? "-",
                seat.Occupant?.Email ?? "-",
                SeatRole(seat),
                seat.Plan,
                string.Join("; ", new[] { seat.Assets.Describe(), report.PendingOf(seat) is { } pending ? $"pending: {pending.Describe()}" : string.Empty }.Where(part => part.Length > 0)),
            })
            .ToList();
        if (seatRows.Count == 0)
        {
            output.WriteLine("  (none)");
            return;
        }

        var (seatWidths, leftAligned) = (Widths(null, seatRows), new bool[seatRows[0].Length]);
        foreach (var row in seatRows)
        {
            output.WriteLine("  " + Line(row, seatWidths, leftAligned));
        }
    }

    /// <summary>The invoices of the scenario's dates: date, kind and total, then each line with its explanation.</summary>
    private static void WriteInvoices(SimulationReport report, TextWriter output, Paint paint)
    {
        if (report.Run.Invoices.IsEmpty)
        {
            return;
        }

        output.WriteLine($"Invoices {Iso(report.Run.Invoices[0].Date)}..{Iso(report.Run.BillAsOf)}:");
        var rows = new List<string[]>();
        foreach (var invoice in report.Run.Invoices)
        {
            rows.Add([Iso(invoice.Date), invoice.Kind.ToString(), string.Empty, invoice.Total.ToString(), string.Empty]);
            foreach (var line in invoice.Lines)
            {
                rows.Add([string.Empty, "  " + line.Kind, line.Seat.Value, line.Amount.ToString(), line.Explain()]);
            }
        }

        var widths = Widths(null, rows);
        var rightAligned = new[] { false, false, false, true, false };
        foreach (var row in rows)
        {
            var text = "  " + Line(row, widths, rightAligned);
            output.WriteLine(row[0].Length > 0 ? paint.Bold(text) : text);
        }

        output.WriteLine();
    }

    /// <summary>The text's words in lines of at most <paramref name="width"/> characters (a longer word alone on its line).</summary>
    private static IEnumerable<string> Wrap(string text, int width) =>
        Regex.Matches(string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)), $"[^ ](?s:.){{0,{width - 1}}}(?= |\\z)|[^ ]+").Select(line => line.Value);

    private static int[] Widths(string[]? header, List<string[]> rows)
    {
        var columns = header?.Length ?? rows.Max(row => row.Length);
        var widths = new int[columns];
        foreach (var row in header is null ? rows : rows.Prepend(header))
        {
            for (var i = 0; i < columns; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        return widths;
    }

    /// <summary>One aligned line; the last column is not padded. <paramref name="style"/> may colour a cell after it is padded.</summary>
    private static string Line(string[] cells, int[] widths, bool[] rightAligned, Func<int, Func<string, string>?>? style = null)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            var last = i == cells.Length - 1;
            var cell = last && !rightAligned[i] ? cells[i] : rightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]);
            line.Append(style?.Invoke(i) is { } paint ? paint(cell) : cell);
            if (!last)
            {
                line.Append("  ");
            }
        }

        return line.ToString().TrimEnd();
    }

    /// <summary>ANSI styling, or none.</summary>
    private readonly struct Paint(bool enabled)
    {
        public string Bold(string text) => Wrap("1", text);

        public string Dim(string text) => Wrap("2", text);

        /// <summary>Accepted changes green, deletion refusals yellow, guards red; replays dimmed.</summary>
        public Func<string, string> Outcome(TurnoverOutcome outcome, bool replayed)
        {
            var code = outcome.Kind switch
            {
                _ when outcome.IsAccepted => "32",
                OutcomeKind.DeletionBlocked or OutcomeKind.DeletionRequiresSupport => "33",
                _ => "31",
            };
            var self = this;
            return text => self.Wrap(replayed ? code + ";2" : code, text);
        }

        private string Wrap(string code, string text) =>
            enabled && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
    }
}
