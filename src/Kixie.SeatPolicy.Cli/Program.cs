using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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

/// <summary>The <c>seatpolicy</c> command: parse the arguments, read, simulate, render. No rules here.</summary>
internal static class Program
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

    private static readonly Option<LocalDate?> AsOf = new("--as-of")
    {
        HelpName = "YYYY-MM-DD", CustomParser = static result => ParseDate(result),
        Description = "the local date (account time zone) the next bill is looked up from; default: the local date of the last command",
    };

    private static readonly Option<string?> Output = new("--output") { HelpName = "FILE", Description = "write to FILE (whole, or not at all) instead of standard output" };

    private static readonly Argument<string> File = new("SCENARIO") { Description = "a scenario file (docs/scenario-format.md); - reads standard input" };

    private static readonly Option<string> SeatOption = new("--seat") { Required = true, HelpName = "SEAT", Description = "the leaving agent's seat" };

    private static readonly Option<Instant> Leaves = new("--leaves") { Required = true, HelpName = "INSTANT", Description = "when the agent leaves (ISO 8601 with Z or an offset)", CustomParser = static result => ParseInstant(result) };

    private static readonly Option<string> ActorOption = new("--actor") { Required = true, HelpName = "EMAIL", Description = "the Admin or Manager acting" };

    private static readonly Option<LocalDate> Until = new("--until") { Required = true, HelpName = "YYYY-MM-DD", Description = "the horizon: the last local date of the totals", CustomParser = static result => ParseDate(result) };

    private static readonly Option<Instant?> Hire = new("--hire") { HelpName = "INSTANT", Description = "when the new person starts (with --name and --email)", CustomParser = static result => ParseInstant(result) };

    private static readonly Option<string?> HireName = new("--name") { HelpName = "NAME", Description = "the new person's name (with --hire)" };

    private static readonly Option<string?> HireEmail = new("--email") { HelpName = "EMAIL", Description = "the new person's email (with --hire)" };

    private static readonly Option<string> Price = new("--price") { Description = "the seat price for one period, e.g. 31.00", Required = true };

    private static readonly Option<string> CurrencyCode = new("--currency") { Description = "an ISO 4217 code, e.g. USD", Required = true };

    private static readonly Option<BillingCycle> Cycle = new("--cycle")
    {
        Description = "Monthly, Quarterly or Annual",
        Required = true,
        CustomParser = static result => Enum.TryParse<BillingCycle>(result.Tokens[0].Value, ignoreCase: false, out var cycle)
            && Enum.IsDefined(cycle) && !char.IsAsciiDigit(result.Tokens[0].Value[0])
            ? cycle
            : Refuse<BillingCycle>(result, $"--cycle: unknown billing cycle '{result.Tokens[0].Value}' (Monthly, Quarterly or Annual)"),
    };

    private static readonly Option<LocalDate> Anchor = new("--anchor") { Required = true, HelpName = "YYYY-MM-DD", Description = "the bill date every other is derived from", CustomParser = static result => ParseDate(result, "--anchor: ") };

    private static readonly Option<string> Zone = new("--zone") { Description = "the account's tzdb time zone", DefaultValueFactory = static _ => "UTC" };

    private static readonly Option<Instant> At = new("--at") { Required = true, Description = "the add's instant, ISO 8601 with Z or an offset", CustomParser = static result => ParseInstant(result, "--at: ") };

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
        var simulate = new Command("simulate", "run a scenario file's commands through the turnover policy and print each outcome, the invoices, the totals and the next bill")
        {
            File, Format, AsOf, Output,
        };
        simulate.SetAction(parsed => Simulate(parsed.GetValue(File)!, parsed.GetValue(Format), parsed.GetValue(AsOf), parsed.GetValue(Output)));

        var advise = new Command("advise", "weigh the ways through one agent's departure (hold and replace, delete and add, hold vacant, delete) by what they cost until a horizon")
        {
            File, SeatOption, Leaves, ActorOption, Until, Hire, HireName, HireEmail, Format,
        };
        advise.SetAction(parsed => Advise(parsed.GetValue(File)!, parsed, parsed.GetValue(Format)));

        var demo = new Command("demo", "run the built-in story: turnover under a contract, and a non-contract account") { Format, Output };
        demo.SetAction(parsed => RunDemo(parsed.GetValue(Format), parsed.GetValue(Output)));

        var prorate = new Command("prorate", "one add charged under every convention side by side: standard by day, 30E/360, by the second, Kill Bill, Lago")
        {
            Price, CurrencyCode, Cycle, Anchor, Zone, At, Format,
        };
        prorate.SetAction(parsed => Prorate(
            parsed.GetValue(Price)!, parsed.GetValue(CurrencyCode)!, parsed.GetValue(Cycle), parsed.GetValue(Anchor), parsed.GetValue(Zone)!, parsed.GetValue(At), parsed.GetValue(Format)));

        var root = new RootCommand("seatpolicy: what happens, and what it costs, when an admin adds, replaces, deactivates or deletes an agent. Exit codes: 0 the scenario ran (rejected commands are outcomes); 2 unusable input or usage.")
        {
            simulate, advise, demo, prorate,
        };

        var parsed = root.Parse(args is ["help", .. var rest] ? [.. rest, "--help"] : args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            return Usage(string.Join(" ", parsed.Errors.Select(static error => error.Message.ReplaceLineEndings(" "))));
        }

        return parsed.Invoke();
    }

    private static int Prorate(string priceText, string code, BillingCycle cycle, LocalDate anchor, string zoneId, Instant at, OutputFormat format)
    {
        if (!Currency.TryFromCode(code, out var currency))
        {
            return Usage($"--currency: '{code}' is not an active ISO 4217 code");
        }

        if (!Money.TryParse(priceText, currency, out var price) || price.IsNegative)
        {
            return Usage($"--price: '{priceText}' is not an amount of zero or more in {currency.Code} (exactly {currency.MinorDigits} minor digits)");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is not { } zone)
        {
            return Usage($"--zone: unknown time zone '{zoneId}'");
        }

        var calendar = new BillingCalendar(cycle, anchor);
        ImmutableArray<ProratedCharge> charges;
        try
        {
            charges = [.. ProrateReport.Conventions.Select(convention => Proration.Prorate(price, calendar, at, zone, convention))];
        }
        catch (ValueRefusedException refused) when (refused.Member == "at")
        {
            return Usage($"--at: {refused.Reason}");
        }

        return Emit(format, output: null, stream => ProrateReport.WriteJson(charges, stream), (writer, _) => ProrateReport.WriteTable(charges, writer));
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

    /// <summary>Runs the scenario's commands through the rulebook's default policy (<see cref="CommandRuns.Run"/>), the next bill as of <paramref name="asOf"/> (null: the policy's default).</summary>
    /// <exception cref="ValueRefusedException"><paramref name="asOf"/> has no next bill within time (member <c>asOf</c>).</exception>
    private static SimulationReport Simulate(Scenario scenario, LocalDate? asOf = null) =>
        new(scenario.Title, scenario.Description, TurnoverPolicy.Default.Run(scenario.Account, scenario.Commands, asOf));

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
            var account = TurnoverPolicy.Default.Run(scenario.Account, scenario.Commands).Account;
            advice = TurnoverAdvisor.Advise(account, new SeatId(parsed.GetValue(SeatOption)!), parsed.GetValue(Leaves), new Actor(parsed.GetValue(ActorOption)!), parsed.GetValue(Until), hire, name, email);
        }
        catch (OverflowException)
        {
            return SeatPriceTooLarge(file, scenario);
        }
        catch (ValueRefusedException refused)
        {
            var option = refused.ParamName switch { "until" => "--until", "hireAt" => "--hire", "hireName" => "--name", "hireEmail" => "--email", _ => "--leaves" };
            return Usage($"{option}: {refused.Reason}");
        }

        return Emit(format, output: null, stream => AdviceReport.WriteJson(advice, stream), (writer, _) => AdviceReport.WriteTable(advice, writer));
    }

    private static int Simulate(string file, OutputFormat format, LocalDate? asOf, string? output)
    {
        if (ReadScenario(file) is not { } scenario)
        {
            return Unusable;
        }

        SimulationReport report;
        try
        {
            report = Simulate(scenario, asOf);
        }
        catch (ValueRefusedException refused) when (refused.Member == "asOf")
        {
            return Usage($"--as-of: {refused.Reason}");
        }
        catch (OverflowException)
        {
            return SeatPriceTooLarge(file, scenario);
        }

        return Emit([report], format, many: false, output);
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

    private static int RunDemo(OutputFormat format, string? output) =>
        Emit([.. DemoScenarios.All.Select(demo => Simulate(DemoScenarios.Read(demo)))], format, many: true, output);

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
