using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Kixie.SeatPolicy.Cli.CommandLine;
using Kixie.SeatPolicy.Cli.Demo;
using Kixie.SeatPolicy.Cli.Rendering;
using Kixie.SeatPolicy.Cli.Scenarios;
using Kixie.SeatPolicy.Cli.Simulation;

namespace Kixie.SeatPolicy.Cli;

/// <summary>The <c>seatpolicy</c> command: parse the arguments, read, simulate, render. No rules here.</summary>
internal static class Program
{
    /// <summary>Exit code: the scenario ran.</summary>
    public const int Ran = 0;

    /// <summary>Exit code: a bug in the tool (never expected; reported on one line).</summary>
    public const int Failed = 1;

    /// <summary>Exit code: unusable input or usage.</summary>
    public const int Unusable = 2;

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
        switch (Invocation.Parse(args))
        {
            case Invocation.Help:
                Console.Out.WriteLine(Invocation.Usage);
                return Ran;
            case Invocation.UsageError error:
                Console.Error.WriteLine($"seatpolicy: {error.Message}");
                Console.Error.WriteLine(Invocation.Usage);
                return Unusable;
            case Invocation.Simulate simulate:
                return Simulate(simulate);
            case Invocation.Demo demo:
                return RunDemo(demo.Format);
            default:
                throw new InvalidOperationException("Unknown invocation.");
        }
    }

    private static int Simulate(Invocation.Simulate simulate)
    {
        byte[] content;
        try
        {
            content = simulate.File == "-" ? ReadStandardInput() : File.ReadAllBytes(simulate.File);
        }
        catch (Exception cannot) when (cannot is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            Console.Error.WriteLine(new ScenarioProblem("$", $"cannot read the file: {cannot.Message.ReplaceLineEndings(" ")}", null).Format(simulate.File));
            return Unusable;
        }

        if (!ScenarioReader.TryRead(content, out var scenario, out var problem))
        {
            Console.Error.WriteLine(problem.Format(simulate.File));
            return Unusable;
        }

        SimulationReport report;
        try
        {
            report = Simulator.Run(scenario, simulate.AsOf);
        }
        catch (OverflowException)
        {
            // Amounts are checked 64-bit minor units; only an absurd seat price gets here.
            var price = scenario.Account.SeatPrice;
            Console.Error.WriteLine(
                new ScenarioProblem("$.account.seatPrice", $"{price} {price.Currency} is too large: the charges or bills it leads to overflow", null).Format(simulate.File));
            return Unusable;
        }

        Render([report], simulate.Format, many: false);
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
