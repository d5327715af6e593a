using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using Kixie.SeatPolicy.Cli.Rendering;
using Kixie.SeatPolicy.Json;
using SharpFuzz;

namespace Kixie.SeatPolicy.Fuzzing;

/// <summary>
/// The fuzzing harness: one input, read every way a file or a request reaches the library. Under afl-fuzz
/// (fuzz.sh) SharpFuzz runs <see cref="Run"/> once per input and reports any exception that escapes it as a
/// crash. Given files or folders (<c>dotnet Kixie.SeatPolicy.Fuzzing.dll crashes/</c>) it runs each file
/// once, prints the exception of each that fails and exits 1 if any did: that reproduces a finding, and
/// fuzz.sh checks the seed corpus with it before fuzzing.
/// </summary>
internal static class Program
{
    /// <summary>The size of the branch trace map SharpFuzz's instrumentation writes to (afl's MAP_SIZE).</summary>
    private const int TraceMapSize = 1 << 16;

    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Fuzzer.OutOfProcess.Run(stream => Run(ReadAll(stream)));
            return 0;
        }

        // Instrumented assemblies write their branch trace to afl-fuzz's shared memory; outside afl-fuzz
        // give them a map of their own, as SharpFuzz does when it runs an input once.
        unsafe
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(TraceMapSize);
        }

        var failed = 0;
        foreach (var file in Files(args))
        {
            try
            {
                Run(File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // Every exception that escapes Run is a finding to report, whatever its type.
            catch (Exception finding)
#pragma warning restore CA1031
            {
                failed++;
                Console.Error.WriteLine($"{file}: {finding}");
            }
        }

        Console.WriteLine($"{failed} of the inputs failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Reads <paramref name="input"/> as a scenario file, as <c>seatpolicy simulate</c> does (read, simulate,
    /// render as JSON, a table and HTML) and <c>seatpolicy advise</c> (advice on the simulated account), then as an account, a command (strictly and leniently), an event
    /// and a list of events through the Json package's options. Throws only on what is a bug.
    /// </summary>
    /// <param name="input">The bytes.</param>
    public static void Run(byte[] input)
    {
        Simulate(input);
        Read<Account>(input, SeatPolicyJson.Options);
        Read<SeatCommand>(input, SeatPolicyJson.Options);
        Read<SeatCommand>(input, SeatPolicyJson.LenientOptions);
        Read<SeatEvent>(input, SeatPolicyJson.Options);
        Read<List<SeatEvent>>(input, SeatPolicyJson.Options);
    }

    /// <summary>
    /// The tool's path: an unusable file is <see cref="Scenario.Read"/>'s <see cref="SeatPolicyJsonException"/>,
    /// and a seat price whose charges overflow is the one exception <c>simulate</c> turns into an unusable file.
    /// Nothing else may throw.
    /// </summary>
    private static void Simulate(byte[] input)
    {
        Scenario scenario;
        SimulationReport report;
        try
        {
            scenario = Scenario.Read(input);
            report = new SimulationReport(scenario.Title, scenario.Description, TurnoverPolicy.Default.Run(scenario.Account, scenario.Commands));
        }
        catch (Exception unusable) when (unusable is SeatPolicyJsonException or OverflowException)
        {
            return;
        }

        JsonReport.Write([report], many: false, Stream.Null);
        TableReport.Write(report, TextWriter.Null, colour: false);
        HtmlReport.Write([report], report.Title ?? "seatpolicy simulate", null, TextWriter.Null);
        Advise(report.Run.Account, scenario);
    }

    /// <summary>
    /// <c>seatpolicy advise</c> on the scenario's account after its commands: the first initial seat's
    /// occupant leaves at the last command's instant (the anchor's first instant without commands), asked by
    /// support, with a horizon 60 days on and a hire an hour later. The tool reports a
    /// <see cref="ValueRefusedException"/> as a refused option and an <see cref="OverflowException"/> as a seat
    /// price too large; nothing else may throw.
    /// </summary>
    private static void Advise(Account account, Scenario scenario)
    {
        var leaves = scenario.Commands.IsEmpty ? account.Billing.Anchor.AtMidnight().InUtc().ToInstant() : scenario.Commands[^1].At;
        var from = account.TryLocalDateOf(leaves, out var date) ? date : account.Billing.Anchor;
        var until = from <= NodaTime.LocalDate.MaxIsoValue.PlusDays(-60) ? from.PlusDays(60) : NodaTime.LocalDate.MaxIsoValue;
        var seat = account.InitialSeats.IsEmpty ? new SeatId("s1") : account.InitialSeats[0].Seat;
        var hire = leaves <= NodaTime.Instant.MaxValue - NodaTime.Duration.FromHours(1) ? leaves + NodaTime.Duration.FromHours(1) : leaves;
        try
        {
            _ = TurnoverAdvisor.Advise(account, seat, leaves, Actor.Support, until);
            var advice = TurnoverAdvisor.Advise(account, seat, leaves, Actor.Support, until, hire, "Maria Lopez", "maria@acme.test");
            AdviceReport.WriteJson(advice, Stream.Null);
            AdviceReport.WriteTable(advice, TextWriter.Null);
        }
        catch (Exception expected) when (expected is ValueRefusedException or OverflowException)
        {
            // The tool's refusals: exit 2 with the option or the seat price at fault.
        }
    }

    /// <summary>The Json package's documented refusal of input it cannot read is a <see cref="JsonException"/>; nothing else may throw.</summary>
    private static void Read<T>(byte[] input, JsonSerializerOptions options)
    {
        try
        {
            _ = JsonSerializer.Deserialize<T>(input, options);
        }
        catch (JsonException)
        {
            // Expected: not JSON, or JSON the package refuses, with the path of the fault.
        }
    }

    private static IEnumerable<string> Files(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    if (!file.EndsWith("README.txt", StringComparison.Ordinal))
                    {
                        yield return file;
                    }
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
