using System;
using System.CommandLine;
using Kixie.SeatPolicy.Cli.Rendering;
using Kixie.SeatPolicy.Json;
using NodaTime;

namespace Kixie.SeatPolicy.Cli;

/// <summary><c>seatpolicy simulate</c>: a scenario's commands through the policy, each outcome, the invoices, the totals and the next bill.</summary>
internal static partial class Program
{
    private static readonly Option<LocalDate?> AsOf = new("--as-of")
    {
        HelpName = "YYYY-MM-DD", CustomParser = static result => ParseDate(result),
        Description = "the local date (account time zone) the next bill is looked up from; default: the local date of the last command",
    };

    private static Command SimulateCommand()
    {
        var simulate = new Command("simulate", "run a scenario file's commands through the turnover policy and print each outcome, the invoices, the totals and the next bill")
        {
            File, Format, AsOf, Output,
        };
        simulate.SetAction(parsed => Simulate(parsed.GetValue(File)!, parsed.GetValue(Format), parsed.GetValue(AsOf), parsed.GetValue(Output)));
        return simulate;
    }

    /// <summary>Runs the scenario's commands through the rulebook's default policy (<see cref="CommandRuns.Run"/>), the next bill as of <paramref name="asOf"/> (null: the policy's default).</summary>
    /// <exception cref="ValueRefusedException"><paramref name="asOf"/> has no next bill within time (member <c>asOf</c>).</exception>
    private static SimulationReport Simulate(Scenario scenario, LocalDate? asOf = null) =>
        new(scenario.Title, scenario.Description, TurnoverPolicy.Default.Run(scenario.Account, scenario.Commands, asOf));

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
}
