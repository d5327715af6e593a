using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using static Kixie.SeatPolicy.Cli.Rendering.ReportText;

namespace Kixie.SeatPolicy.Cli.Rendering;

/// <summary>
/// <c>seatpolicy advise</c>'s output (rulebook §11): the JSON of <c>docs/scenario-format.md</c>, or a table
/// a person reads at a glance: the plans in rank order, their totals and savings, what each loses, and
/// why an infeasible plan is infeasible. The advice is the library's; nothing is decided here.
/// </summary>
internal static class AdviceReport
{
    /// <summary>As it always was: camelCase, indented, with the default (escaping) encoder.</summary>
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the advice as the format spec's JSON.</summary>
    public static void WriteJson(TurnoverAdvice advice, Stream output)
    {
        var plans = advice.Plans.Select(plan => new PlanView(
            plan.Kind.ToString(),
            plan.IsFeasible,
            plan.Saving is null ? null : plan.Total?.ToString(),
            plan.Total is null ? null : plan.Saving?.ToString(),
            plan.KeepsAssets,
            plan.BlockedBy?.Kind.ToString(),
            [.. plan.Steps.Select(step => StepOf(step, advice.Currency))]));
        var recommended = advice.Recommended?.Kind.ToString();
        var document = new Advice(advice.Seat.Value, Iso(advice.From), Iso(advice.Until), recommended, [.. plans]);
        JsonReport.WriteDocument(document, output, Options);
    }

    private static Step StepOf(AdviceStep step, Currency currency) => new(
        Iso(step.Command.At),
        step.Command.GetType().Name,
        step.Command.Actor.ToString(),
        step.Outcome.Kind.ToString(),
        step.Outcome.ChargedAmount(currency).ToString());

    /// <summary>Writes the advice as a table.</summary>
    public static void WriteTable(TurnoverAdvice advice, TextWriter output)
    {
        var hire = advice.Hire is { } at ? $", hire {Iso(at)}" : ", no hire";
        output.WriteLine($"Advice for seat {advice.Seat}: leaves {Iso(advice.Leaves)}{hire}");
        output.WriteLine($"Totals: invoices dated {Iso(advice.From)}..{Iso(advice.Until)} ({advice.Currency.Code})");
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
                output.WriteLine($"  {Iso(step.Command.At)}  {step.Command.GetType().Name,-15} by {step.Command.Actor}: {step.Outcome.Kind}{(charge.IsZero ? string.Empty : $" {charge}")}");
            }
        }
    }

    private sealed record Advice(string Seat, string From, string Until, string? Recommended, ImmutableArray<PlanView> Plans);

    private sealed record PlanView(
        string Plan,
        bool Feasible,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Total,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Saving,
        bool KeepsAssets,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BlockedBy,
        ImmutableArray<Step> Steps);

    private sealed record Step(string At, string Type, string Actor, string Outcome, string Charge);
}
