using System;
using System.Collections.Generic;
using NodaTime;

namespace Kixie.SeatPolicy.Cli.CommandLine;

/// <summary>The output formats.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned columns for a person. The default.</summary>
    Table = 0,

    /// <summary>The JSON document of <c>docs/scenario-format.md</c>.</summary>
    Json = 1,
}

/// <summary>What the command line asks for.</summary>
internal abstract record Invocation
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: seatpolicy simulate SCENARIO.json|- [--format table|json] [--as-of YYYY-MM-DD]
               seatpolicy demo [--format table|json]
               seatpolicy --help

          simulate   run a scenario file's commands (- reads standard input) through the turnover
                     policy and print each outcome, the totals and the next bill
          demo       run the built-in story: turnover under a contract, and a non-contract account
          --format   table (default) or json
          --as-of    the local date (account time zone) the next bill is looked up from; default:
                     the local date of the last command

        exit codes: 0 the scenario ran (rejected commands are outcomes); 2 unusable input or usage
        """;

    /// <summary>Reads the arguments.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <returns>What to do; a <see cref="UsageError"/> when the arguments make no sense.</returns>
    public static Invocation Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (var arg in args)
        {
            if (arg is "--help" or "-h" or "-?")
            {
                return new Help();
            }
        }

        if (args is ["help", ..])
        {
            return new Help();
        }

        if (args.Count == 0)
        {
            return new UsageError("no command given");
        }

        var verb = args[0];
        if (verb is not ("simulate" or "demo"))
        {
            return new UsageError(verb.StartsWith('-') ? $"unknown option '{verb}'" : $"unknown command '{verb}'");
        }

        string? file = null;
        string? formatText = null;
        string? asOfText = null;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inlineValue) = SplitOption(arg);
            if (name is "--format" or "--as-of")
            {
                if (name == "--as-of" && verb == "demo")
                {
                    return new UsageError("demo takes no --as-of (its scenarios bill as of their last command)");
                }

                string value;
                if (inlineValue is not null)
                {
                    value = inlineValue;
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    return new UsageError($"{name} needs a value");
                }

                if ((name == "--format" ? formatText : asOfText) is not null)
                {
                    return new UsageError($"{name} is given twice");
                }

                if (name == "--format")
                {
                    formatText = value;
                }
                else
                {
                    asOfText = value;
                }
            }
            else if (arg.StartsWith('-') && arg != "-")
            {
                return new UsageError($"unknown option '{arg}'");
            }
            else if (verb == "demo")
            {
                return new UsageError($"demo takes no file ('{arg}')");
            }
            else if (file is not null)
            {
                return new UsageError($"one scenario file at a time ('{file}', then '{arg}')");
            }
            else
            {
                file = arg;
            }
        }

        var format = OutputFormat.Table;
        if (formatText is not null)
        {
            switch (formatText)
            {
                case "table":
                    format = OutputFormat.Table;
                    break;
                case "json":
                    format = OutputFormat.Json;
                    break;
                default:
                    return new UsageError($"unknown format '{formatText}' (table or json)");
            }
        }

        if (verb == "demo")
        {
            return new Demo(format);
        }

        if (file is null)
        {
            return new UsageError("simulate needs a scenario file");
        }

        LocalDate? asOf = null;
        if (asOfText is not null)
        {
            if (!Scenarios.JsonValues.TryParseDate(asOfText, out var date))
            {
                return new UsageError($"--as-of: '{asOfText}' is not a date (yyyy-MM-dd, a day that exists)");
            }

            asOf = date;
        }

        return new Simulate(file, format, asOf);
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                return (arg[..equals], arg[(equals + 1)..]);
            }
        }

        return (arg, null);
    }

    /// <summary><c>--help</c>: print the usage.</summary>
    internal sealed record Help : Invocation;

    /// <summary>Arguments that make no sense: exit 2 with the message and the usage.</summary>
    /// <param name="Message">What is wrong, one line.</param>
    internal sealed record UsageError(string Message) : Invocation;

    /// <summary><c>simulate FILE</c>.</summary>
    /// <param name="File">The scenario file as named.</param>
    /// <param name="Format">The output format.</param>
    /// <param name="AsOf">The next bill's as-of date, if given.</param>
    internal sealed record Simulate(string File, OutputFormat Format, LocalDate? AsOf) : Invocation;

    /// <summary><c>demo</c>.</summary>
    /// <param name="Format">The output format.</param>
    internal sealed record Demo(OutputFormat Format) : Invocation;
}
