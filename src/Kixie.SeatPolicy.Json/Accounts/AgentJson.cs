using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// The people and seats of an account: <see cref="Agent"/> as <c>{"id":1,"name":…,"email":…,"role":"Admin"}</c>,
/// <see cref="SeatAssets"/> as <c>{"directNumber":…,"callerId":…,"ringGroups":[…],"devices":[…]}</c> and
/// <see cref="InitialSeat"/> as <c>{"seat":"s1","name":…,"email":…,"role":…,"plan":…,"directNumber":…,"ringGroups":[…]}</c>
/// with its assets flat (<c>"vacant":true</c> and no name or email for a vacant seat; <c>plan</c> only when the
/// seat names one, rulebook §13).
/// </summary>
internal static class AgentJson
{
    private static readonly string[] AgentNames = ["id", "name", "email", "role"];
    private static readonly string[] AssetNames = ["directNumber", "callerId", "ringGroups", "devices"];
    private static readonly string[] SeatNames = ["seat", "vacant", "name", "email", "role", "plan", "directNumber", "callerId", "ringGroups", "devices"];

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

    /// <summary>
    /// The asset members written flat into an initial seat or an add: the phone numbers when set, the
    /// lists when <paramref name="lists"/> says so.
    /// </summary>
    public static void WriteFlatAssets(Utf8JsonWriter writer, SeatAssets value, bool lists)
    {
        writer.WriteOptionalString("directNumber", value.DirectNumber);
        writer.WriteOptionalString("callerId", value.CallerId);
        if (lists || !value.RingGroups.IsDefaultOrEmpty)
        {
            writer.WriteStrings("ringGroups", value.RingGroups);
        }

        if (lists || !value.Devices.IsDefaultOrEmpty)
        {
            writer.WriteStrings("devices", value.Devices);
        }
    }

    /// <summary>The asset members read flat from an initial seat or an add; null when none of them is given.</summary>
    public static SeatAssets? ReadFlatAssets(ObjectNode owner)
    {
        var directNumber = owner.Optional("directNumber");
        var callerId = owner.Optional("callerId");
        var ringGroups = owner.Optional("ringGroups");
        var devices = owner.Optional("devices");
        if (directNumber is null && callerId is null && ringGroups is null && devices is null)
        {
            return null;
        }

        return new SeatAssets
        {
            DirectNumber = directNumber?.String(),
            CallerId = callerId?.String(),
            RingGroups = ringGroups?.Array(static item => item.String()) ?? [],
            Devices = devices?.Array(static item => item.String()) ?? [],
        };
    }

    public static void WriteInitialSeat(Utf8JsonWriter writer, InitialSeat value)
    {
        writer.WriteStartObject();
        writer.WriteSeatId("seat", value.Seat);
        if (value.IsVacant)
        {
            writer.WriteBoolean("vacant", true);
        }

        writer.WriteOptionalString("name", value.Name);
        writer.WriteOptionalString("email", value.Email);
        writer.WriteEnum("role", value.Role);
        writer.WriteOptionalString("plan", value.Plan);
        WriteFlatAssets(writer, value.Assets, lists: false);
        writer.WriteEndObject();
    }

    public static InitialSeat ReadInitialSeat(Node node)
    {
        var seat = node.Object("an initial seat", SeatNames);
        var id = IdsJson.ReadSeatId(seat.Required("seat"));
        var assets = ReadFlatAssets(seat);
        var plan = seat.Optional("plan")?.String();
        if (seat.Optional("vacant")?.Boolean() ?? false)
        {
            if (seat.Has("name") || seat.Has("email"))
            {
                throw seat.FailAt(seat.Has("name") ? "name" : "email", "a vacant seat has no name or email");
            }

            var lastRole = seat.Optional("role")?.Enum<Role>() ?? Role.Agent;
            return InitialSeat.Vacant(id, lastRole, assets, plan);
        }

        return InitialSeat.Occupied(
            id,
            seat.Required("name").String(),
            seat.Required("email").String(),
            seat.Required("role").Enum<Role>(),
            assets,
            plan);
    }
}
