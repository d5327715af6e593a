using System;

namespace Kixie.SeatPolicy.Json;

/// <summary>The text members written for people (an explanation, a description), which are never read back.</summary>
internal static class Derived
{
    /// <summary>The text, or null (the member is then left out) when values no decision produces make it overflow.</summary>
    public static string? Text(Func<string> describe)
    {
        try
        {
            return describe();
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
