using System;
using System.Text.Json;

namespace Kixie.SeatPolicy.Json;

/// <summary>
/// A JSON value this package cannot read as the engine's type: where inside the value the fault lies
/// (<see cref="Member"/>) and what is wrong (<see cref="Problem"/>), as data.
/// </summary>
/// <remarks>
/// <para><see cref="Member"/> is a JSON path relative to the value the converter read
/// (<c>$.seats[1].email</c>); System.Text.Json sets <see cref="JsonException.Path"/> to where that value
/// sits in the whole document (<c>$.account</c>, or <c>$</c> when the document is the value), so the
/// fault's full path is <see cref="JsonException.Path"/> followed by <see cref="Member"/> without its
/// leading <c>$</c>. <see cref="FullPath"/> joins them.</para>
/// <para>When the engine refused a value (an initial seat, a contract term, an amount), the
/// <see cref="Exception.InnerException"/> is its <see cref="ValueRefusedException"/>.</para>
/// <para>Text that is not JSON at all fails in System.Text.Json's reader with its own
/// <see cref="JsonException"/>, not with this type, except in <see cref="Scenario.Read"/>, which
/// refuses every unusable document with this type and keeps System.Text.Json's exception as the
/// <see cref="Exception.InnerException"/>.</para>
/// </remarks>
public sealed class SeatPolicyJsonException : JsonException
{
    /// <summary>A fault at <paramref name="member"/>.</summary>
    /// <param name="member">The JSON path of the fault relative to the value read, starting with <c>$</c>.</param>
    /// <param name="problem">What is wrong, one line.</param>
    /// <param name="inner">The engine's refusal behind it, if any.</param>
    public SeatPolicyJsonException(string member, string problem, Exception? inner = null)
        : base($"{member}: {problem}", inner)
    {
        Member = member;
        Problem = problem;
    }

    /// <summary>The JSON path of the fault relative to the value the converter read, e.g. <c>$.seats[1].email</c>.</summary>
    public string Member { get; }

    /// <summary>What is wrong, one line, e.g. <c>'ada-at-acme' is not a valid email</c>.</summary>
    public string Problem { get; }

    /// <summary>
    /// The fault's path in the whole document: <see cref="JsonException.Path"/> (where System.Text.Json
    /// found the value) joined with <see cref="Member"/>; <see cref="Member"/> alone when no path was set.
    /// </summary>
    public string FullPath => Path is null or "$" ? Member : Path + Member[1..];
}
