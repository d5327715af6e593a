using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// What an account tells about itself: <see cref="NextBill"/> <c>{"date":…,"seats":3,"seatPrice":{…},"total":{…}}</c>
/// and <see cref="FormerOccupant"/> <c>{"agent":{…},"seat":…,"how":"Replaced","at":…,"by":…,"command":…}</c>.
/// </summary>
internal static class AccountViewsJson
{
    private static readonly string[] BillNames = ["date", "seats", "seatPrice", "total"];
    private static readonly string[] FormerNames = ["agent", "seat", "how", "at", "by", "command"];

    public static void WriteNextBill(Utf8JsonWriter writer, NextBill value)
    {
        writer.WriteStartObject();
        writer.WriteDate("date", value.Date);
        writer.WriteNumber("seats", value.Seats);
        writer.WriteValue("seatPrice", value.SeatPrice, MoneyJson.Write);
        writer.WriteValue("total", value.Total, MoneyJson.Write);
        writer.WriteEndObject();
    }

    public static NextBill ReadNextBill(Node node)
    {
        var bill = node.Object("a next bill", BillNames);
        return new NextBill(
            bill.Required("date").LocalDate(),
            bill.Required("seats").Int32(),
            MoneyJson.Read(bill.Required("seatPrice")),
            MoneyJson.Read(bill.Required("total")));
    }

    public static void WriteFormerOccupant(Utf8JsonWriter writer, FormerOccupant value)
    {
        writer.WriteStartObject();
        writer.WriteObject("agent", value.Agent, AgentJson.WriteAgent);
        writer.WriteSeatId("seat", value.Seat);
        writer.WriteEnum("how", value.How);
        writer.WriteInstant("at", value.At);
        writer.WritePropertyName("by");
        IdsJson.WriteActor(writer, value.By);
        writer.WritePropertyName("command");
        IdsJson.WriteCommandId(writer, value.Command);
        writer.WriteEndObject();
    }

    public static FormerOccupant ReadFormerOccupant(Node node)
    {
        var former = node.Object("a former occupant", FormerNames);
        return new FormerOccupant(
            AgentJson.ReadAgent(former.Required("agent")),
            IdsJson.ReadSeatId(former.Required("seat")),
            former.Required("how").Enum<OutcomeKind>(),
            former.Required("at").Instant(),
            IdsJson.ReadActor(former.Required("by")),
            IdsJson.ReadCommandId(former.Required("command")));
    }
}
