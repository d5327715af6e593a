using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using static Kixie.SeatPolicy.Cli.Rendering.ReportText;

namespace Kixie.SeatPolicy.Cli.Rendering;

/// <summary>
/// The <c>--format json</c> output, exactly as <c>docs/scenario-format.md</c> gives it: results, account,
/// nextBill, invoices, totals. Indented, with "×", "→" and "…" written as characters. The records below
/// are that shape, property by property, in order.
/// </summary>
internal static class JsonReport
{
    /// <summary>How the tool writes JSON: camelCase, indented, non-ASCII text as characters.</summary>
    public static JsonSerializerOptions Relaxed { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes one report as a JSON object, or several (the demo's, <paramref name="many"/>) as
    /// <c>{"scenarios":[{"title":…,"report":{…}}, …]}</c>, followed by a line feed.
    /// </summary>
    public static void Write(IReadOnlyList<SimulationReport> reports, bool many, Stream output) => WriteDocument<object>(
        many ? new Many([.. reports.Select(report => new Titled(report.Title, View(report)))]) : View(reports[0]),
        output);

    /// <summary>Writes <paramref name="document"/> with <paramref name="options"/> (<see cref="Relaxed"/> when null), followed by a line feed.</summary>
    public static void WriteDocument<T>(T document, Stream output, JsonSerializerOptions? options = null)
    {
        JsonSerializer.Serialize(output, document, options ?? Relaxed);
        output.WriteByte((byte)'\n');
    }

    private static Report View(SimulationReport report) => View(report, report.Run, report.Standing, report.Refunded);

    private static Report View(SimulationReport report, CommandRun run, ImmutableArray<Seat> standing, Money refunded) => new(
        [.. run.Results.Select(ResultOf)],
        new AccountView(run.Account.Version, [.. standing.Select(seat => SeatOf(report, seat))]),
        new Bill(Iso(run.NextBill.Date), run.NextBill.SeatLineCount, run.NextBill.Total.ToString()),
        [.. run.Invoices.Select(InvoiceOf)],
        new Totals(run.Charged.ToString(), refunded.ToString()));

    private static Result ResultOf(CommandResult result) => new(
        result.Command.Id.ToString(),
        result.Outcome.Kind.ToString(),
        result.Seat?.Value,
        result.Charge.ToString(),
        result.Replayed,
        result.Outcome.Case.Describe(),
        result.Outcome.Case switch
        {
            DeletionBlocked blocked => Iso(blocked.AllowedFrom),
            DowngradeBlocked blocked => Iso(blocked.AllowedFrom),
            _ => null,
        },
        result.Outcome.Case is DeletionScheduled scheduled ? Iso(scheduled.LastDay) : null,
        result.Outcome.Case is DowngradeScheduled downgrade ? Iso(downgrade.Effective) : null,
        result.Outcome.Case switch
        {
            DeletionScheduled { Replaced: { } replaced } => PendingOf(replaced),
            DowngradeScheduled { Replaced: { } replaced } => PendingOf(replaced),
            _ => null,
        });

    private static SeatView SeatOf(SimulationReport report, Seat seat) =>
        new(seat.Id.Value, Status(seat), seat.Occupant?.Email, SeatRole(seat), seat.Plan, report.PendingOf(seat) is { } pending ? PendingOf(pending) : null);

    private static PendingView PendingOf(PendingChange pending) => new(pending.Change.ToString(), Iso(pending.Date), pending.Plan);

    private static InvoiceView InvoiceOf(Invoice invoice) => new(
        Iso(invoice.Date),
        invoice.Kind.ToString(),
        invoice.Total.ToString(),
        [.. invoice.Lines.Select(line => new Line(line.Kind.ToString(), line.Seat.Value, line.Plan, line.Amount.ToString(), line.Explain()))]);

    private sealed record Many(ImmutableArray<Titled> Scenarios);

    private sealed record Titled(string? Title, Report Report);

    private sealed record Report(ImmutableArray<Result> Results, AccountView Account, Bill NextBill, ImmutableArray<InvoiceView> Invoices, Totals Totals);

    private sealed record Result(
        string Id,
        string Outcome,
        string? Seat,
        string Charge,
        bool Replayed,
        string Detail,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AllowedFrom,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastDay,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Effective,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PendingView? Replaced);

    private sealed record AccountView(long Version, ImmutableArray<SeatView> Seats);

    private sealed record SeatView(
        string Seat,
        string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
        string Role,
        string Plan,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PendingView? Pending);

    private sealed record PendingView(
        string Change,
        string Date,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Plan);

    private sealed record Bill(string Date, int Seats, string Total);

    private sealed record InvoiceView(string Date, string Kind, string Total, ImmutableArray<Line> Lines);

    private sealed record Line(string Kind, string Seat, string Plan, string Amount, string Detail);

    private sealed record Totals(string Charged, string Refunded);
}
