using Kixie.SeatPolicy.Json;
using NodaTime;

namespace Kixie.SeatPolicy.Cli.Rendering;

/// <summary>A scenario's run with the scenario's title and description: what every report shows.</summary>
/// <param name="Title">The scenario's title, if any.</param>
/// <param name="Description">The scenario's description, if any.</param>
/// <param name="Run">The policy's run of the scenario's commands.</param>
internal sealed record SimulationReport(string? Title, string? Description, CommandRun Run)
{
    /// <summary>Runs the scenario's commands through the rulebook's default policy (<see cref="TurnoverPolicy.Run"/>), the next bill as of <paramref name="asOf"/> (null: the policy's default).</summary>
    /// <exception cref="ValueRefusedException"><paramref name="asOf"/> has no next bill within time (member <c>asOf</c>).</exception>
    public static SimulationReport Of(Scenario scenario, LocalDate? asOf = null) =>
        new(scenario.Title, scenario.Description, TurnoverPolicy.Default.Run(scenario.Account, scenario.Commands, asOf));
}
