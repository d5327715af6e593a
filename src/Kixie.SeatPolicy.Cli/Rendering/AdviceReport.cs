using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime.Text;

namespace Kixie.SeatPolicy.Cli.Rendering;

/// <summary>
/// <c>seatpolicy advise</c>'s output (rulebook §11): the JSON of <c>docs/scenario-format.md</c>, or a table
/// a person reads at a glance: the plans in rank order, their totals and savings, what each loses, and
/// why an infeasible plan is infeasible. The advice is the library's; nothing is decided here.
/// </summary>
internal static class AdviceReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    /// <summary>Writes the advice as the format spec's JSON.</summary>
    /// <param name="advice">The advice.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteJson(TurnoverAdvice advice, Stream output)
    {
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("seat", advice.Seat.Value);
            writer.WriteString("from", LocalDatePattern.Iso.Format(advice.From));
            writer.WriteString("until", LocalDatePattern.Iso.Format(advice.Until));
            if (advice.Recommended is { } recommended)
            {
                writer.WriteString("recommended", recommended.Kind.ToString());
            }
            else
            {
                writer.WriteNull("recommended");
            }

            writer.WriteStartArray("plans");
            foreach (var plan in advice.Plans)
            {
                writer.WriteStartObject();
                writer.WriteString("plan", plan.Kind.ToString());
                writer.WriteBoolean("feasible", plan.IsFeasible);
                if (plan.Total is { } total && plan.Saving is { } saving)
                {
                    writer.WriteString("total", total.ToString());
                    writer.WriteString("saving", saving.ToString());
                }

                writer.WriteBoolean("keepsAssets", plan.KeepsAssets);
                if (plan.BlockedBy is { } blockedBy)
                {
                    writer.WriteString("blockedBy", blockedBy.Kind.ToString());
                }

                writer.WriteStartArray("steps");
                foreach (var step in plan.Steps)
                {
                    writer.WriteStartObject();
                    writer.WriteString("at", InstantPattern.ExtendedIso.Format(step.Command.At));
                    writer.WriteString("type", step.Command.GetType().Name);
                    writer.WriteString("actor", step.Command.Actor.ToString());
                    writer.WriteString("outcome", step.Outcome.Kind.ToString());
                    writer.WriteString("charge", step.Outcome.ChargedAmount(advice.Currency).ToString());
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>Writes the advice as a table.</summary>
    /// <param name="advice">The advice.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteTable(TurnoverAdvice advice, TextWriter output)
    {
        var hire = advice.Hire is { } at ? $", hire {InstantPattern.ExtendedIso.Format(at)}" : ", no hire";
        output.WriteLine($"Advice for seat {advice.Seat}: leaves {InstantPattern.ExtendedIso.Format(advice.Leaves)}{hire}");
        output.WriteLine($"Totals: invoices dated {LocalDatePattern.Iso.Format(advice.From)}..{LocalDatePattern.Iso.Format(advice.Until)} ({advice.Currency.Code})");
        output.WriteLine($"Recommended: {(advice.Recommended is { } best ? best.Kind.ToString() : "none (no plan is feasible)")}");
        output.WriteLine();
        var width = Math.Max(6, advice.Plans.Max(plan => plan.Total?.ToString().Length ?? 1)) + 2;
        output.WriteLine($"{"plan",-16}{"total".PadLeft(width)}{"saving".PadLeft(width)}  loses");
        foreach (var plan in advice.Plans)
        {
            var loses = plan.KeepsAssets ? "nothing: the seat keeps its number, caller ID, ring groups, devices" : "the seat's direct number, caller ID, ring groups, devices";
            output.WriteLine($"{plan.Kind,-16}{(plan.Total?.ToString() ?? "-").PadLeft(width)}{(plan.Saving?.ToString() ?? "-").PadLeft(width)}  {loses}");
            if (plan.BlockedBy is { } blockedBy)
            {
                output.WriteLine($"  infeasible: {blockedBy}");
            }

            foreach (var step in plan.Steps)
            {
                var charge = step.Outcome.ChargedAmount(advice.Currency);
                output.WriteLine($"  {InstantPattern.ExtendedIso.Format(step.Command.At)}  {step.Command.GetType().Name,-15} by {step.Command.Actor}: {step.Outcome.Kind}{(charge.IsZero ? string.Empty : $" {charge}")}");
            }
        }
    }
}
