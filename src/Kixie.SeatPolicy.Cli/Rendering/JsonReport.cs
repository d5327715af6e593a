using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kixie.SeatPolicy.Cli.Scenarios;
using NodaTime.Text;

namespace Kixie.SeatPolicy.Cli.Rendering;

/// <summary>
/// The <c>--format json</c> output, exactly as <c>docs/scenario-format.md</c> gives it: results, account,
/// nextBill, invoices, totals. Indented, with "×", "→" and "…" written as characters.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one report as a JSON object, followed by a line feed.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write (UTF-8).</param>
    public static void Write(SimulationReport report, Stream output)
    {
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            WriteReport(writer, report);
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>Writes several reports as <c>{"scenarios":[{"title":…,"report":{…}}, …]}</c> (the demo).</summary>
    /// <param name="reports">The reports.</param>
    /// <param name="output">Where to write (UTF-8).</param>
    public static void WriteMany(IEnumerable<SimulationReport> reports, Stream output)
    {
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("scenarios");
            foreach (var report in reports)
            {
                writer.WriteStartObject();
                writer.WriteString("title", report.Title);
                writer.WritePropertyName("report");
                WriteReport(writer, report);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteReport(Utf8JsonWriter writer, SimulationReport report)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("results");
        foreach (var result in report.Run.Results)
        {
            writer.WriteStartObject();
            writer.WriteString("id", result.Command.Id.ToString());
            writer.WriteString("outcome", result.Outcome.Kind.ToString());
            writer.WriteString("seat", result.Seat?.Value);
            writer.WriteString("charge", result.Charge.ToString());
            writer.WriteBoolean("replayed", result.Replayed);
            writer.WriteString("detail", result.Outcome.Case.Describe());
            if (result.Outcome.Case is DeletionBlocked blocked)
            {
                writer.WriteString("allowedFrom", LocalDatePattern.Iso.Format(blocked.AllowedFrom));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("account");
        writer.WriteNumber("version", report.Run.Account.Version);
        writer.WriteStartArray("seats");
        foreach (var seat in report.Run.Account.ListSeats())
        {
            writer.WriteStartObject();
            writer.WriteString("seat", seat.Id.Value);
            writer.WriteString("status", seat.IsOccupied ? "Occupied" : "Vacant");
            if (seat.Occupant is { } occupant)
            {
                writer.WriteString("email", occupant.Email);
                writer.WriteString("role", occupant.Role.ToString());
            }
            else
            {
                writer.WriteString("role", seat.LastRole.ToString());
            }
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("nextBill");
        writer.WriteString("date", LocalDatePattern.Iso.Format(report.Run.NextBill.Date));
        writer.WriteNumber("seats", report.Run.NextBill.SeatLineCount);
        writer.WriteString("total", report.Run.NextBill.Total.ToString());
        writer.WriteEndObject();

        writer.WriteStartArray("invoices");
        foreach (var invoice in report.Run.Invoices)
        {
            writer.WriteStartObject();
            writer.WriteString("date", LocalDatePattern.Iso.Format(invoice.Date));
            writer.WriteString("kind", invoice.Kind.ToString());
            writer.WriteString("total", invoice.Total.ToString());
            writer.WriteStartArray("lines");
            foreach (var line in invoice.Lines)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", line.Kind.ToString());
                writer.WriteString("seat", line.Seat.Value);
                writer.WriteString("amount", line.Amount.ToString());
                writer.WriteString("detail", line.Explain());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("totals");
        writer.WriteString("charged", report.Run.Charged.ToString());
        writer.WriteString("refunded", report.Run.Refunded.ToString());
        writer.WriteEndObject();

        writer.WriteEndObject();
    }
}
