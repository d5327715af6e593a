using System;
using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// The calendar values: <see cref="BillingCalendar"/> <c>{"cycle":"Monthly","anchor":"2026-01-31"}</c>,
/// <see cref="ProrationConvention"/> <c>{"granularity":"Day","dayCount":"Actual","rounding":"HalfAwayFromZero"}</c>,
/// <see cref="BillingPeriod"/> <c>{"index":2,"start":…,"end":…}</c>, <see cref="ProratedCharge"/> and
/// <see cref="ChargeIncurred"/>.
/// </summary>
internal static class CalendarJson
{
    private static readonly string[] CalendarNames = ["cycle", "anchor"];
    private const string PresetName = "convention";
    private static readonly string[] ConventionNames = ["granularity", "dayCount", "rounding", PresetName];
    private static readonly string[] PeriodNames = ["index", "start", "end"];
    private static readonly string[] ChargeNames = ["amount", "price", "period", "unitsRemaining", "unitsInPeriod", "convention", "explanation"];
    private static readonly string[] IncurredNames = ["seat", "proration"];

    public static void WriteCalendar(Utf8JsonWriter writer, BillingCalendar value)
    {
        writer.WriteStartObject();
        WriteCalendarMembers(writer, value);
        writer.WriteEndObject();
    }

    /// <summary>The calendar's members, for an object that holds more (an account's <c>billing</c>).</summary>
    public static void WriteCalendarMembers(Utf8JsonWriter writer, BillingCalendar value)
    {
        writer.WriteEnum("cycle", value.Cycle);
        writer.WriteDate("anchor", value.Anchor);
    }

    public static BillingCalendar ReadCalendar(Node node) => ReadCalendar(node, extraMember: null);

    /// <summary>A calendar from an object that may also hold <paramref name="extraMember"/> (read by the caller).</summary>
    public static BillingCalendar ReadCalendar(Node node, string? extraMember)
    {
        var calendar = extraMember is null
            ? node.Object("a billing calendar", CalendarNames)
            : node.Object("billing", [.. CalendarNames, extraMember]);
        var cycle = calendar.Required("cycle");
        var anchor = calendar.Required("anchor").LocalDate();
        try
        {
            return new BillingCalendar(cycle.Enum<BillingCycle>(), anchor);
        }
        catch (ValueRefusedException refused)
        {
            throw cycle.Fail(refused.Reason, refused);
        }
        catch (OverflowException exception)
        {
            throw calendar.Fail(exception.Message, exception);
        }
    }

    /// <summary>
    /// A convention: another engine's preset as <c>{"convention":"KillBill"}</c> alone, the standard rule
    /// as its granularity, day count and rounding.
    /// </summary>
    public static void WriteConvention(Utf8JsonWriter writer, ProrationConvention value)
    {
        writer.WriteStartObject();
        if (value.IsPreset)
        {
            writer.WriteEnum(PresetName, value.Engine);
        }
        else
        {
            writer.WriteEnum("granularity", value.Granularity);
            writer.WriteEnum("dayCount", value.DayCount);
            writer.WriteEnum("rounding", value.Rounding);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// A convention; every member is optional and defaults as <see cref="ProrationConvention.Default"/> does.
    /// <c>convention</c> names another engine's preset (<c>KillBill</c>, <c>Lago</c>) and replaces the
    /// other three, so it must come alone.
    /// </summary>
    public static ProrationConvention ReadConvention(Node node)
    {
        var convention = node.Object("a proration convention", ConventionNames);
        if (convention.Optional(PresetName) is { } preset)
        {
            var engine = preset.Enum<ProrationEngine>();
            foreach (var member in (ReadOnlySpan<string>)["granularity", "dayCount", "rounding"])
            {
                if (convention.Has(member))
                {
                    throw convention.FailAt(member, $"the convention {engine} replaces granularity, day count and rounding; give it alone");
                }
            }

            return ProrationConvention.For(engine);
        }

        return new ProrationConvention
        {
            Granularity = convention.Optional("granularity")?.Enum<ProrationGranularity>() ?? default,
            DayCount = convention.Optional("dayCount")?.Enum<DayCount>() ?? default,
            Rounding = convention.Optional("rounding")?.Enum<RoundingMode>() ?? default,
        };
    }

    public static void WritePeriod(Utf8JsonWriter writer, BillingPeriod value)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", value.Index);
        writer.WriteDate("start", value.Start);
        writer.WriteDate("end", value.End);
        writer.WriteEndObject();
    }

    public static BillingPeriod ReadPeriod(Node node)
    {
        var period = node.Object("a billing period", PeriodNames);
        var index = period.Required("index").Int64();
        var start = period.Required("start").LocalDate();
        var end = period.Required("end").LocalDate();
        try
        {
            return new BillingPeriod(index, start, end);
        }
        catch (ValueRefusedException refused)
        {
            throw period.FailAt(refused.Member, refused.Reason, refused);
        }
    }

    /// <summary>A charge with its arithmetic, and its <c>explanation</c> (written for people, ignored when read).</summary>
    public static void WriteCharge(Utf8JsonWriter writer, ProratedCharge value)
    {
        writer.WriteStartObject();
        writer.WriteValue("amount", value.Amount, MoneyJson.Write);
        writer.WriteValue("price", value.Price, MoneyJson.Write);
        writer.WriteValue("period", value.Period, WritePeriod);
        writer.WriteNumber("unitsRemaining", value.UnitsRemaining);
        writer.WriteNumber("unitsInPeriod", value.UnitsInPeriod);
        writer.WriteValue("convention", value.Convention, WriteConvention);
        writer.WriteOptionalString("explanation", Derived.Text(value.Explain));
        writer.WriteEndObject();
    }

    public static ProratedCharge ReadCharge(Node node)
    {
        var charge = node.Object("a prorated charge", ChargeNames);
        if (charge.Has("explanation"))
        {
            _ = charge.Required("explanation").StringOrNull();
        }

        var amount = MoneyJson.Read(charge.Required("amount"));
        var price = MoneyJson.Read(charge.Required("price"));
        var period = ReadPeriod(charge.Required("period"));
        var unitsRemaining = charge.Required("unitsRemaining").Int64();
        var unitsInPeriod = charge.Required("unitsInPeriod").Int64();
        var convention = ReadConvention(charge.Required("convention"));
        try
        {
            return ProratedCharge.Create(amount, price, period, unitsRemaining, unitsInPeriod, convention);
        }
        catch (ValueRefusedException refused)
        {
            throw charge.FailAt(refused.Member, refused.Reason, refused);
        }
    }

    public static void WriteIncurred(Utf8JsonWriter writer, ChargeIncurred value)
    {
        writer.WriteStartObject();
        writer.WriteSeatId("seat", value.Seat);
        writer.WriteValue("proration", value.Proration, WriteCharge);
        writer.WriteEndObject();
    }

    public static ChargeIncurred ReadIncurred(Node node)
    {
        var incurred = node.Object("a charge", IncurredNames);
        return new ChargeIncurred(
            IdsJson.ReadSeatId(incurred.Required("seat")),
            ReadCharge(incurred.Required("proration")));
    }
}
