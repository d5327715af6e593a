using System.Collections.Immutable;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// The advisor's answer for one departure (rulebook §11): every plan in rank order (feasible plans
/// first, cheapest first, a seat-keeping plan first on a tie; infeasible plans after, in the rulebook's
/// order) and the recommendation. Immutable.
/// </summary>
public sealed class TurnoverAdvice
{
    internal TurnoverAdvice(SeatId seat, Instant leaves, LocalDate from, LocalDate until, Instant? hire, Currency currency, ImmutableArray<AdvicePlan> plans)
    {
        Seat = seat;
        Leaves = leaves;
        From = from;
        Until = until;
        Hire = hire;
        Currency = currency;
        Plans = plans;
    }

    /// <summary>The leaving agent's seat.</summary>
    public SeatId Seat { get; }

    /// <summary>The instant the agent leaves.</summary>
    public Instant Leaves { get; }

    /// <summary>The departure's local date in the account's zone: the first day of the totals.</summary>
    public LocalDate From { get; }

    /// <summary>The horizon: the last local date of the totals, inclusive.</summary>
    public LocalDate Until { get; }

    /// <summary>The instant the new person starts, or null when no hire is planned.</summary>
    public Instant? Hire { get; }

    /// <summary>The account's currency, which every total and saving is in.</summary>
    public Currency Currency { get; }

    /// <summary>The plans in rank order.</summary>
    public ImmutableArray<AdvicePlan> Plans { get; }

    /// <summary>The first feasible plan, or null when none is feasible (for example the seat is unknown or the actor may not act).</summary>
    public AdvicePlan? Recommended => Plans.IsEmpty || !Plans[0].IsFeasible ? null : Plans[0];

    /// <summary>The recommendation and the plans, for a person.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Seat} from {Dates.Iso(From)} until {Dates.Iso(Until)}: recommended {(Recommended is { } plan ? plan.Kind.ToString() : "none")}";
}
