using System.Collections.Immutable;
using System.IO;
using System.Linq;

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

    /// <summary>Writes the charges (one per convention of <see cref="Conventions"/>) as aligned rows: convention, charge, arithmetic.</summary>
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

    /// <summary>Writes the charges as <c>{"charges":[{"convention","charge","currency","detail"}, …]}</c>.</summary>
    public static void WriteJson(ImmutableArray<ProratedCharge> charges, Stream output) => JsonReport.WriteDocument(
        new { Charges = charges.Select(charge => new { Convention = charge.Convention.Name, Charge = charge.Amount.ToString(), Currency = charge.Amount.Currency.Code, Detail = charge.Explain() }) },
        output);
}
