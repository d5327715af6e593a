using System;

namespace Kixie.SeatPolicy;

/// <summary>
/// Who issues a command: the email of a current occupant of the account, or <c>support</c>
/// (the provider's support team or account manager).
/// </summary>
/// <param name="Name">An occupant's email (compared case-insensitively) or the word <c>support</c>. The default (null) is an unknown actor.</param>
public readonly record struct Actor(string Name)
{
    /// <summary>The text that names the provider's support team.</summary>
    public const string SupportName = "support";

    /// <summary>The provider's support team or account manager.</summary>
    public static Actor Support => new(SupportName);

    /// <summary>Whether this actor is the provider's support team.</summary>
    public bool IsSupport => string.Equals(Name, SupportName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The actor's text.</summary>
    /// <returns>The email or <c>support</c>; empty for the default value.</returns>
    public override string ToString() => Name ?? string.Empty;
}
