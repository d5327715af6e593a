using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Kixie.SeatPolicy.Json;
using NodaTime;

namespace Kixie.SeatPolicy.Cli.Scenarios;

/// <summary>A scenario read from a file: the account as the file gives it and its commands in file order.</summary>
/// <param name="Account">The account: version 0 unless the file gives a history.</param>
/// <param name="Commands">The commands, in the order the file gives them.</param>
/// <param name="Title">An optional title (the file's top-level <c>title</c>), shown by the table format.</param>
/// <param name="Description">An optional description (the file's top-level <c>description</c>), shown by the table format.</param>
internal sealed record Scenario(Account Account, ImmutableArray<SeatCommand> Commands, string? Title, string? Description)
{
    /// <summary>Runs the commands through the rulebook's default policy (<see cref="TurnoverPolicy.Run"/>).</summary>
    /// <param name="asOf">The local date the next bill is looked up from; null for the policy's default.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ValueRefusedException"><paramref name="asOf"/> has no next bill within time (member <c>asOf</c>).</exception>
    public SimulationReport Run(LocalDate? asOf = null) =>
        new(Title, Description, TurnoverPolicy.Default.Run(Account, Commands, asOf));

    /// <summary>
    /// How a scenario file is read: the Json package's dialect with commands read leniently (one
    /// unreadable field of a command is that command's <see cref="InvalidCommand"/>), a property given
    /// twice refused, unknown top-level properties ignored.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(SeatPolicyJson.LenientOptions)
    {
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads a scenario from the bytes of a file (UTF-8, with or without a byte-order mark).</summary>
    /// <param name="utf8">The file's content.</param>
    /// <param name="scenario">The scenario when the file is usable.</param>
    /// <param name="problem">The first problem when it is not.</param>
    /// <returns>Whether the file is a usable scenario.</returns>
    public static bool TryRead(
        ReadOnlySpan<byte> utf8,
        [NotNullWhen(true)] out Scenario? scenario,
        [NotNullWhen(false)] out ScenarioProblem? problem)
    {
        scenario = null;
        problem = null;
        ScenarioFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ScenarioFile>(utf8, Options);
        }
        catch (SeatPolicyJsonException unreadable)
        {
            problem = new ScenarioProblem(unreadable.FullPath, unreadable.Problem);
            return false;
        }
        catch (JsonException unreadable)
        {
            // System.Text.Json's own: not JSON, cut short, or a value of the wrong kind where it reads the file's shape.
            problem = new ScenarioProblem(unreadable.Path ?? "$", unreadable.Message.ReplaceLineEndings(" "));
            return false;
        }

        if (file is null)
        {
            problem = new ScenarioProblem("$", "expected an object with \"account\" and \"commands\", got null");
        }
        else if (file.Account is null)
        {
            problem = new ScenarioProblem("$.account", "the required property is missing");
        }
        else if (file.Commands is null)
        {
            problem = new ScenarioProblem("$.commands", "the required property is missing");
        }
        else if (file.Commands.IndexOf(null) is var index and >= 0)
        {
            problem = new ScenarioProblem(string.Create(CultureInfo.InvariantCulture, $"$.commands[{index}]"), "expected a command object, got null");
        }
        else
        {
            scenario = new Scenario(file.Account, [.. file.Commands!], file.Title, file.Description);
        }

        return scenario is not null;
    }

    /// <summary>The file as System.Text.Json reads it; the account and every command through the Json package.</summary>
    private sealed record ScenarioFile(Account? Account, List<SeatCommand?>? Commands, string? Title, string? Description);
}

/// <summary>Why a file is not a usable scenario: the JSON path at fault and what is wrong.</summary>
/// <param name="Path">The JSON path, e.g. <c>$.commands[3].type</c>.</param>
/// <param name="Message">The problem, one line (System.Text.Json's own, with its line number, for text that is not JSON).</param>
internal sealed record ScenarioProblem(string Path, string Message)
{
    /// <summary>The one line printed on standard error: <c>FILE: $.path: problem</c>.</summary>
    /// <param name="file">The file as the user named it.</param>
    /// <returns>The line.</returns>
    public string Format(string file) => $"{file}: {Path}: {Message}";
}

/// <summary>A scenario's run with the scenario's title and description: what every report shows.</summary>
/// <param name="Title">The scenario's title, if any.</param>
/// <param name="Description">The scenario's description, if any.</param>
/// <param name="Run">The policy's run of the scenario's commands.</param>
internal sealed record SimulationReport(string? Title, string? Description, CommandRun Run);
