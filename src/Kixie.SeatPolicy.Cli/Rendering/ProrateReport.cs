using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kixie.SeatPolicy.Cli.Rendering;

/// <summary>
/// <c>seatpolicy prorate</c>: one add charged under every convention side by side (rulebook §5,
/// docs/conventions.md), each with the library's own arithmetic.
/// </summary>
internal static class ProrateReport
{
    /// <summary>The conventions compared, in the order printed.</summary>
    public static ImmutableArray<ProrationConvention> Conventions { get; } =
    [
        ProrationConvention.Default,
        new() { DayCount = DayCount.Thirty360 },
        new() { Granularity = ProrationGranularity.Second },
        ProrationConvention.KillBill,
        ProrationConvention.Lago,
    ];

    /// <summary>Writes the charges as aligned rows: convention, charge, arithmetic.</summary>
    /// <param name="charges">One charge per convention of <see cref="Conventions"/>.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteTable(ImmutableArray<ProratedCharge> charges, TextWriter output)
    {
        var nameWidth = charges.Max(charge => charge.Convention.Name.Length);
        var amountWidth = charges.Max(charge => charge.Amount.ToString().Length);
        output.WriteLine($"{"CONVENTION".PadRight(nameWidth)}  {"CHARGE".PadLeft(amountWidth)}  ARITHMETIC");
        foreach (var charge in charges)
        {
            output.WriteLine($"{charge.Convention.Name.PadRight(nameWidth)}  {charge.Amount.ToString().PadLeft(amountWidth)}  {charge.Explain()}");
        }
    }

    /// <summary>Writes <c>{"charges":[{"convention","charge","currency","detail"}, …]}</c>.</summary>
    /// <param name="charges">One charge per convention of <see cref="Conventions"/>.</param>
    /// <param name="output">Where to write (UTF-8).</param>
    public static void WriteJson(ImmutableArray<ProratedCharge> charges, Stream output)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("charges");
            foreach (var charge in charges)
            {
                writer.WriteStartObject();
                writer.WriteString("convention", charge.Convention.Name);
                writer.WriteString("charge", charge.Amount.ToString());
                writer.WriteString("currency", charge.Amount.Currency.Code);
                writer.WriteString("detail", charge.Explain());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
