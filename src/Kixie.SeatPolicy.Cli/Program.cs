using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Text;
using Kixie.SeatPolicy.Cli.Demo;
using Kixie.SeatPolicy.Cli.Rendering;
using Kixie.SeatPolicy.Cli.Scenarios;
using Kixie.SeatPolicy.Cli.Simulation;
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
}

/// <summary>The <c>seatpolicy</c> command: parse the arguments, read, simulate, render. No rules here.</summary>
internal static class Program
{
    /// <summary>Exit code: the scenario ran.</summary>
    public const int Ran = 0;

    /// <summary>Exit code: a bug in the tool (never expected; reported on one line).</summary>
    public const int Failed = 1;

    /// <summary>Exit code: unusable input or usage.</summary>
    public const int Unusable = 2;

    private static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "table (default) or json",
        HelpName = "table|json",
        DefaultValueFactory = static _ => OutputFormat.Table,
        CustomParser = static result => result.Tokens[0].Value switch
        {
            "table" => OutputFormat.Table,
            "json" => OutputFormat.Json,
            var other => Refuse<OutputFormat>(result, $"unknown format '{other}' (table or json)"),
        },
    };

    private static readonly Option<LocalDate?> AsOf = new("--as-of")
    {
        HelpName = "YYYY-MM-DD",
        Description = "the local date (account time zone) the next bill is looked up from; default: the local date of the last command",
        CustomParser = static result => LocalDatePattern.Iso.Parse(result.Tokens[0].Value) is { Success: true } date
            ? date.Value
            : Refuse<LocalDate?>(result, $"'{result.Tokens[0].Value}' is not a date (yyyy-MM-dd)"),
    };

    private static readonly Argument<string> File = new("SCENARIO")
    {
        Description = "a scenario file (docs/scenario-format.md); - reads standard input",
    };

    private static readonly Option<string> SeatOption = new("--seat") { Required = true, HelpName = "SEAT", Description = "the leaving agent's seat" };

    private static readonly Option<Instant> Leaves = new("--leaves") { Required = true, HelpName = "INSTANT", Description = "when the agent leaves (ISO 8601 with Z or an offset)", CustomParser = ParseInstant };

    private static readonly Option<string> ActorOption = new("--actor") { Required = true, HelpName = "EMAIL", Description = "the Admin or Manager acting" };

    private static readonly Option<LocalDate> Until = new("--until")
    {
        Required = true,
        HelpName = "YYYY-MM-DD",
        Description = "the horizon: the last local date of the totals",
        CustomParser = static result => LocalDatePattern.Iso.Parse(result.Tokens[0].Value) is { Success: true } date
            ? date.Value
            : Refuse<LocalDate>(result, $"'{result.Tokens[0].Value}' is not a date (yyyy-MM-dd)"),
    };

    private static readonly Option<Instant?> Hire = new("--hire") { HelpName = "INSTANT", Description = "when the new person starts (with --name and --email)", CustomParser = static result => ParseInstant(result) };

    private static readonly Option<string?> HireName = new("--name") { HelpName = "NAME", Description = "the new person's name (with --hire)" };

    private static readonly Option<string?> HireEmail = new("--email") { HelpName = "EMAIL", Description = "the new person's email (with --hire)" };

    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
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
        var simulate = new Command("simulate", "run a scenario file's commands through the turnover policy and print each outcome, the invoices, the totals and the next bill")
        {
            File, Format, AsOf,
        };
        simulate.SetAction(parsed => Simulate(parsed.GetValue(File)!, parsed.GetValue(Format), parsed.GetValue(AsOf)));

        var advise = new Command("advise", "weigh the ways through one agent's departure (hold and replace, delete and add, hold vacant, delete) by what they cost until a horizon")
        {
            File, SeatOption, Leaves, ActorOption, Until, Hire, HireName, HireEmail, Format,
        };
        advise.SetAction(parsed => Advise(parsed.GetValue(File)!, parsed, parsed.GetValue(Format)));

        var demo = new Command("demo", "run the built-in story: turnover under a contract, and a non-contract account") { Format };
        demo.SetAction(parsed => RunDemo(parsed.GetValue(Format)));

        var root = new RootCommand("seatpolicy: what happens, and what it costs, when an admin adds, replaces, deactivates or deletes an agent. Exit codes: 0 the scenario ran (rejected commands are outcomes); 2 unusable input or usage.")
        {
            simulate, advise, demo,
        };

        var parsed = root.Parse(args is ["help", .. var rest] ? [.. rest, "--help"] : args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            var errors = string.Join(" ", parsed.Errors.Select(static error => error.Message.ReplaceLineEndings(" ")));
            Console.Error.WriteLine($"seatpolicy: {errors} (seatpolicy --help for usage)");
            return Unusable;
        }

        return parsed.Invoke();
    }

    private static T Refuse<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }

    private static Instant ParseInstant(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        return InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc ? utc.Value
            : OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset ? offset.Value.ToInstant()
            : Refuse<Instant>(result, $"'{text}' is not an instant (ISO 8601 with Z or an offset)");
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"seatpolicy: {message} (seatpolicy --help for usage)");
        return Unusable;
    }

    private static int Advise(string file, ParseResult parsed, OutputFormat format)
    {
        var (hire, name, email) = (parsed.GetValue(Hire), parsed.GetValue(HireName), parsed.GetValue(HireEmail));
        if ((hire is null || name is null || email is null) && (hire is not null || name is not null || email is not null))
        {
            return Usage("--hire, --name and --email go together");
        }

        if (ReadScenario(file) is not { } scenario)
        {
            return Unusable;
        }

        TurnoverAdvice advice;
        try
        {
            advice = TurnoverAdvisor.Advise(
                Simulator.Run(scenario).Account,
                new SeatId(parsed.GetValue(SeatOption)!),
                parsed.GetValue(Leaves),
                new Actor(parsed.GetValue(ActorOption)!),
                parsed.GetValue(Until),
                hire,
                name,
                email);
        }
        catch (ValueRefusedException refused)
        {
            var option = refused.ParamName switch { "until" => "--until", "hireAt" => "--hire", "hireName" => "--name", "hireEmail" => "--email", _ => "--leaves" };
            return Usage($"{option}: {refused.Reason}");
        }

        if (format == OutputFormat.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            AdviceReport.WriteJson(advice, stdout);
        }
        else
        {
            AdviceReport.WriteTable(advice, Console.Out);
        }

        return Ran;
    }

    private static Scenario? ReadScenario(string file)
    {
        byte[] content;
        try
        {
            content = file == "-" ? ReadStandardInput() : System.IO.File.ReadAllBytes(file);
        }
        catch (Exception cannot) when (cannot is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            Console.Error.WriteLine(new ScenarioProblem("$", $"cannot read the file: {cannot.Message.ReplaceLineEndings(" ")}").Format(file));
            return null;
        }

        if (!Scenario.TryRead(content, out var scenario, out var problem))
        {
            Console.Error.WriteLine(problem.Format(file));
            return null;
        }

        return scenario;
    }

    private static int Simulate(string file, OutputFormat format, LocalDate? asOf)
    {
        if (ReadScenario(file) is not { } scenario)
        {
            return Unusable;
        }

        SimulationReport report;
        try
        {
            report = Simulator.Run(scenario, asOf);
        }
        catch (OverflowException)
        {
            // Amounts are checked 64-bit minor units; only an absurd seat price gets here.
            var price = scenario.Account.SeatPrice;
            Console.Error.WriteLine(
                new ScenarioProblem("$.account.seatPrice", $"{price} {price.Currency} is too large: the charges or bills it leads to overflow").Format(file));
            return Unusable;
        }

        Render([report], format, many: false);
        return Ran;
    }

    private static byte[] ReadStandardInput()
    {
        using var input = Console.OpenStandardInput();
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }

    private static int RunDemo(OutputFormat format)
    {
        var reports = DemoScenarios.All
            .Select(demo => Simulator.Run(DemoScenarios.Read(demo)))
            .ToList();
        if (format == OutputFormat.Table)
        {
            Console.Out.WriteLine(DemoScenarios.Introduction);
            Console.Out.WriteLine();
        }

        Render(reports, format, many: true);
        if (format == OutputFormat.Table)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine(new string('─', 72));
            Console.Out.WriteLine();
            Console.Out.WriteLine(DemoScenarios.AdviceChapter);
            foreach (var (name, seat, actor) in DemoScenarios.AdviceCases)
            {
                Console.Out.WriteLine();
                Console.Out.WriteLine(DemoScenarios.Read(name).Title);
                AdviceReport.WriteTable(TurnoverAdvisor.Advise(DemoScenarios.Read(name).Account, new SeatId(seat), DemoScenarios.Leaves, new Actor(actor), DemoScenarios.Horizon, DemoScenarios.MariaStarts, "Maria Santos", "maria.santos@example.test"), Console.Out);
            }
        }

        return Ran;
    }

    private static void Render(List<SimulationReport> reports, OutputFormat format, bool many)
    {
        if (format == OutputFormat.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            if (many)
            {
                JsonReport.WriteMany(reports, stdout);
            }
            else
            {
                JsonReport.Write(reports[0], stdout);
            }

            return;
        }

        var colour = !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
        for (var i = 0; i < reports.Count; i++)
        {
            if (i > 0)
            {
                Console.Out.WriteLine();
                Console.Out.WriteLine(new string('─', 72));
                Console.Out.WriteLine();
            }

            TableReport.Write(reports[i], Console.Out, colour);
        }
    }
}
