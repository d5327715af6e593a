using System;

namespace Kixie.SeatPolicy.Json;

/// <summary>Turns the engine's guard exceptions into the text of a <see cref="System.Text.Json.JsonException"/>.</summary>
internal static class EngineErrors
{
    /// <summary>The exception's message without the <c>(Parameter 'x')</c> suffix the runtime appends.</summary>
    public static string Message(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = $" (Parameter '{exception.ParamName}')";
        if (exception.ParamName is not null && message.Contains(suffix, StringComparison.Ordinal))
        {
            message = message.Replace(suffix, string.Empty, StringComparison.Ordinal);
        }

        return message.ReplaceLineEndings(" ").TrimEnd().TrimEnd('.');
    }
}
