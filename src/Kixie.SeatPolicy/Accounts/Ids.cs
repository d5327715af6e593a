using System;

namespace Kixie.SeatPolicy;

/// <summary>
/// The stable identity of a seat, the billable unit. A seat keeps its id for its whole life
/// (through replacements and deactivation); once deleted, its id is never used again.
/// </summary>
/// <param name="Value">The id as text, e.g. <c>s1</c> or <c>seat-4</c>. The default (null) is "no seat".</param>
public readonly record struct SeatId(string Value)
{
    /// <summary>Whether the id is missing or blank (the default value is).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Value);

    /// <summary>The id's text; empty for the default value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>
/// The identity of one person occupying a seat. Every new person gets a new id, even in the
/// same seat; the account numbers them 1, 2, 3, … in the order they arrive.
/// </summary>
/// <param name="Value">The number; the default 0 is "no agent".</param>
public readonly record struct AgentId(long Value)
{
    /// <summary>The id as <c>agent-7</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => FormattableString.Invariant($"agent-{Value}");
}

/// <summary>
/// The id a caller gives a command so that sending it twice is harmless: a known id with the same
/// content returns the first outcome again and changes nothing.
/// </summary>
/// <param name="Value">The id as text. The default (null) is a missing id, which is an invalid command.</param>
public readonly record struct CommandId(string Value)
{
    /// <summary>The id's text; empty for the default value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;
}
