using System.Collections.Immutable;

namespace Kixie.SeatPolicy.Cli.Rendering;

/// <summary>A scenario's run with the scenario's title and description: what every report shows.</summary>
/// <param name="Title">The scenario's title, if any.</param>
/// <param name="Description">The scenario's description, if any.</param>
/// <param name="Run">The policy's run of the scenario's commands.</param>
/// <remarks>The renderers only read it: the run is made by the command that asks for the report.</remarks>
internal sealed record SimulationReport(string? Title, string? Description, CommandRun Run)
{
    /// <summary>What the run refunded, as the scenario format's <c>totals.refunded</c> shows it: zero, because no rule ever refunds.</summary>
    public Money Refunded => Money.Zero(Run.Account.Currency);

    /// <summary>
    /// The seats as they stand on the next bill's as-of date: a scheduled deletion whose last day is
    /// before it is shown done (rulebook §12), one still to come as the seat's pending change.
    /// </summary>
    public ImmutableArray<Seat> Standing => Run.Account.ListSeats(Run.BillAsOf);

    /// <summary>
    /// A standing seat's pending change still to come on the next bill's as-of date: a scheduled deletion (the
    /// seat would not be standing if it were done), or a downgrade whose bill date is after that date (one on or
    /// before it is shown done: the seat is on its new plan).
    /// </summary>
    /// <param name="seat">A seat of <see cref="Standing"/>.</param>
    /// <returns>The pending change, or null.</returns>
    public PendingChange? PendingOf(Seat seat) => Run.Account.PendingChangeOf(seat.Id, Run.BillAsOf);
}
