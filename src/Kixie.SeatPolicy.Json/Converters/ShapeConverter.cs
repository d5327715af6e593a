using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// A converter for one engine type, given how to read it from a <see cref="Node"/> and how to write it.
/// Reading takes the whole JSON value first, so that every failure can name its JSON path; a JSON
/// value that is not well-formed fails in the reader, with System.Text.Json's own path.
/// </summary>
/// <typeparam name="T">The engine type.</typeparam>
internal sealed class ShapeConverter<T> : JsonConverter<T>
{
    private readonly Func<Node, T> _read;
    private readonly Action<Utf8JsonWriter, T> _write;

    public ShapeConverter(Func<Node, T> read, Action<Utf8JsonWriter, T> write)
    {
        _read = read;
        _write = write;
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var node = new Node(document.RootElement, "$");
        try
        {
            return _read(node);
        }
        catch (ArgumentException exception)
        {
            // A guard of the engine that no reader above caught with a better path.
            throw node.Fail(EngineErrors.Message(exception), exception);
        }
        catch (OverflowException exception)
        {
            throw node.Fail(exception.Message, exception);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _write(writer, value);
    }
}
