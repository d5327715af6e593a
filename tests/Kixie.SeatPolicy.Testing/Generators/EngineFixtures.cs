using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Kixie.SeatPolicy.Tests.Generators;

/// <summary>
/// The hand-built account of the example tests: Acme, in Los Angeles, 30.00 USD a seat a month
/// billed on the 1st, with an Admin (Ada), a Manager (Mia), an Agent (Jimmy) and one vacant seat.
/// Commands are issued at local noon so that their local date is the date written in the test.
/// </summary>
public static class EngineFixtures
{
    /// <summary>Acme's zone: Pacific time, with a DST change on 2026-03-08 and 2026-11-01.</summary>
    public static DateTimeZone LosAngeles { get; } = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    /// <summary>The default monthly calendar: billed on the 1st, anchored 2026-03-01.</summary>
    public static BillingCalendar MonthlyOnThe1st { get; } = new(BillingCycle.Monthly, new LocalDate(2026, 3, 1));

    /// <summary>The article's contract: the calendar year 2026, deletion allowed in its last 30 days.</summary>
    public static ContractTerm Year2026 { get; } = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

    /// <summary>The Admin's seat.</summary>
    public static SeatId S1 { get; } = new("s1");

    /// <summary>The Agent's seat (Jimmy), with a direct number, caller ID, ring groups and devices.</summary>
    public static SeatId S2 { get; } = new("s2");

    /// <summary>The Manager's seat (Mia).</summary>
    public static SeatId S3 { get; } = new("s3");

    /// <summary>A vacant seat that was never occupied (its last role is Agent).</summary>
    public static SeatId S4 { get; } = new("s4");

    /// <summary>Ada Park, the only Admin.</summary>
    public static Actor Ada { get; } = new("ada@acme.test");

    /// <summary>Jimmy Doe, an Agent.</summary>
    public static Actor Jimmy { get; } = new("jimmy@acme.test");

    /// <summary>Mia Chen, a Manager.</summary>
    public static Actor Mia { get; } = new("mia@acme.test");

    /// <summary>Someone who is not in the account.</summary>
    public static Actor Stranger { get; } = new("eve@elsewhere.test");

    /// <summary>The provider's support team.</summary>
    public static Actor Support => Actor.Support;

    /// <summary>Jimmy's seat's telephony assets.</summary>
    public static SeatAssets JimmysAssets { get; } = new()
    {
        DirectNumber = "+14155550102",
        CallerId = "+14155550100",
        RingGroups = ["sales", "after-hours"],
        Devices = ["desk-102", "softphone-jimmy"],
    };

    /// <summary>The default policy.</summary>
    public static TurnoverPolicy Engine => TurnoverPolicy.Default;

    /// <summary>An amount in US dollars, e.g. <c>Usd("14.52")</c>.</summary>
    /// <param name="amount">The amount with two decimals.</param>
    /// <returns>The money.</returns>
    public static Money Usd(string amount) => Money.Parse(amount, Currency.Usd);

    /// <summary>Acme's seats: s1 Ada (Admin), s2 Jimmy (Agent, with assets), s3 Mia (Manager), s4 vacant.</summary>
    /// <returns>The initial seats.</returns>
    public static ImmutableArray<InitialSeat> AcmeSeats() =>
    [
        InitialSeat.Occupied(S1, "Ada Park", "ada@acme.test", Role.Admin, new SeatAssets { DirectNumber = "+14155550101" }),
        InitialSeat.Occupied(S2, "Jimmy Doe", "jimmy@acme.test", Role.Agent, JimmysAssets),
        InitialSeat.Occupied(S3, "Mia Chen", "mia@acme.test", Role.Manager),
        InitialSeat.Vacant(S4),
    ];

    /// <summary>The Acme account at version 0.</summary>
    /// <param name="contract">The contract, or null for a non-contract account.</param>
    /// <param name="seats">The seats; <see cref="AcmeSeats"/> when null.</param>
    /// <param name="billing">The calendar; <see cref="MonthlyOnThe1st"/> when null.</param>
    /// <param name="addCharges">When add charges are invoiced; at once by default.</param>
    /// <returns>The account.</returns>
    public static Account Acme(
        ContractTerm? contract = null,
        IEnumerable<InitialSeat>? seats = null,
        BillingCalendar? billing = null,
        AddChargeBilling addCharges = AddChargeBilling.Immediately) =>
        Account.Open("acme", LosAngeles, Usd("30.00"), billing ?? MonthlyOnThe1st, seats ?? AcmeSeats(), contract, addCharges: addCharges);

    /// <summary>The plans of the §13 examples: Integrate at 35.00 (the default) and PowerDialer at 95.00, with later prices when given.</summary>
    /// <param name="powerDialerLater">PowerDialer's later prices, if any.</param>
    /// <returns>The plans.</returns>
    public static ImmutableArray<Plan> TwoPlans(params PlanPrice[] powerDialerLater) =>
    [
        new Plan("Integrate", Usd("35.00")),
        new Plan("PowerDialer", Usd("95.00"), powerDialerLater),
        new Plan("Voice", Usd("35.00")),
    ];

    /// <summary>
    /// Acme on plans (rulebook §13): <see cref="TwoPlans"/> (Integrate, PowerDialer, and Voice at Integrate's price),
    /// Integrate the default, Acme's seats, billed monthly on the 1st.
    /// </summary>
    /// <param name="contract">The contract, or null for a non-contract account.</param>
    /// <param name="plans">The plans; <see cref="TwoPlans"/> when null.</param>
    /// <param name="seats">The seats; <see cref="AcmeSeats"/> when null.</param>
    /// <param name="addCharges">When add and upgrade charges are invoiced.</param>
    /// <param name="proration">How adds and upgrades are prorated.</param>
    /// <returns>The account at version 0.</returns>
    public static Account AcmeOnPlans(
        ContractTerm? contract = null,
        IEnumerable<Plan>? plans = null,
        IEnumerable<InitialSeat>? seats = null,
        AddChargeBilling addCharges = AddChargeBilling.Immediately,
        ProrationConvention proration = default) =>
        Account.OpenOnPlans("acme", LosAngeles, plans ?? TwoPlans(), "Integrate", MonthlyOnThe1st, seats ?? AcmeSeats(), contract, proration, addCharges);

    /// <summary>Noon on a local date in Los Angeles, as an instant.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month.</param>
    /// <param name="day">The day.</param>
    /// <returns>The instant.</returns>
    public static Instant Noon(int year, int month, int day) =>
        new LocalDateTime(year, month, day, 12, 0).InZoneStrictly(LosAngeles).ToInstant();

    /// <summary>A command id.</summary>
    /// <param name="id">Its text.</param>
    /// <returns>The id.</returns>
    public static CommandId Cmd(string id) => new(id);

    /// <summary>Decides a command and applies its events.</summary>
    /// <param name="account">The account.</param>
    /// <param name="command">The command.</param>
    /// <param name="policy">The policy; the default when null.</param>
    /// <returns>The decision and the account after it.</returns>
    public static (Decision Decision, Account After) Run(Account account, SeatCommand command, TurnoverPolicy? policy = null)
    {
        var decision = (policy ?? Engine).Decide(account, command);
        return (decision, decision.ApplyTo(account));
    }

    /// <summary>Decides and applies commands in order.</summary>
    /// <param name="account">The account.</param>
    /// <param name="commands">The commands, oldest first.</param>
    /// <returns>Every decision, and the account after the last.</returns>
    public static (ImmutableArray<Decision> Decisions, Account After) RunAll(Account account, params SeatCommand[] commands)
    {
        var decisions = ImmutableArray.CreateBuilder<Decision>(commands.Length);
        foreach (var command in commands)
        {
            var (decision, after) = Run(account, command);
            decisions.Add(decision);
            account = after;
        }

        return (decisions.MoveToImmutable(), account);
    }

    /// <summary>The kinds of several decisions, for compact assertions.</summary>
    /// <param name="decisions">The decisions.</param>
    /// <returns>Their outcome kinds.</returns>
    public static OutcomeKind[] Kinds(IEnumerable<Decision> decisions) => [.. decisions.Select(d => d.Outcome.Kind)];
}
