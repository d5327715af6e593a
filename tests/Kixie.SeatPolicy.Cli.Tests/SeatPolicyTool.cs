using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>Runs the built <c>seatpolicy</c> tool as a process, from the repository root.</summary>
internal static class SeatPolicyTool
{
    private static readonly Lazy<string> ToolPath = new(FindTool);

    /// <summary>The repository root (where Kixie.SeatPolicy.sln is); scenario paths are relative to it.</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>Runs <c>dotnet seatpolicy.dll args…</c> with output redirected (so no colour) and waits for it.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code and both outputs.</returns>
    public static Task<ToolRun> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs the tool as <see cref="RunAsync"/> does, writing <paramref name="input"/> to its standard input.</summary>
    /// <param name="input">What to write to standard input, or null for nothing.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code and both outputs.</returns>
    public static async Task<ToolRun> RunWithInputAsync(string? input, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath.Value);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs <c>simulate FILE --format json</c>, expects exit 0, and parses the output.</summary>
    /// <param name="scenario">The scenario's path under tests/scenarios, e.g. <c>spec-example.json</c>.</param>
    /// <param name="more">More arguments.</param>
    /// <returns>The parsed output.</returns>
    public static async Task<JsonDocument> SimulateJsonAsync(string scenario, params string[] more)
    {
        var run = await RunAsync(["simulate", Scenario(scenario), "--format", "json", .. more]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"seatpolicy exited {run.ExitCode}: {run.Stderr}");
        }

        return JsonDocument.Parse(run.Stdout);
    }

    /// <summary>The path, relative to the repository root, of a scenario file in tests/scenarios.</summary>
    /// <param name="name">The file's name under tests/scenarios.</param>
    /// <returns>The relative path.</returns>
    public static string Scenario(string name) => "tests/scenarios/" + name;

    private static string FindTool()
    {
        var path = Path.Combine(RepositoryRoot, "src", "Kixie.SeatPolicy.Cli", "bin", Metadata("Configuration"), "net10.0", "seatpolicy.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Kixie.SeatPolicy.Cli first.", path);
    }

    private static string Metadata(string key) =>
        typeof(SeatPolicyTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata.");
}

/// <summary>What one run of the tool did.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr);
