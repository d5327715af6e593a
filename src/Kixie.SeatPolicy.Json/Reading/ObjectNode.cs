using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>A JSON object being read: its properties by name, each read as a <see cref="Node"/> with its path.</summary>
internal sealed class ObjectNode
{
    private readonly Dictionary<string, JsonElement> _properties;

    public ObjectNode(Dictionary<string, JsonElement> properties, string path)
    {
        _properties = properties;
        Path = path;
    }

    /// <summary>Where the object is.</summary>
    public string Path { get; }

    /// <summary>The path of one of the object's properties.</summary>
    public string PathOf(string name) => $"{Path}.{name}";

    /// <summary>A failure at the object itself.</summary>
    public SeatPolicyJsonException Fail(string problem) => new(Path, problem);

    /// <summary>A failure at the object itself, caused by an exception of the engine or of NodaTime.</summary>
    public SeatPolicyJsonException Fail(string problem, Exception inner) => new(Path, problem, inner);

    /// <summary>A failure at one of the object's members, which may be absent.</summary>
    public SeatPolicyJsonException FailAt(string member, string problem, Exception? inner = null) => new(PathOf(member), problem, inner);

    /// <summary>Rejects any property not in <paramref name="known"/>: a misspelt name is an error, never silently ignored.</summary>
    public void OnlyKnown(string what, ReadOnlySpan<string> known)
    {
        foreach (var name in _properties.Keys)
        {
            if (!known.Contains(name))
            {
                throw FailAt(name, $"{what} has no property '{name}' (expected {string.Join(", ", known.ToArray())})");
            }
        }
    }

    /// <summary>A property that must be present (it may still be JSON null where the value allows it).</summary>
    public Node Required(string name) =>
        _properties.TryGetValue(name, out var value)
            ? new Node(value, PathOf(name))
            : throw FailAt(name, "the required property is missing");

    /// <summary>A property that may be absent; absent and JSON null both give null.</summary>
    public Node? Optional(string name) =>
        _properties.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new Node(value, PathOf(name))
            : null;

    /// <summary>Whether the property is present (JSON null included).</summary>
    public bool Has(string name) => _properties.ContainsKey(name);
}
