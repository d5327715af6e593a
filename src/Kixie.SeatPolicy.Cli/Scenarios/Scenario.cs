using System.Collections.Immutable;

namespace Kixie.SeatPolicy.Cli.Scenarios;

/// <summary>A scenario read from a file: the account as opened (version 0) and its commands in file order.</summary>
/// <param name="Account">The account at version 0.</param>
/// <param name="Commands">The commands, in the order the file gives them.</param>
/// <param name="Title">An optional title (the file's top-level <c>title</c>), shown by the table format.</param>
/// <param name="Description">An optional description (the file's top-level <c>description</c>), shown by the table format.</param>
internal sealed record Scenario(Account Account, ImmutableArray<ScenarioCommand> Commands, string? Title, string? Description);

/// <summary>One command of a scenario as the engine receives it, with what the report needs to name it.</summary>
/// <param name="Id">The command's id as written in the file.</param>
/// <param name="SeatText">The seat the command names, when it gives a non-blank string; otherwise null.</param>
/// <param name="Command">The command handed to the policy (a <see cref="MalformedCommand"/> when a field could not be read).</param>
internal sealed record ScenarioCommand(string Id, string? SeatText, SeatCommand Command);

/// <summary>Why a file is not a usable scenario: the JSON path at fault, what is wrong, and the line when known.</summary>
/// <param name="Path">The JSON path, e.g. <c>$.commands[3].type</c>.</param>
/// <param name="Message">The problem, one line.</param>
/// <param name="Line">The 1-based line of the value at fault (or of its nearest enclosing value), when known.</param>
internal sealed record ScenarioProblem(string Path, string Message, long? Line)
{
    /// <summary>The one line printed on standard error: <c>FILE: $.path: problem (line N)</c>.</summary>
    /// <param name="file">The file as the user named it.</param>
    /// <returns>The line.</returns>
    public string Format(string file) =>
        Line is { } line
            ? $"{file}: {Path}: {Message} (line {line.ToString(System.Globalization.CultureInfo.InvariantCulture)})"
            : $"{file}: {Path}: {Message}";
}
