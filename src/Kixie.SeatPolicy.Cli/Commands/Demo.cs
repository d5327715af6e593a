using System.CommandLine;
using System.Linq;
using Kixie.SeatPolicy.Cli.Demo;

namespace Kixie.SeatPolicy.Cli;

/// <summary><c>seatpolicy demo</c>: the built-in story of the help article, two accounts.</summary>
internal static partial class Program
{
    private static Command DemoCommand()
    {
        var demo = new Command("demo", "run the built-in story: turnover under a contract, and a non-contract account") { Format, Output };
        demo.SetAction(parsed => RunDemo(parsed.GetValue(Format), parsed.GetValue(Output)));
        return demo;
    }

    private static int RunDemo(OutputFormat format, string? output) =>
        Emit([.. DemoScenarios.All.Select(demo => Simulate(DemoScenarios.Read(demo)))], format, many: true, output);
}
