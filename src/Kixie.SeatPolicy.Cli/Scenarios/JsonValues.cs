using System;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Kixie.SeatPolicy.Cli.Scenarios;

/// <summary>Reading typed values out of JSON text: dates, instants and enum names, all strict.</summary>
internal static class JsonValues
{
    /// <summary>The JSON kind as a person says it: <c>a string</c>, <c>a number</c>, <c>an object</c>, ….</summary>
    /// <param name="kind">The value kind.</param>
    /// <returns>The words.</returns>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Reads an ISO date <c>yyyy-MM-dd</c> that exists in the calendar (2026-02-30 does not).</summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The date when valid.</param>
    /// <returns>Whether the text is a real date.</returns>
    public static bool TryParseDate(string text, out LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>
    /// Reads an ISO 8601 instant that says where it is: <c>2026-03-17T18:00:00Z</c> or
    /// <c>2026-03-17T11:00:00-07:00</c>, seconds required, fractions allowed.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="instant">The instant when valid.</param>
    /// <returns>Whether the text is an instant.</returns>
    public static bool TryParseInstant(string text, out Instant instant)
    {
        var withOffset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (withOffset.Success)
        {
            instant = withOffset.Value.ToInstant();
            return true;
        }

        var utc = InstantPattern.ExtendedIso.Parse(text);
        instant = utc.Success ? utc.Value : default;
        return utc.Success;
    }

    /// <summary>Reads an enum member by its exact name (case-sensitive); numbers and other spellings are refused.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="value">The member when found.</param>
    /// <returns>Whether the text names a member.</returns>
    public static bool TryParseName<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The member names of an enum, for messages: <c>Monthly, Quarterly or Annual</c>.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <returns>The names.</returns>
    public static string Names<TEnum>()
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        return names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
