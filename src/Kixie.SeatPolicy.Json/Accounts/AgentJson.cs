using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// The people and seats of an account: <see cref="Agent"/> as <c>{"id":1,"name":…,"email":…,"role":"Admin"}</c>,
/// <see cref="SeatAssets"/> as <c>{"directNumber":…,"callerId":…,"ringGroups":[…],"devices":[…]}</c> and
/// <see cref="InitialSeat"/> as <c>{"seat":"s1","vacant":false,"name":…,"email":…,"role":…,"assets":{…}}</c>.
/// </summary>
internal static class AgentJson
{
    private static readonly string[] AgentNames = ["id", "name", "email", "role"];
    private static readonly string[] AssetNames = ["directNumber", "callerId", "ringGroups", "devices"];
    private static readonly string[] SeatNames = ["seat", "vacant", "name", "email", "role", "assets"];

    public static void WriteAgent(Utf8JsonWriter writer, Agent value)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", value.Id.Value);
        writer.WriteString("name", value.Name);
        writer.WriteString("email", value.Email);
        writer.WriteEnum("role", value.Role);
        writer.WriteEndObject();
    }

    public static Agent ReadAgent(Node node)
    {
        var agent = node.Object("an agent", AgentNames);
        return new Agent(
            IdsJson.ReadAgentId(agent.Required("id")),
            agent.Required("name").String(),
            agent.Required("email").String(),
            agent.Required("role").Enum<Role>());
    }

    public static void WriteAssets(Utf8JsonWriter writer, SeatAssets value)
    {
        writer.WriteStartObject();
        writer.WriteOptionalString("directNumber", value.DirectNumber);
        writer.WriteOptionalString("callerId", value.CallerId);
        writer.WriteStrings("ringGroups", value.RingGroups);
        writer.WriteStrings("devices", value.Devices);
        writer.WriteEndObject();
    }

    public static SeatAssets ReadAssets(Node node)
    {
        var assets = node.Object("seat assets", AssetNames);
        return new SeatAssets
        {
            DirectNumber = assets.Optional("directNumber")?.String(),
            CallerId = assets.Optional("callerId")?.String(),
            RingGroups = assets.Optional("ringGroups")?.Array(static item => item.String()) ?? [],
            Devices = assets.Optional("devices")?.Array(static item => item.String()) ?? [],
        };
    }

    public static void WriteInitialSeat(Utf8JsonWriter writer, InitialSeat value)
    {
        writer.WriteStartObject();
        writer.WriteSeatId("seat", value.Seat);
        writer.WriteBoolean("vacant", value.IsVacant);
        writer.WriteOptionalString("name", value.Name);
        writer.WriteOptionalString("email", value.Email);
        writer.WriteEnum("role", value.Role);
        writer.WriteObject("assets", value.Assets, WriteAssets);
        writer.WriteEndObject();
    }

    public static InitialSeat ReadInitialSeat(Node node)
    {
        var seat = node.Object("an initial seat", SeatNames);
        var id = IdsJson.ReadSeatId(seat.Required("seat"));
        var assets = seat.Optional("assets") is { } given ? ReadAssets(given) : SeatAssets.None;
        if (seat.Optional("vacant")?.Boolean() ?? false)
        {
            if (seat.Has("name") || seat.Has("email"))
            {
                throw seat.Fail("a vacant seat has no name or email");
            }

            var lastRole = seat.Optional("role")?.Enum<Role>() ?? Role.Agent;
            return InitialSeat.Vacant(id, lastRole, assets);
        }

        return InitialSeat.Occupied(
            id,
            seat.Required("name").String(),
            seat.Required("email").String(),
            seat.Required("role").Enum<Role>(),
            assets);
    }
}
