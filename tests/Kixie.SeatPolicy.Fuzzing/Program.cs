using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using Kixie.SeatPolicy.Cli.Rendering;
using Kixie.SeatPolicy.Cli.Scenarios;
using Kixie.SeatPolicy.Cli.Simulation;
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
    /// render as JSON, a table and HTML), then as an account, a command (strictly and leniently), an event
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
    /// The tool's path: an unusable file is <see cref="Scenario.TryRead"/>'s false, and a seat price whose
    /// charges overflow is the one exception <c>simulate</c> turns into an unusable file. Nothing else may throw.
    /// </summary>
    private static void Simulate(byte[] input)
    {
        if (!Scenario.TryRead(input, out var scenario, out _))
        {
            return;
        }

        SimulationReport report;
        try
        {
            report = Simulator.Run(scenario);
        }
        catch (OverflowException)
        {
            return;
        }

        JsonReport.Write(report, Stream.Null);
        TableReport.Write(report, TextWriter.Null, colour: false);
        HtmlReport.Write([report], report.Title ?? "seatpolicy simulate", null, TextWriter.Null);
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
