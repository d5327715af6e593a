using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// A converter for one case of a polymorphic engine type (an <see cref="AddAgent"/>, a <see cref="Added"/>,
/// a <see cref="VersionConflict"/>, …) when it is declared as itself: written with its discriminator like the
/// base type, and read by the base type's reader, which must find this case.
/// </summary>
/// <typeparam name="TBase">The polymorphic type.</typeparam>
/// <typeparam name="T">The case.</typeparam>
internal sealed class SubtypeConverter<TBase, T> : JsonConverter<T>
    where T : TBase
{
    private readonly Func<Node, TBase> _read;
    private readonly Action<Utf8JsonWriter, TBase> _write;
    private readonly string _discriminator;
    private readonly string _caseName;

    public SubtypeConverter(Func<Node, TBase> read, Action<Utf8JsonWriter, TBase> write, string discriminator, string caseName)
    {
        _read = read;
        _write = write;
        _discriminator = discriminator;
        _caseName = caseName;
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var node = new Node(document.RootElement, "$");
        TBase value;
        try
        {
            value = _read(node);
        }
        catch (ArgumentException exception)
        {
            throw node.Fail(EngineErrors.Message(exception), exception);
        }

        return value is T found
            ? found
            : throw new SeatPolicyJsonException($"$.{_discriminator}", $"expected '{_caseName}' but found '{Name(value)}'");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);

    private static string Name(TBase value) => value switch
    {
        SeatEvent change => DialectNames.Of(change),
        OutcomeCase outcome => DialectNames.Of(outcome),
        SeatCommand command => DialectNames.Of(command),
        _ => "null",
    };
}
