using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// <see cref="Invoice"/> as <c>{"date","kind","currency","total","lines":[…]}</c>, the shape
/// <c>seatpolicy</c> prints with the invoice's currency and each line's facts added: amounts are text in
/// the invoice's currency (as an account's <c>seatPrice</c>); a seat line carries its <c>period</c>, an
/// add line its <c>command</c>, <c>addedOn</c> and <c>charge</c>, an upgrade line (rulebook §13) its
/// <c>command</c>, <c>upgradedOn</c> and <c>charge</c>. A line's <c>plan</c> is written when it is not
/// <see cref="Plan.Standard"/> (always on an upgrade line) and read as <see cref="Plan.Standard"/> when absent,
/// so invoices of accounts without plans keep their shape. <c>detail</c> (a line's explanation)
/// and <c>total</c> are written for people and checked, not trusted, when read.
/// </summary>
internal static class InvoiceJson
{
    private static readonly string[] InvoiceNames = ["date", "kind", "currency", "total", "lines"];
    private static readonly string[] SeatLineNames = ["kind", "seat", "plan", "amount", "detail", "period"];
    private static readonly string[] AddLineNames = ["kind", "seat", "plan", "amount", "detail", "command", "addedOn", "charge"];
    private static readonly string[] UpgradeLineNames = ["kind", "seat", "plan", "amount", "detail", "command", "upgradedOn", "charge"];

    public static void Write(Utf8JsonWriter writer, Invoice value)
    {
        writer.WriteStartObject();
        writer.WriteDate("date", value.Date);
        writer.WriteEnum("kind", value.Kind);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteString("total", value.Total.ToString());
        writer.WriteStartArray("lines");
        foreach (var line in value.Lines)
        {
            WriteLine(writer, line);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteLine(Utf8JsonWriter writer, InvoiceLine line)
    {
        writer.WriteStartObject();
        writer.WriteEnum("kind", line.Kind);
        writer.WriteSeatId("seat", line.Seat);
        if (line.Kind == InvoiceLineKind.Upgrade || line.Plan != Plan.Standard)
        {
            writer.WriteString("plan", line.Plan);
        }

        writer.WriteString("amount", line.Amount.ToString());
        writer.WriteString("detail", line.Explain());
        if (line.Charge is { } charge)
        {
            writer.WritePropertyName("command");
            IdsJson.WriteCommandId(writer, line.Command!.Value);
            writer.WriteDate(line.Kind == InvoiceLineKind.Upgrade ? "upgradedOn" : "addedOn", line.AddedOn!.Value);
            writer.WriteValue("charge", charge, CalendarJson.WriteCharge);
        }
        else
        {
            writer.WriteValue("period", line.Period, CalendarJson.WritePeriod);
        }

        writer.WriteEndObject();
    }

    public static Invoice Read(Node node)
    {
        var invoice = node.Object("an invoice", InvoiceNames);
        var date = invoice.Required("date").LocalDate();
        var kind = invoice.Required("kind").Enum<InvoiceKind>();
        var currency = MoneyJson.ReadCurrency(invoice.Required("currency"));
        var totalNode = invoice.Required("total");
        var total = MoneyJson.ReadAmount(totalNode, currency);
        var lines = invoice.Required("lines").Array(line => ReadLine(line, currency));
        var read = Invoice.Create(date, kind, currency, lines);
        return read.Total == total
            ? read
            : throw totalNode.Fail($"the lines add up to {read.Total}, not {total}");
    }

    private static InvoiceLine ReadLine(Node node, Currency currency)
    {
        var kind = node.Object().Required("kind").Enum<InvoiceLineKind>();
        var line = node.Object(
            "an invoice line",
            kind switch
            {
                InvoiceLineKind.Add => AddLineNames,
                InvoiceLineKind.Upgrade => UpgradeLineNames,
                _ => SeatLineNames,
            });
        if (line.Has("detail"))
        {
            _ = line.Required("detail").StringOrNull();
        }

        var seat = IdsJson.ReadSeatId(line.Required("seat"));
        var amountNode = line.Required("amount");
        var amount = MoneyJson.ReadAmount(amountNode, currency);
        var read = kind switch
        {
            InvoiceLineKind.Add => InvoiceLine.AddLine(
                seat,
                CalendarJson.ReadCharge(line.Required("charge")),
                line.Required("addedOn").LocalDate(),
                IdsJson.ReadCommandId(line.Required("command")),
                PlanOf(line)),
            InvoiceLineKind.Upgrade => InvoiceLine.UpgradeLine(
                seat,
                CalendarJson.ReadCharge(line.Required("charge")),
                line.Required("upgradedOn").LocalDate(),
                IdsJson.ReadCommandId(line.Required("command")),
                line.Required("plan").String()),
            _ => SeatLine(seat, amount, line),
        };
        return read.Amount == amount
            ? read
            : throw amountNode.Fail($"the line's facts charge {read.Amount}, not {amount}");
    }

    /// <summary>A seat or add line's plan: <see cref="Plan.Standard"/> when absent.</summary>
    private static string PlanOf(ObjectNode line) => line.Optional("plan")?.String() ?? Plan.Standard;

    private static InvoiceLine SeatLine(SeatId seat, Money amount, ObjectNode line)
    {
        try
        {
            return InvoiceLine.SeatLine(seat, amount, CalendarJson.ReadPeriod(line.Required("period")), PlanOf(line));
        }
        catch (ValueRefusedException refused)
        {
            throw line.FailAt("amount", refused.Reason, refused);
        }
    }
}
