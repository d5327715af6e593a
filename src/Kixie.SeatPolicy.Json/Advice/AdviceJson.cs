using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// <see cref="TurnoverAdvice"/> as
/// <c>{"seat":"s2","leaves":"…Z","from":"…","until":"…","hire":"…Z"?,"currency":"USD","recommended":"HoldAndReplace"|null,"plans":[…]}</c>;
/// a plan as <c>{"plan":"…","feasible":true,"total":{money}?,"saving":{money}?,"keepsAssets":true,"blockedBy":{outcome}?,"steps":[…]}</c>;
/// a step as <c>{"command":{command},"decision":{decision}}</c>. Written, never read, like a <see cref="Decision"/>.
/// </summary>
internal static class AdviceJson
{
    public static void Write(Utf8JsonWriter writer, TurnoverAdvice value)
    {
        writer.WriteStartObject();
        writer.WriteString("seat", value.Seat.Value);
        writer.WriteInstant("leaves", value.Leaves);
        writer.WriteDate("from", value.From);
        writer.WriteDate("until", value.Until);
        if (value.Hire is { } hire)
        {
            writer.WriteInstant("hire", hire);
        }

        writer.WriteString("currency", value.Currency.Code);
        writer.WritePropertyName("recommended");
        if (value.Recommended is { } recommended)
        {
            writer.WriteEnumValue(recommended.Kind);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteStartArray("plans");
        foreach (var plan in value.Plans)
        {
            WritePlan(writer, plan);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WritePlan(Utf8JsonWriter writer, AdvicePlan value)
    {
        writer.WriteStartObject();
        writer.WriteEnum("plan", value.Kind);
        writer.WriteBoolean("feasible", value.IsFeasible);
        if (value.Total is { } total)
        {
            writer.WriteValue("total", total, MoneyJson.Write);
        }

        if (value.Saving is { } saving)
        {
            writer.WriteValue("saving", saving, MoneyJson.Write);
        }

        writer.WriteBoolean("keepsAssets", value.KeepsAssets);
        writer.WriteOptionalObject("blockedBy", value.BlockedBy, OutcomeJson.WriteOutcome);
        writer.WriteStartArray("steps");
        foreach (var step in value.Steps)
        {
            WriteStep(writer, step);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteStep(Utf8JsonWriter writer, AdviceStep value)
    {
        writer.WriteStartObject();
        writer.WriteObject("command", value.Command, CommandJson.Write);
        writer.WriteObject("decision", value.Decision, DecisionJson.Write);
        writer.WriteEndObject();
    }

    /// <summary>Advice is the advisor's answer on one account: written for callers, never read back.</summary>
    public static TurnoverAdvice ReadAdvice(Node node) =>
        throw node.Fail("a TurnoverAdvice is written, never read: ask TurnoverAdvisor.Advise again");

    /// <summary>See <see cref="ReadAdvice"/>.</summary>
    public static AdvicePlan ReadPlan(Node node) =>
        throw node.Fail("an AdvicePlan is written, never read: ask TurnoverAdvisor.Advise again");

    /// <summary>See <see cref="ReadAdvice"/>.</summary>
    public static AdviceStep ReadStep(Node node) =>
        throw node.Fail("an AdviceStep is written, never read: ask TurnoverAdvisor.Advise again");
}
