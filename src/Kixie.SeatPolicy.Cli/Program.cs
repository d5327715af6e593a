using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Text;
using Kixie.SeatPolicy.Cli.Demo;
using Kixie.SeatPolicy.Cli.Rendering;
using Kixie.SeatPolicy.Json;
using NodaTime;
using NodaTime.Text;

namespace Kixie.SeatPolicy.Cli;

/// <summary>The output formats.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned columns for a person. The default.</summary>
    Table = 0,

    /// <summary>The JSON document of <c>docs/scenario-format.md</c>.</summary>
    Json = 1,

    /// <summary>One self-contained HTML page: a seat timeline in SVG, the invoices and the commands.</summary>
    Html = 2,
}

/// <summary>
/// The <c>seatpolicy</c> command: parse the arguments, read, simulate, render. No rules here. Each command
/// is a file of its own in <c>Commands/</c>; this one holds what they share: the exit codes, the output, the
/// scenario reader and the argument parsers.
/// </summary>
internal static partial class Program
{
    /// <summary>Exit code: the scenario ran.</summary>
    public const int Ran = 0;

    /// <summary>Exit code: a bug in the tool (never expected; reported on one line).</summary>
    public const int Failed = 1;

    /// <summary>Exit code: unusable input or usage.</summary>
    public const int Unusable = 2;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "table (default), json or html",
        HelpName = "table|json|html",
        DefaultValueFactory = static _ => OutputFormat.Table,
        CustomParser = static result => result.Tokens[0].Value switch
        {
            "table" => OutputFormat.Table,
            "json" => OutputFormat.Json,
            "html" => OutputFormat.Html,
            var other => Refuse<OutputFormat>(result, $"unknown format '{other}' (table, json or html)"),
        },
    };

    private static readonly Option<string?> Output = new("--output") { HelpName = "FILE", Description = "write to FILE (whole, or not at all) instead of standard output" };

    private static readonly Argument<string> File = new("SCENARIO") { Description = "a scenario file (docs/scenario-format.md); - reads standard input" };

    private static int Main(string[] args)
    {
        Console.OutputEncoding = Utf8;
        try
        {
            return Run(args);
        }
#pragma warning disable CA1031 // The last line of defence: one line on stderr instead of a stack trace.
        catch (Exception unexpected)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"seatpolicy: internal error: {unexpected.GetType().Name}: {unexpected.Message.ReplaceLineEndings(" ")}");
            return Failed;
        }
    }

    private static int Run(string[] args)
    {
        var root = new RootCommand("seatpolicy: what happens, and what it costs, when an admin adds, replaces, deactivates or deletes an agent. Exit codes: 0 the scenario ran (rejected commands are outcomes); 2 unusable input or usage.")
        {
            SimulateCommand(), AdviseCommand(), DemoCommand(), ProrateCommand(),
        };

        var parsed = root.Parse(args is ["help", .. var rest] ? [.. rest, "--help"] : args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            return Usage(string.Join(" ", parsed.Errors.Select(static error => error.Message.ReplaceLineEndings(" "))));
        }

        return parsed.Invoke();
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"seatpolicy: {message} (seatpolicy --help for usage)");
        return Unusable;
    }

    private static T Refuse<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }

    /// <summary>An option's instant, ISO 8601 with Z or an offset; <paramref name="prefix"/> leads the error.</summary>
    private static Instant ParseInstant(ArgumentResult result, string prefix = "")
    {
        var text = result.Tokens[0].Value;
        return InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc ? utc.Value
            : OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset ? offset.Value.ToInstant()
            : Refuse<Instant>(result, $"{prefix}'{text}' is not an instant (ISO 8601 with Z or an offset)");
    }

    /// <summary>An option's local date, yyyy-MM-dd; <paramref name="prefix"/> leads the error.</summary>
    private static LocalDate ParseDate(ArgumentResult result, string prefix = "")
    {
        var text = result.Tokens[0].Value;
        return LocalDatePattern.Iso.Parse(text) is { Success: true } date
            ? date.Value
            : Refuse<LocalDate>(result, $"{prefix}'{text}' is not a date (yyyy-MM-dd)");
    }

    /// <summary>The scenario in <paramref name="file"/> (<c>-</c>: standard input), or null when it is unusable, said on standard error.</summary>
    private static Scenario? ReadScenario(string file)
    {
        using var content = new MemoryStream();
        try
        {
            using var input = file == "-" ? Console.OpenStandardInput() : System.IO.File.OpenRead(file);
            input.CopyTo(content);
        }
        catch (Exception cannot) when (cannot is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            Console.Error.WriteLine($"{file}: $: cannot read the file: {cannot.Message.ReplaceLineEndings(" ")}");
            return null;
        }

        try
        {
            return Scenario.Read(content.ToArray());
        }
        catch (SeatPolicyJsonException unusable)
        {
            Console.Error.WriteLine($"{file}: {unusable.FullPath}: {unusable.Problem}".ReplaceLineEndings(" "));
            return null;
        }
    }

    /// <summary>Amounts are checked 64-bit minor units; only an absurd seat price gets an overflow: the file is unusable.</summary>
    private static int SeatPriceTooLarge(string file, Scenario scenario)
    {
        var price = scenario.Account.SeatPrice;
        Console.Error.WriteLine($"{file}: $.account.seatPrice: {price} {price.Currency} is too large: the charges or bills it leads to overflow");
        return Unusable;
    }

    /// <summary>Renders the reports of one scenario, or of the demo's (<paramref name="many"/>), in <paramref name="format"/>.</summary>
    private static int Emit(List<SimulationReport> reports, OutputFormat format, bool many, string? output) => Emit(
        format,
        output,
        stream => JsonReport.Write(reports, many, stream),
        (writer, colour) =>
        {
            if (format == OutputFormat.Html)
            {
                HtmlReport.Write(reports, many ? "seatpolicy demo: managing agent turnover" : reports[0].Title ?? "seatpolicy simulate", many ? DemoScenarios.Introduction : null, writer);
                return;
            }

            if (many)
            {
                writer.WriteLine(DemoScenarios.Introduction);
                writer.WriteLine();
            }

            for (var i = 0; i < reports.Count; i++)
            {
                TableReport.WriteRuleBetween(i > 0, writer);
                TableReport.Write(reports[i], writer, colour);
            }

            if (many)
            {
                DemoScenarios.WriteAdviceChapter(writer);
            }
        });

    /// <summary>
    /// Writes with <paramref name="json"/> for <c>--format json</c>, else with <paramref name="text"/> (told whether
    /// to colour), to standard output or to <paramref name="output"/> through a temporary file in its folder, moved
    /// into place when whole.
    /// </summary>
    private static int Emit(OutputFormat format, string? output, Action<Stream> json, Action<TextWriter, bool> text)
    {
        void Write(Stream stream, bool colour)
        {
            if (format == OutputFormat.Json)
            {
                json(stream);
                return;
            }

            using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
            text(writer, colour);
        }

        if (output is null)
        {
            using var stdout = Console.OpenStandardOutput();
            Write(stdout, !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && Environment.GetEnvironmentVariable("TERM") != "dumb");
            return Ran;
        }

        var target = Path.GetFullPath(output);
        var folder = Path.GetDirectoryName(target) ?? target;
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"seatpolicy: cannot write {output}: the folder {folder} does not exist");
            return Unusable;
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                Write(stream, colour: false);
            }

            System.IO.File.Move(temporary, target, overwrite: true);
            return Ran;
        }
        catch (Exception cannot) when (cannot is IOException or UnauthorizedAccessException)
        {
            System.IO.File.Delete(temporary);
            Console.Error.WriteLine($"seatpolicy: cannot write {output}: {cannot.Message.ReplaceLineEndings(" ")}");
            return Unusable;
        }
    }
}
