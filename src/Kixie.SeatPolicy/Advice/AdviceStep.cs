using Ardalis.GuardClauses;

namespace Kixie.SeatPolicy;

/// <summary>
/// One step of an <see cref="AdvicePlan"/>: the command the advisor tried and the decision
/// <see cref="TurnoverPolicy"/> gave it. Immutable.
/// </summary>
public sealed class AdviceStep
{
    internal AdviceStep(SeatCommand command, Decision decision)
    {
        Command = Guard.Against.Null(command);
        Decision = Guard.Against.Null(decision);
    }

    /// <summary>The command tried, with its instant, actor and the advisor's command id (<c>advice-N</c>).</summary>
    public SeatCommand Command { get; }

    /// <summary>What the policy decided: the outcome and the events that carry it out.</summary>
    public Decision Decision { get; }

    /// <summary>The decision's outcome.</summary>
    public TurnoverOutcome Outcome => Decision.Outcome;

    /// <summary>Whether the policy accepted the step (a refused step is the last of its plan).</summary>
    public bool IsAccepted => Decision.Outcome.IsAccepted;

    /// <summary>The step's command type and outcome, for a person.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Command.GetType().Name} at {Command.At}: {Outcome}";
}
