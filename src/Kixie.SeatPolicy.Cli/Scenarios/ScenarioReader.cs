using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;

namespace Kixie.SeatPolicy.Cli.Scenarios;

/// <summary>
/// Reads a scenario file (see <c>docs/scenario-format.md</c>). A file the tool cannot read as a
/// scenario gives a <see cref="ScenarioProblem"/>; everything wrong with a single command is left to
/// the policy, which answers it with <see cref="InvalidCommand"/>.
/// </summary>
/// <remarks>
/// This type decides only whether the text can be read: JSON shape, field types, names of enum
/// members, dates, instants and amounts. Whether an account's seats are acceptable is the library's
/// call (<see cref="Account.Open"/>, <see cref="ContractTerm"/>); its refusals are reported here with
/// the JSON path they concern.
/// </remarks>
internal sealed partial class ScenarioReader
{
    private static readonly ImmutableHashSet<string> CommandTypes =
        ["AddAgent", "ReplaceAgent", "DeactivateAgent", "UpdateAgent", "DeleteAgent"];

    /// <summary>The command fields beyond id, at, actor and type, in the order they are checked.</summary>
    private static readonly ImmutableArray<string> CommandFields =
        ["seat", "name", "email", "role", "directNumber", "callerId", "ringGroups", "devices", "expectedVersion"];

    private static readonly ImmutableDictionary<string, ImmutableHashSet<string>> FieldsByType =
        new Dictionary<string, ImmutableHashSet<string>>(StringComparer.Ordinal)
        {
            ["AddAgent"] = ["seat", "name", "email", "role", "directNumber", "callerId", "ringGroups", "devices", "expectedVersion"],
            ["ReplaceAgent"] = ["seat", "name", "email", "role", "expectedVersion"],
            ["UpdateAgent"] = ["seat", "name", "email", "role", "expectedVersion"],
            ["DeactivateAgent"] = ["seat", "expectedVersion"],
            ["DeleteAgent"] = ["seat", "expectedVersion"],
        }.ToImmutableDictionary(StringComparer.Ordinal);

    private readonly JsonLineMap _lines;

    private ScenarioReader(JsonLineMap lines)
    {
        _lines = lines;
    }

    /// <summary>The first problem found, once a read has failed.</summary>
    private ScenarioProblem? Problem { get; set; }

    /// <summary>Reads a scenario from the bytes of a file.</summary>
    /// <param name="utf8">The file's content (UTF-8, with or without a byte-order mark).</param>
    /// <param name="scenario">The scenario when the file is usable.</param>
    /// <param name="problem">The first problem when it is not.</param>
    /// <returns>Whether the file is a usable scenario.</returns>
    public static bool TryRead(
        ReadOnlyMemory<byte> utf8,
        [NotNullWhen(true)] out Scenario? scenario,
        [NotNullWhen(false)] out ScenarioProblem? problem)
    {
        scenario = null;
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        problem = JsonLineMap.TryBuild(utf8.Span, out var lines);
        if (problem is not null)
        {
            return false;
        }

        using var document = JsonDocument.Parse(utf8);
        var reader = new ScenarioReader(lines);
        scenario = reader.ReadScenario(document.RootElement);
        problem = reader.Problem;
        return scenario is not null;
    }

    private Scenario? ReadScenario(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Fail("$", $"expected an object with \"account\" and \"commands\", got {JsonValues.Describe(root.ValueKind)}");
            return null;
        }

        if (!RequiredObject(root, "$", "account", out var account) || ReadAccount(account, "$.account") is not { } opened)
        {
            return null;
        }

        if (!Required(root, "$", "commands", JsonValueKind.Array, out var commandsElement))
        {
            return null;
        }

        var commands = ImmutableArray.CreateBuilder<ScenarioCommand>();
        var index = 0;
        foreach (var item in commandsElement.EnumerateArray())
        {
            if (ReadCommand(item, "$.commands" + JsonLineMap.Item(index)) is not { } command)
            {
                return null;
            }

            commands.Add(command);
            index++;
        }

        return new Scenario(opened, commands.ToImmutable(), OptionalText(root, "title"), OptionalText(root, "description"));
    }

    // ----- The account -----

    private Account? ReadAccount(JsonElement account, string path)
    {
        if (!RequiredString(account, path, "id", out var id))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            return Fail<Account>(path + ".id", "the account id is blank");
        }

        if (!RequiredString(account, path, "timeZone", out var zoneId))
        {
            return null;
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is not { } zone)
        {
            return Fail<Account>(path + ".timeZone", $"unknown time zone '{zoneId}' (an IANA tzdb id, e.g. America/Los_Angeles)");
        }

        if (!RequiredString(account, path, "currency", out var code))
        {
            return null;
        }

        if (!Currency.TryFromCode(code, out var currency))
        {
            return Fail<Account>(path + ".currency", $"unknown currency '{code}' (an active ISO 4217 code in capitals, e.g. USD)");
        }

        if (!RequiredString(account, path, "seatPrice", out var priceText))
        {
            return null;
        }

        if (!Money.TryParse(priceText, currency, out var price))
        {
            return Fail<Account>(
                path + ".seatPrice",
                $"'{priceText}' is not an amount in {currency.Code} ({DigitsInWords(currency)}, e.g. {Money.FromMinorUnits(3000 * currency.MinorUnitsPerMajorUnit / 100, currency)})");
        }

        if (price.IsNegative)
        {
            return Fail<Account>(path + ".seatPrice", $"the seat price {price} is negative");
        }

        if (ReadBilling(account, path) is not { } billing
            || !ReadProration(account, path, out var proration)
            || !ReadContract(account, path, out var contract)
            || ReadInitialSeats(account, path) is not { } seats)
        {
            return null;
        }

        try
        {
            return Account.Open(id, zone, price, billing, seats, contract, proration);
        }
        catch (ArgumentException refused)
        {
            return FailFromOpen(refused, seats, path);
        }
    }

    private BillingCalendar? ReadBilling(JsonElement account, string path)
    {
        if (!RequiredObject(account, path, "billing", out var billing))
        {
            return null;
        }

        path += ".billing";
        if (!RequiredString(billing, path, "cycle", out var cycleText))
        {
            return null;
        }

        if (!JsonValues.TryParseName<BillingCycle>(cycleText, out var cycle))
        {
            return Fail<BillingCalendar>(path + ".cycle", $"unknown billing cycle '{cycleText}' ({JsonValues.Names<BillingCycle>()})");
        }

        return RequiredDate(billing, path, "anchor", out var anchor) ? new BillingCalendar(cycle, anchor) : null;
    }

    private bool ReadProration(JsonElement account, string path, out ProrationConvention proration)
    {
        proration = ProrationConvention.Default;
        if (!OptionalObject(account, path, "proration", out var element))
        {
            return Problem is null;
        }

        path += ".proration";
        if (!OptionalName<ProrationGranularity>(element, path, "granularity", "granularity", out var granularity)
            || !OptionalName<DayCount>(element, path, "dayCount", "day count", out var dayCount)
            || !OptionalName<RoundingMode>(element, path, "rounding", "rounding", out var rounding))
        {
            return false;
        }

        proration = new ProrationConvention { Granularity = granularity, DayCount = dayCount, Rounding = rounding };
        return true;
    }

    private bool ReadContract(JsonElement account, string path, out ContractTerm? contract)
    {
        contract = null;
        if (!OptionalObject(account, path, "contract", out var element))
        {
            return Problem is null;
        }

        path += ".contract";
        if (!RequiredDate(element, path, "start", out var start) || !RequiredDate(element, path, "end", out var end))
        {
            return false;
        }

        if (end < start)
        {
            return Fail(path + ".end", $"the contract ends ({Iso(end)}) before it starts ({Iso(start)})");
        }

        var lockInDays = ContractTerm.DefaultLockInDays;
        if (Present(element, "lockInDays", out var lockIn))
        {
            if (lockIn.ValueKind != JsonValueKind.Number || !lockIn.TryGetInt32(out lockInDays))
            {
                return Fail(path + ".lockInDays", $"expected a whole number of days, got {Shown(lockIn)}");
            }

            if (lockInDays < 0)
            {
                return Fail(path + ".lockInDays", $"{lockInDays} is negative; the lock-in is zero or more days");
            }
        }

        var autoRenew = false;
        if (Present(element, "autoRenew", out var renew))
        {
            if (renew.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Fail(path + ".autoRenew", $"expected true or false, got {Shown(renew)}");
            }

            autoRenew = renew.GetBoolean();
        }

        try
        {
            contract = new ContractTerm(start, end, lockInDays, autoRenew);
            return true;
        }
        catch (ArgumentException refused)
        {
            var field = refused.ParamName is { Length: > 0 } name ? JsonLineMap.Member(name) : string.Empty;
            return Fail(path + field, OneLine(refused));
        }
    }

    private ImmutableArray<InitialSeat>? ReadInitialSeats(JsonElement account, string path)
    {
        if (!Present(account, "seats", out var element))
        {
            return [];
        }

        path += ".seats";
        if (element.ValueKind != JsonValueKind.Array)
        {
            return Fail<ImmutableArray<InitialSeat>?>(path, $"expected an array of seats, got {Shown(element)}");
        }

        var seats = ImmutableArray.CreateBuilder<InitialSeat>();
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = path + JsonLineMap.Item(index);
            if (ReadInitialSeat(item, itemPath) is not { } seat)
            {
                return null;
            }

            if (!firstIndexOf.TryAdd(seat.Seat.Value, index))
            {
                return Fail<ImmutableArray<InitialSeat>?>(
                    itemPath + ".seat",
                    $"repeats the seat id '{seat.Seat}' of {path}{JsonLineMap.Item(firstIndexOf[seat.Seat.Value])}");
            }

            seats.Add(seat);
            index++;
        }

        return seats.ToImmutable();
    }

    private InitialSeat? ReadInitialSeat(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Fail<InitialSeat>(path, $"expected a seat object, got {Shown(item)}");
        }

        if (!RequiredString(item, path, "seat", out var seatId))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(seatId))
        {
            return Fail<InitialSeat>(path + ".seat", "the seat id is blank");
        }

        var vacant = false;
        if (Present(item, "vacant", out var vacantElement))
        {
            if (vacantElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Fail<InitialSeat>(path + ".vacant", $"expected true or false, got {Shown(vacantElement)}");
            }

            vacant = vacantElement.GetBoolean();
        }

        if (!ReadInitialAssets(item, path, out var assets))
        {
            return null;
        }

        if (vacant)
        {
            var lastRole = Role.Agent;
            if (Present(item, "role", out _) && !RequiredRole(item, path, out lastRole))
            {
                return null;
            }

            return InitialSeat.Vacant(new SeatId(seatId), lastRole, assets);
        }

        if (!RequiredString(item, path, "name", out var name))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return Fail<InitialSeat>(path + ".name", $"seat '{seatId}' is occupied but its name is blank");
        }

        return RequiredString(item, path, "email", out var email) && RequiredRole(item, path, out var role)
            ? InitialSeat.Occupied(new SeatId(seatId), name, email, role, assets)
            : null;
    }

    private bool ReadInitialAssets(JsonElement item, string path, out SeatAssets? assets)
    {
        assets = null;
        string? directNumber = null;
        string? callerId = null;
        ImmutableArray<string>? ringGroups = null;
        ImmutableArray<string>? devices = null;
        var any = false;
        foreach (var field in (ReadOnlySpan<string>)["directNumber", "callerId"])
        {
            if (Present(item, field, out var value))
            {
                if (value.ValueKind != JsonValueKind.String)
                {
                    return Fail(path + "." + field, $"expected a phone number string, got {Shown(value)}");
                }

                any = true;
                if (field == "directNumber")
                {
                    directNumber = value.GetString();
                }
                else
                {
                    callerId = value.GetString();
                }
            }
        }

        foreach (var field in (ReadOnlySpan<string>)["ringGroups", "devices"])
        {
            if (Present(item, field, out var value))
            {
                if (StringArray(value) is not { } items)
                {
                    return Fail(path + "." + field, $"expected an array of strings, got {Shown(value)}");
                }

                any = true;
                if (field == "ringGroups")
                {
                    ringGroups = items;
                }
                else
                {
                    devices = items;
                }
            }
        }

        if (any)
        {
            assets = new SeatAssets
            {
                DirectNumber = directNumber,
                CallerId = callerId,
                RingGroups = ringGroups ?? [],
                Devices = devices ?? [],
            };
        }

        return true;
    }

    /// <summary>
    /// Turns <see cref="Account.Open"/>'s refusal of an initial seat ("Initial seat 2 ('s3') is occupied but
    /// 'x' is not a valid email") into the seat's JSON path and field. The verdict is the library's; only the
    /// path is worked out here.
    /// </summary>
    private Account? FailFromOpen(ArgumentException refused, ImmutableArray<InitialSeat> seats, string path)
    {
        var message = OneLine(refused);
        var match = InitialSeatRefusal().Match(message);
        if (!match.Success || !int.TryParse(match.Groups["index"].Value, CultureInfo.InvariantCulture, out var index) || index >= seats.Length)
        {
            return Fail<Account>(path, message);
        }

        var problem = match.Groups["problem"].Value;
        var field = problem switch
        {
            _ when InvalidField().Match(problem) is { Success: true } invalid => "." + invalid.Groups["field"].Value,
            _ when problem.Contains("email", StringComparison.Ordinal) => ".email",
            _ when problem.Contains("name", StringComparison.Ordinal) => ".name",
            _ when problem.Contains("role", StringComparison.Ordinal) => ".role",
            _ when problem.Contains("seat id", StringComparison.Ordinal) => ".seat",
            _ => string.Empty,
        };
        return Fail<Account>($"{path}.seats{JsonLineMap.Item(index)}{field}", $"seat '{seats[index].Seat}' {problem}");
    }

    [GeneratedRegex(@"^Initial seat (?<index>\d+) \(.*?\) (?<problem>.*?)\.?$", RegexOptions.CultureInvariant | RegexOptions.Singleline, 1000)]
    private static partial Regex InitialSeatRefusal();

    [GeneratedRegex(@"has an invalid (?<field>[A-Za-z]+):", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex InvalidField();

    // ----- Commands -----

    private ScenarioCommand? ReadCommand(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return Fail<ScenarioCommand>(path, $"expected a command object, got {Shown(item)}");
        }

        if (!CommandString(item, path, "id", "a string id", out var id)
            || !CommandString(item, path, "at", "an instant, e.g. 2026-03-17T18:00:00Z", out var atText)
            || !CommandString(item, path, "actor", "an actor: an occupant's email or support", out var actorText)
            || !CommandString(item, path, "type", "a type: AddAgent, ReplaceAgent, DeactivateAgent, UpdateAgent or DeleteAgent", out var type))
        {
            return null;
        }

        if (!JsonValues.TryParseInstant(atText, out var at))
        {
            return Fail<ScenarioCommand>(path + ".at", $"'{atText}' is not an instant (ISO 8601 with Z or an offset, e.g. 2026-03-17T18:00:00Z)");
        }

        if (!CommandTypes.Contains(type))
        {
            return Fail<ScenarioCommand>(path + ".type", $"unknown command type '{type}' (AddAgent, ReplaceAgent, DeactivateAgent, UpdateAgent or DeleteAgent)");
        }

        var fields = new CommandFieldReader(item, type);
        var seat = fields.Text("seat");
        var name = fields.Text("name");
        var email = fields.Text("email");
        var role = fields.Role("role");
        var directNumber = fields.Text("directNumber");
        var callerId = fields.Text("callerId");
        var ringGroups = fields.Texts("ringGroups");
        var devices = fields.Texts("devices");
        var expectedVersion = fields.Version("expectedVersion");
        fields.RejectFieldsNotTaken(CommandFields, FieldsByType[type]);

        var commandId = new CommandId(id);
        var actor = new Actor(actorText);
        var seatText = string.IsNullOrWhiteSpace(seat) ? null : seat;
        var seatId = seat is null ? default : new SeatId(seat);
        SeatCommand command = fields.Malformation is { } malformed
            ? new MalformedCommand(commandId, at, actor, malformed.Field, malformed.Reason, expectedVersion)
            : type switch
            {
                "AddAgent" => new AddAgent(
                    commandId, at, actor, name, email, role,
                    seat is null ? null : seatId,
                    directNumber is null && callerId is null && ringGroups is null && devices is null
                        ? null
                        : new SeatAssets { DirectNumber = directNumber, CallerId = callerId, RingGroups = ringGroups ?? [], Devices = devices ?? [] },
                    expectedVersion),
                "ReplaceAgent" => new ReplaceAgent(commandId, at, actor, seatId, name, email, role, expectedVersion),
                "UpdateAgent" => new UpdateAgent(commandId, at, actor, seatId, name, email, role, expectedVersion),
                "DeactivateAgent" => new DeactivateAgent(commandId, at, actor, seatId, expectedVersion),
                _ => new DeleteAgent(commandId, at, actor, seatId, expectedVersion),
            };
        return new ScenarioCommand(id, seatText, command);
    }

    /// <summary>id, at, actor and type: a command without one (or with one that is not a string) cannot be run at all.</summary>
    private bool CommandString(JsonElement item, string path, string field, string what, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (!Present(item, field, out var value))
        {
            return Fail(path + "." + field, $"the command has no {field}; every command needs {what}");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail(path + "." + field, $"the command has no usable {field}: expected a string, got {Shown(value)}");
        }

        text = value.GetString()!;
        return true;
    }

    // ----- Field helpers -----

    /// <summary>Whether the object has the member with a value other than null (an explicit null counts as absent).</summary>
    private static bool Present(JsonElement element, string field, out JsonElement value) =>
        element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

    private bool Required(JsonElement element, string path, string field, JsonValueKind kind, out JsonElement value)
    {
        if (!Present(element, field, out value))
        {
            return Fail(path + JsonLineMap.Member(field), "required field is missing");
        }

        return value.ValueKind == kind
            || Fail(path + JsonLineMap.Member(field), $"expected {JsonValues.Describe(kind)}, got {Shown(value)}");
    }

    private bool RequiredObject(JsonElement element, string path, string field, out JsonElement value) =>
        Required(element, path, field, JsonValueKind.Object, out value);

    private bool RequiredString(JsonElement element, string path, string field, [NotNullWhen(true)] out string? text)
    {
        text = Required(element, path, field, JsonValueKind.String, out var value) ? value.GetString() : null;
        return text is not null;
    }

    /// <summary>An optional object: false when absent (or null) and when mistyped (then <see cref="Problem"/> is set).</summary>
    private bool OptionalObject(JsonElement element, string path, string field, out JsonElement value)
    {
        if (!Present(element, field, out value))
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.Object
            || !Fail(path + JsonLineMap.Member(field), $"expected an object, got {Shown(value)}");
    }

    private bool RequiredDate(JsonElement element, string path, string field, out LocalDate date)
    {
        date = default;
        if (!RequiredString(element, path, field, out var text))
        {
            return false;
        }

        return JsonValues.TryParseDate(text, out date)
            || Fail(path + JsonLineMap.Member(field), $"'{text}' is not a date (yyyy-MM-dd, a day that exists)");
    }

    private bool RequiredRole(JsonElement element, string path, out Role role)
    {
        role = Role.Agent;
        if (!RequiredString(element, path, "role", out var text))
        {
            return false;
        }

        return JsonValues.TryParseName(text, out role)
            || Fail(path + ".role", $"unknown role '{text}' ({JsonValues.Names<Role>()})");
    }

    private bool OptionalName<TEnum>(JsonElement element, string path, string field, string what, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (!Present(element, field, out var member))
        {
            return true;
        }

        if (member.ValueKind != JsonValueKind.String)
        {
            return Fail(path + JsonLineMap.Member(field), $"expected a string, got {Shown(member)}");
        }

        var text = member.GetString()!;
        return JsonValues.TryParseName(text, out value)
            || Fail(path + JsonLineMap.Member(field), $"unknown {what} '{text}' ({JsonValues.Names<TEnum>()})");
    }

    private static string? OptionalText(JsonElement element, string field) =>
        element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The array's strings, or null when it is not an array of strings.</summary>
    private static ImmutableArray<string>? StringArray(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            items.Add(item.GetString()!);
        }

        return items.ToImmutable();
    }

    /// <summary>A value for a message: strings quoted, numbers and booleans shown, an array by what spoils it.</summary>
    private static string Shown(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.String => $"the string '{value.GetString()}'",
            JsonValueKind.Number => $"the number {value.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Array => FirstNonString(value) is { } item ? $"an array holding {Shown(item)}" : "an array",
            _ => JsonValues.Describe(value.ValueKind),
        };

    private static JsonElement? FirstNonString(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return item;
            }
        }

        return null;
    }

    private static string DigitsInWords(Currency currency) => currency.MinorDigits switch
    {
        0 => "whole units, no decimal point",
        1 => "exactly 1 minor digit after the '.'",
        var digits => $"exactly {digits.ToString(CultureInfo.InvariantCulture)} minor digits after the '.'",
    };

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    /// <summary>An exception's message on one line, without the "(Parameter 'x')" and "Actual value was" tails.</summary>
    private static string OneLine(ArgumentException exception)
    {
        var message = exception.Message;
        if (exception.ParamName is { } name)
        {
            message = message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal);
        }

        var tail = message.IndexOf("Actual value was", StringComparison.Ordinal);
        if (tail >= 0)
        {
            message = message[..tail];
        }

        return message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }

    private bool Fail(string path, string message)
    {
        Problem ??= new ScenarioProblem(path, message, _lines.LineOf(path));
        return false;
    }

    private T? Fail<T>(string path, string message)
    {
        Fail(path, message);
        return default;
    }

    /// <summary>
    /// Reads a command's optional fields. The first field that is present but unreadable (a wrong JSON type,
    /// a role name that is no role, a version that is not a whole number, a field this type does not take)
    /// becomes the <see cref="Malformation"/>, and the command is handed to the policy as a
    /// <see cref="MalformedCommand"/>. Absent fields and explicit nulls are null: the policy reports the missing ones.
    /// </summary>
    private sealed class CommandFieldReader(JsonElement command, string type)
    {
        public (string Field, string Reason)? Malformation { get; private set; }

        public string? Text(string field)
        {
            if (!Present(command, field, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            Malformed(field, $"expected a string, got {Shown(value)}");
            return null;
        }

        public Role? Role(string field)
        {
            if (Text(field) is not { } text)
            {
                return null;
            }

            if (JsonValues.TryParseName<SeatPolicy.Role>(text, out var role))
            {
                return role;
            }

            Malformed(field, $"unknown role '{text}' ({JsonValues.Names<SeatPolicy.Role>()})");
            return null;
        }

        public ImmutableArray<string>? Texts(string field)
        {
            if (!Present(command, field, out var value))
            {
                return null;
            }

            if (StringArray(value) is { } items)
            {
                return items;
            }

            Malformed(field, $"expected an array of strings, got {Shown(value)}");
            return null;
        }

        public long? Version(string field)
        {
            if (!Present(command, field, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var version))
            {
                return version;
            }

            Malformed(field, $"expected a whole number (the account version), got {Shown(value)}");
            return null;
        }

        public void RejectFieldsNotTaken(ImmutableArray<string> known, ImmutableHashSet<string> taken)
        {
            foreach (var field in known)
            {
                if (!taken.Contains(field) && Present(command, field, out _))
                {
                    Malformed(field, $"{type} does not take {field}");
                }
            }
        }

        private void Malformed(string field, string reason) => Malformation ??= (field, reason);
    }
}
