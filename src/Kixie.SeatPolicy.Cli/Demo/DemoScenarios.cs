using System;
using System.Collections.Immutable;
using System.IO;
using Kixie.SeatPolicy.Cli.Scenarios;

namespace Kixie.SeatPolicy.Cli.Demo;

/// <summary>
/// The built-in story of <c>seatpolicy demo</c>: the help article on managing agent turnover, end to
/// end, as two scenario files embedded in the tool (<c>Demo/*.json</c>, ordinary scenarios that
/// <c>seatpolicy simulate</c> also runs).
/// </summary>
internal static class DemoScenarios
{
    /// <summary>What the demo is about, printed before the table format.</summary>
    public const string Introduction = """
        seatpolicy demo: managing agent turnover

        Replace people instead of deleting seats: a replacement inherits the seat's direct number,
        caller ID, ring groups and devices and costs nothing, while every added seat costs a prorated
        charge. Under a contract, seats can only be deleted in its last 30 days; without one, deleting
        goes through support. Deletion never refunds. Two accounts show it, command by command.
        """;

    /// <summary>The embedded scenario files, in the order the demo runs them.</summary>
    public static ImmutableArray<string> All { get; } = ["contract-account.json", "non-contract-account.json"];

    /// <summary>Reads one of the embedded scenarios.</summary>
    /// <param name="name">A name from <see cref="All"/>.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="InvalidOperationException">The resource is missing or unusable (a build error).</exception>
    public static Scenario Read(string name)
    {
        using var stream = typeof(DemoScenarios).Assembly.GetManifestResourceStream("Kixie.SeatPolicy.Cli.Demo." + name)
            ?? throw new InvalidOperationException($"The demo scenario {name} is not embedded in the tool.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Scenario.TryRead(copy.ToArray(), out var scenario, out var problem)
            ? scenario
            : throw new InvalidOperationException($"The demo scenario is unusable: {problem.Format(name)}");
    }
}
