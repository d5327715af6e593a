using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// A JSON value being read, with the JSON path that leads to it (<c>$.history[3].command</c>), so that
/// every failure can say where it is. Every read either returns a value or throws a
/// <see cref="JsonException"/> whose message starts with the path.
/// </summary>
internal readonly struct Node
{
    private readonly JsonElement _element;

    public Node(JsonElement element, string path)
    {
        _element = element;
        Path = path;
    }

    /// <summary>Where this value is, from <c>$</c> (the value the converter was asked to read).</summary>
    public string Path { get; }

    /// <summary>Whether the value is JSON <c>null</c>.</summary>
    public bool IsNull => _element.ValueKind == JsonValueKind.Null;

    /// <summary>A failure at this value: <c>"{path}: {problem}"</c>.</summary>
    public SeatPolicyJsonException Fail(string problem) => new(Path, problem);

    /// <summary>A failure at this value caused by an exception of the engine (a guard on its constructors).</summary>
    public SeatPolicyJsonException Fail(string problem, Exception inner) => new(Path, problem, inner);

    /// <summary>The refusal of an object at <paramref name="path"/> that gives the property <paramref name="name"/> twice.</summary>
    public static SeatPolicyJsonException RepeatedProperty(string path, string name) => new(path, $"the property '{name}' appears twice");

    /// <summary>A failure for a value of the wrong JSON kind.</summary>
    public SeatPolicyJsonException Expected(string what) => Fail($"expected {what} but found {Describe(_element.ValueKind)}");

    /// <summary>The value as an object, its properties by name; duplicates are an error.</summary>
    public ObjectNode Object()
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            throw Expected("an object");
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            if (!properties.TryAdd(property.Name, property.Value))
            {
                throw RepeatedProperty(Path, property.Name);
            }
        }

        return new ObjectNode(properties, Path);
    }

    /// <summary>The value as an object that may only have the named properties.</summary>
    public ObjectNode Object(string what, ReadOnlySpan<string> known)
    {
        var result = Object();
        result.OnlyKnown(what, known);
        return result;
    }

    /// <summary>A JSON string.</summary>
    public string String() =>
        _element.ValueKind == JsonValueKind.String ? _element.GetString()! : throw Expected("a string");

    /// <summary>A JSON string, or null for JSON null.</summary>
    public string? StringOrNull() => IsNull ? null : String();

    /// <summary>A JSON number that is a whole 64-bit integer.</summary>
    public long Int64() =>
        _element.ValueKind == JsonValueKind.Number && _element.TryGetInt64(out var value)
            ? value
            : throw Expected("a whole number (64-bit)");

    /// <summary>A JSON number that is a whole 32-bit integer.</summary>
    public int Int32() =>
        _element.ValueKind == JsonValueKind.Number && _element.TryGetInt32(out var value)
            ? value
            : throw Expected("a whole number (32-bit)");

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    public bool Boolean() => _element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Expected("true or false"),
    };

    /// <summary>
    /// An ISO 8601 instant with <c>Z</c> or an offset, e.g. <c>2026-03-17T18:00:00Z</c> or
    /// <c>2026-03-17T11:00:00-07:00</c> (fractions of a second allowed).
    /// </summary>
    public Instant Instant()
    {
        var text = String();
        var withOffset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (withOffset.Success)
        {
            return withOffset.Value.ToInstant();
        }

        var utc = InstantPattern.ExtendedIso.Parse(text);
        return utc.Success
            ? utc.Value
            : throw Fail($"'{text}' is not an instant (expected ISO 8601 with Z or an offset, e.g. 2026-03-17T18:00:00Z)");
    }

    /// <summary>An ISO local date, e.g. <c>2026-03-17</c>.</summary>
    public LocalDate LocalDate()
    {
        var text = String();
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success
            ? result.Value
            : throw Fail($"'{text}' is not a date (expected ISO 8601, e.g. 2026-03-17)");
    }

    /// <summary>An enum member, by its exact name (case included); numbers and other spellings are refused.</summary>
    public T Enum<T>()
        where T : struct, Enum
    {
        var text = _element.ValueKind == JsonValueKind.String
            ? _element.GetString()!
            : throw Expected($"a {typeof(T).Name} name");
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw Fail($"unknown {typeof(T).Name} '{text}' (expected {string.Join(", ", System.Enum.GetNames<T>())})");
    }

    /// <summary>A JSON array, each item read by <paramref name="read"/> with its index in the path.</summary>
    public ImmutableArray<T> Array<T>(Func<Node, T> read)
    {
        if (_element.ValueKind != JsonValueKind.Array)
        {
            throw Expected("an array");
        }

        var items = ImmutableArray.CreateBuilder<T>(_element.GetArrayLength());
        var index = 0;
        foreach (var item in _element.EnumerateArray())
        {
            items.Add(read(new Node(item, string.Create(CultureInfo.InvariantCulture, $"{Path}[{index}]"))));
            index++;
        }

        return items.MoveToImmutable();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
