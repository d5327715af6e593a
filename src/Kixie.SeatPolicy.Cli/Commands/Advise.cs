using System;
using System.CommandLine;
using Kixie.SeatPolicy.Cli.Rendering;
using NodaTime;

namespace Kixie.SeatPolicy.Cli;

/// <summary><c>seatpolicy advise</c>: the ways through one agent's departure, by what they cost until a horizon (rulebook §11).</summary>
internal static partial class Program
{
    private static readonly Option<string> SeatOption = new("--seat") { Required = true, HelpName = "SEAT", Description = "the leaving agent's seat" };

    private static readonly Option<Instant> Leaves = new("--leaves") { Required = true, HelpName = "INSTANT", Description = "when the agent leaves (ISO 8601 with Z or an offset)", CustomParser = static result => ParseInstant(result) };

    private static readonly Option<string> ActorOption = new("--actor") { Required = true, HelpName = "EMAIL", Description = "the Admin or Manager acting" };

    private static readonly Option<LocalDate> Until = new("--until") { Required = true, HelpName = "YYYY-MM-DD", Description = "the horizon: the last local date of the totals", CustomParser = static result => ParseDate(result) };

    private static readonly Option<Instant?> Hire = new("--hire") { HelpName = "INSTANT", Description = "when the new person starts (with --name and --email)", CustomParser = static result => ParseInstant(result) };

    private static readonly Option<string?> HireName = new("--name") { HelpName = "NAME", Description = "the new person's name (with --hire)" };

    private static readonly Option<string?> HireEmail = new("--email") { HelpName = "EMAIL", Description = "the new person's email (with --hire)" };

    private static Command AdviseCommand()
    {
        var advise = new Command("advise", "weigh the ways through one agent's departure (hold and replace, delete and add, hold vacant, delete) by what they cost until a horizon")
        {
            File, SeatOption, Leaves, ActorOption, Until, Hire, HireName, HireEmail, Format,
        };
        advise.SetAction(parsed => Advise(parsed.GetValue(File)!, parsed, parsed.GetValue(Format)));
        return advise;
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
}
