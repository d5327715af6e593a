using System;
using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Kixie.SeatPolicy.Json;

/// <summary>The few value shapes every converter writes: instants, dates, enum names, optional members.</summary>
internal static class WriterExtensions
{
    /// <summary>An instant as ISO 8601 in UTC, e.g. <c>2026-03-17T18:00:00Z</c>; NodaTime's own converter writes the same.</summary>
    public static void WriteInstant(this Utf8JsonWriter writer, string name, Instant value) =>
        writer.WriteString(name, InstantPattern.ExtendedIso.Format(value));

    /// <summary>A local date as ISO 8601, e.g. <c>2026-03-17</c>.</summary>
    public static void WriteDate(this Utf8JsonWriter writer, string name, LocalDate value) =>
        writer.WriteString(name, LocalDatePattern.Iso.Format(value));

    /// <summary>An enum member by name; a value outside the named members as its number, so that it reads back unchanged.</summary>
    public static void WriteEnum<T>(this Utf8JsonWriter writer, string name, T value)
        where T : struct, Enum
    {
        writer.WritePropertyName(name);
        writer.WriteEnumValue(value);
    }

    /// <summary>An enum member by name as a bare value (an array item); see <see cref="WriteEnum{T}"/>.</summary>
    public static void WriteEnumValue<T>(this Utf8JsonWriter writer, T value)
        where T : struct, Enum
    {
        if (Enum.IsDefined(value))
        {
            writer.WriteStringValue(value.ToString());
        }
        else
        {
            writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A string member that is omitted when null.</summary>
    public static void WriteOptionalString(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>A number member that is omitted when null.</summary>
    public static void WriteOptionalNumber(this Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>An enum member that is omitted when null.</summary>
    public static void WriteOptionalEnum<T>(this Utf8JsonWriter writer, string name, T? value)
        where T : struct, Enum
    {
        if (value is { } member)
        {
            writer.WriteEnum(name, member);
        }
    }

    /// <summary>An object member written by <paramref name="write"/>, or null (required members) when the value is null.</summary>
    public static void WriteObject<T>(this Utf8JsonWriter writer, string name, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            write(writer, value);
        }
    }

    /// <summary>An object member that is omitted when null.</summary>
    public static void WriteOptionalObject<T>(this Utf8JsonWriter writer, string name, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            write(writer, value);
        }
    }

    /// <summary>A value-type member written by <paramref name="write"/>.</summary>
    public static void WriteValue<T>(this Utf8JsonWriter writer, string name, T value, Action<Utf8JsonWriter, T> write)
        where T : struct
    {
        writer.WritePropertyName(name);
        write(writer, value);
    }

    /// <summary>An array of strings; a default (uninitialised) array is written as empty, as the engine treats it.</summary>
    public static void WriteStrings(this Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        if (!values.IsDefault)
        {
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }
        }

        writer.WriteEndArray();
    }
}
