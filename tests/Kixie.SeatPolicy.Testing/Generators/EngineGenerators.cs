using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Kixie.SeatPolicy.Tests.Generators;

/// <summary>
/// Generators for the policy engine: random accounts (zone, currency, price, calendar, proration,
/// contract, seats) and random command sequences that mix valid and invalid input.
/// </summary>
public static class EngineGenerators
{
    /// <summary>Zones with DST in either hemisphere, half-hour and 45-minute offsets, and none.</summary>
    public static ImmutableArray<string> Zones { get; } =
        ["America/Los_Angeles", "Europe/London", "Asia/Tokyo", "Australia/Lord_Howe", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham", "UTC"];

    /// <summary>The currencies of the rulebook: two, zero and three minor digits.</summary>
    public static ImmutableArray<string> Currencies { get; } = ["USD", "JPY", "KWD"];

    private static readonly LocalDate Epoch = new(2025, 1, 1);

    /// <summary>A date between 2025-01-01 and early 2027, often at a month's end.</summary>
    public static Gen<LocalDate> RecentDate { get; } =
        Gen.Frequency(
            (3, Gen.Choose(0, 800).Select(days => Epoch.PlusDays(days))),
            (1, from months in Gen.Choose(0, 26)
                from day in Gen.Choose(28, 31)
                let month = Epoch.PlusMonths(months)
                select new LocalDate(month.Year, month.Month, Math.Min(day, month.Calendar.GetDaysInMonth(month.Year, month.Month)))));

    /// <summary>
    /// A billing anchor: mostly <see cref="RecentDate"/>, sometimes at the edges of NodaTime's years, a
    /// month's end or a leap day anywhere in them (<see cref="TimeEdgeGenerators.Weighted"/>).
    /// </summary>
    public static Gen<LocalDate> Date { get; } = TimeEdgeGenerators.Weighted(RecentDate);

    /// <summary>A seat price in minor units: sometimes zero, usually up to 1,000 major units.</summary>
    public static Gen<long> PriceMinorUnits { get; } =
        Gen.Frequency((1, Gen.Constant(0L)), (9, Gen.Choose(1, 200_000).Select(units => (long)units)));

    /// <summary>A proration convention: mostly days, sometimes seconds; both day counts and roundings.</summary>
    public static Gen<ProrationConvention> Proration { get; } =
        from granularity in Gen.Frequency((4, Gen.Constant(ProrationGranularity.Day)), (1, Gen.Constant(ProrationGranularity.Second)))
        from dayCount in Gen.Frequency((7, Gen.Constant(DayCount.Actual)), (3, Gen.Constant(DayCount.Thirty360)))
        from rounding in Gen.Elements(RoundingMode.HalfAwayFromZero, RoundingMode.HalfToEven)
        select new ProrationConvention { Granularity = granularity, DayCount = dayCount, Rounding = rounding };

    /// <summary>
    /// A contract around <paramref name="anchor"/>: 1–24 months, renewing or with a ragged end, lock-in 0–90
    /// days (30 most often). Near the end of NodaTime's years the term is held within them: it ends on
    /// 9999-12-31 at the latest, and renews only when a whole number of months fits before that.
    /// </summary>
    /// <param name="anchor">A date to start near.</param>
    /// <returns>The generator.</returns>
    public static Gen<ContractSpec> Contract(LocalDate anchor) =>
        from startOffset in Gen.Choose(-200, 200)
        from months in Gen.Choose(1, 24)
        from autoRenew in ArbMap.Default.GeneratorFor<bool>()
        from ragged in Gen.Choose(-5, 40)
        from lockIn in Gen.Frequency((1, Gen.Constant(0)), (12, Gen.Constant(ContractTerm.DefaultLockInDays)), (7, Gen.Choose(1, 90)))
        let start = TimeEdgeGenerators.PlusDays(anchor, startOffset)
        let dayAfter = TimeEdgeGenerators.PlusMonths(start, months)
        let renews = autoRenew && dayAfter is not null
        let whole = dayAfter?.PlusDays(-1) ?? LocalDate.MaxIsoValue
        let end = renews ? whole : Max(start, TimeEdgeGenerators.PlusDays(whole, ragged))
        let lockInDays = renews || end == LocalDate.MaxIsoValue ? Math.Max(1, lockIn) : lockIn
        select new ContractSpec(start, end, lockInDays, renews, renews ? months : 0);

    /// <summary>1–6 initial seats, the first usually an Admin, some vacant, some named <c>seat-N</c>.</summary>
    public static Gen<ImmutableArray<SeatSpec>> Seats { get; } =
        from count in Gen.Choose(1, 6)
        from seats in Gen.CollectToArray(Enumerable.Range(0, count), Seat)
        select seats.ToImmutableArray();

    /// <summary>A random account.</summary>
    public static Gen<AccountSpec> Account { get; } =
        from zone in Gen.Elements(Zones.ToArray())
        from currency in Gen.Elements(Currencies.ToArray())
        from price in PriceMinorUnits
        from cycle in Gen.Elements(BillingCycle.Monthly, BillingCycle.Quarterly, BillingCycle.Annual)
        from anchor in Date
        from proration in Proration
        from hasContract in Gen.Frequency((2, Gen.Constant(false)), (3, Gen.Constant(true)))
        from contract in hasContract ? Contract(anchor).Select(c => (ContractSpec?)c) : Gen.Constant((ContractSpec?)null)
        from seats in Seats
        from addCharges in Gen.Elements(AddChargeBilling.Immediately, AddChargeBilling.OnNextBill)
        select new AccountSpec(zone, currency, price, cycle, anchor, proration, contract, seats, addCharges);

    /// <summary>
    /// A step of a command sequence; see <see cref="EngineStep"/>. Each field is usually well-formed
    /// for the command type (so that about a third of the commands are accepted) and sometimes not.
    /// </summary>
    public static Gen<EngineStep> Step { get; } = StepOf(Gen.Frequency(
        (22, Gen.Constant(StepKind.Add)),
        (20, Gen.Constant(StepKind.Replace)),
        (15, Gen.Constant(StepKind.Deactivate)),
        (20, Gen.Constant(StepKind.Update)),
        (18, Gen.Constant(StepKind.Delete)),
        (1, Gen.Constant(StepKind.Malformed))));

    /// <summary>
    /// A step as <see cref="Step"/> makes them, with scheduled deletions and cancels mixed in (rulebook §12):
    /// for the laws of scheduling, which the reference model of <see cref="Step"/>'s properties does not know.
    /// </summary>
    public static Gen<EngineStep> StepWithScheduling { get; } = StepOf(Gen.Frequency(
        (20, Gen.Constant(StepKind.Add)),
        (16, Gen.Constant(StepKind.Replace)),
        (12, Gen.Constant(StepKind.Deactivate)),
        (14, Gen.Constant(StepKind.Update)),
        (10, Gen.Constant(StepKind.Delete)),
        (1, Gen.Constant(StepKind.Malformed)),
        (16, Gen.Constant(StepKind.ScheduleDelete)),
        (11, Gen.Constant(StepKind.Cancel))));

    /// <summary>
    /// A step as <see cref="StepWithScheduling"/> makes them, with plan changes mixed in (rulebook §13): adds on
    /// plans, upgrades, same-price moves, downgrades (and the cancels and schedules that end them).
    /// </summary>
    public static Gen<EngineStep> StepWithPlans { get; } = StepOf(Gen.Frequency(
        (18, Gen.Constant(StepKind.Add)),
        (10, Gen.Constant(StepKind.Replace)),
        (8, Gen.Constant(StepKind.Deactivate)),
        (8, Gen.Constant(StepKind.Update)),
        (6, Gen.Constant(StepKind.Delete)),
        (10, Gen.Constant(StepKind.ScheduleDelete)),
        (10, Gen.Constant(StepKind.Cancel)),
        (30, Gen.Constant(StepKind.ChangePlan))));

    /// <summary>
    /// A scenario on plans (rulebook §13): a random account put on four plans (one dearer with up to two price
    /// changes, one of the same price, one cheaper), with a preset convention (Kill Bill, Lago) now and then,
    /// and <see cref="StepWithPlans"/> steps.
    /// </summary>
    public static Gen<EngineScenario> ScenarioWithPlans { get; } =
        from scenario in ScenarioOf(StepWithPlans)
        from changes in Gen.Choose(0, 2)
        from days in Gen.ArrayOf(Gen.Choose(1, 500), changes)
        from preset in Gen.Frequency(
            (6, Gen.Constant((ProrationConvention?)null)),
            (1, Gen.Constant((ProrationConvention?)ProrationConvention.KillBill)),
            (1, Gen.Constant((ProrationConvention?)ProrationConvention.Lago)))
        select scenario with
        {
            Account = scenario.Account with
            {
                PriceChangeDays = [.. days],
                Proration = preset ?? scenario.Account.Proration,
            },
        };

    /// <summary><see cref="Scenario"/> with <see cref="StepWithScheduling"/> steps.</summary>
    public static Gen<EngineScenario> ScenarioWithScheduling { get; } = ScenarioOf(StepWithScheduling);

    private static Gen<EngineStep> StepOf(Gen<StepKind> kinds) =>
        from kind in kinds
        from actor in Gen.Frequency(
            (34, Gen.Constant(ActorPick.Admin)),
            (18, Gen.Constant(ActorPick.Manager)),
            (6, Gen.Constant(ActorPick.Agent)),
            (4, Gen.Constant(ActorPick.OccupantShouting)),
            (5, Gen.Constant(ActorPick.Former)),
            (5, Gen.Constant(ActorPick.Stranger)),
            (24, Gen.Constant(ActorPick.Support)),
            (4, Gen.Constant(ActorPick.SupportCapitalised)))
        from seat in kind == StepKind.Add ? AddSeat : TargetSeat
        from name in kind == StepKind.Update ? Pick((NamePick.Fresh, 30), (NamePick.Same, 20), (NamePick.Null, 45), (NamePick.Blank, 5)) : Pick((NamePick.Fresh, 80), (NamePick.Same, 10), (NamePick.Null, 5), (NamePick.Blank, 5))
        from email in kind == StepKind.Update
            ? Pick((EmailPick.Fresh, 25), (EmailPick.Own, 10), (EmailPick.OtherOccupant, 8), (EmailPick.Former, 5), (EmailPick.Invalid, 4), (EmailPick.Null, 48))
            : Pick((EmailPick.Fresh, 70), (EmailPick.Own, 5), (EmailPick.OtherOccupant, 8), (EmailPick.Former, 7), (EmailPick.Invalid, 5), (EmailPick.Null, 5))
        from shout in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from role in kind == StepKind.Add
            ? Pick((RolePick.Null, 6), (RolePick.Agent, 45), (RolePick.Manager, 25), (RolePick.Admin, 20), (RolePick.Unknown, 4))
            : Pick((RolePick.Null, 50), (RolePick.Agent, 22), (RolePick.Manager, 14), (RolePick.Admin, 11), (RolePick.Unknown, 3))
        from version in Pick((VersionPick.Null, 55), (VersionPick.Right, 35), (VersionPick.Stale, 8), (VersionPick.Negative, 2))
        from assets in Pick((AssetsPick.Null, 60), (AssetsPick.Valid, 34), (AssetsPick.InvalidPhone, 3), (AssetsPick.BlankDevice, 3))
        from id in Gen.Frequency(
            (80, Gen.Constant(IdPick.Fresh)),
            (9, Gen.Constant(IdPick.ResendAccepted)),
            (3, Gen.Constant(IdPick.ResendAny)),
            (6, Gen.Constant(IdPick.ReuseId)),
            (2, Gen.Constant(IdPick.Blank)))
        from pick in Gen.Choose(0, 1_000_000)
        from advance in Advance
        select new EngineStep(kind, actor, seat, name, email, shout, role, version, assets, id, pick, advance);

    /// <summary>
    /// A scenario: a random account, policy option and start, and 1–50 steps. The start is usually up to
    /// 400 days after the account's anchor; one scenario in ten starts at an edge of time instead
    /// (<see cref="TimeEdgeGenerators.EdgeInstant"/>: the ends of time, the calendar's supported dates,
    /// a DST change of the account's zone).
    /// </summary>
    public static Gen<EngineScenario> Scenario { get; } = ScenarioOf(Step);

    private static Gen<EngineScenario> ScenarioOf(Gen<EngineStep> step) =>
        from account in Account
        from selfServe in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from start in Gen.Frequency(
            (9, from startDays in Gen.Choose(-60, 400)
                from startSeconds in Gen.Choose(0, 86_399)
                select TimeEdgeGenerators.Plus(account.Anchor.AtMidnight().InUtc().ToInstant(), (startDays * 86_400L) + startSeconds)),
            (1, TimeEdgeGenerators.EdgeInstant(new BillingCalendar(account.Cycle, account.Anchor), account.TimeZone)))
        from count in Gen.Choose(1, 50)
        from steps in Gen.ArrayOf(step, count)
        select new EngineScenario(account, selfServe, start, steps.ToImmutableArray());

    /// <summary>How far time moves between steps: often not at all, or seconds to a day, days, or months.</summary>
    private static Gen<long> Advance { get; } =
        Gen.Frequency(
            (20, Gen.Constant(0L)),
            (30, Gen.Choose(1, 86_400).Select(seconds => (long)seconds)),
            (38, from days in Gen.Choose(1, 40) from seconds in Gen.Choose(0, 86_399) select (days * 86_400L) + seconds),
            (12, from days in Gen.Choose(40, 400) from seconds in Gen.Choose(0, 86_399) select (days * 86_400L) + seconds));

    private static Gen<SeatPick> AddSeat { get; } =
        Gen.Frequency(
            (70, Gen.Constant(SeatPick.None)),
            (12, Gen.Constant(SeatPick.Unknown)),
            (5, Gen.Constant(SeatPick.Any)),
            (5, Gen.Constant(SeatPick.Deleted)),
            (2, Gen.Constant(SeatPick.Blank)),
            (3, Gen.Constant(SeatPick.NextSeatN)),
            (3, Gen.Constant(SeatPick.SeatNAfterNext)));

    private static Gen<SeatPick> TargetSeat { get; } =
        Gen.Frequency(
            (42, Gen.Constant(SeatPick.Occupied)),
            (15, Gen.Constant(SeatPick.Vacant)),
            (12, Gen.Constant(SeatPick.Admin)),
            (10, Gen.Constant(SeatPick.Any)),
            (9, Gen.Constant(SeatPick.Deleted)),
            (8, Gen.Constant(SeatPick.Unknown)),
            (4, Gen.Constant(SeatPick.Blank)));

    private static Gen<SeatSpec> Seat(int index) =>
        from vacant in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from role in index == 0
            ? Gen.Frequency((4, Gen.Constant(Role.Admin)), (1, Gen.Elements(Role.Manager, Role.Agent)))
            : Gen.Elements(Role.Admin, Role.Manager, Role.Manager, Role.Agent, Role.Agent, Role.Agent)
        from seatN in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from number in Gen.Choose(1_000_000, 9_999_999)
        from groups in Gen.Choose(0, 2)
        let id = seatN ? FormattableString.Invariant($"seat-{index + 2}") : FormattableString.Invariant($"s{index + 1}")
        let assets = new SeatAssets
        {
            DirectNumber = FormattableString.Invariant($"+1415{number}"),
            CallerId = FormattableString.Invariant($"+1415{number}"),
            RingGroups = [.. Enumerable.Range(0, groups).Select(g => FormattableString.Invariant($"group-{g}"))],
            Devices = [FormattableString.Invariant($"desk-{index}")],
        }
        select new SeatSpec(id, vacant && (index > 0 || number % 8 == 0), FormattableString.Invariant($"Initial {index}"), FormattableString.Invariant($"initial{index}@acme.test"), role, assets);

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static Gen<T> Pick<T>(params (T Value, int Weight)[] choices) =>
        Gen.Frequency(choices.Select(choice => (choice.Weight, Gen.Constant(choice.Value))));
}

/// <summary>The engine's arbitraries, for <c>[SeatPolicyProperty]</c> or <c>[Property(Arbitrary = …)]</c>.</summary>
public static class EngineArbitraries
{
    /// <summary>Random scenarios for the model-based test, shrinking by dropping steps.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<EngineScenario> Scenario() => Arb.From(EngineGenerators.Scenario, scenario => scenario.Shrink());

    /// <summary>Random accounts.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<AccountSpec> Account() => EngineGenerators.Account.ToArbitrary();

    /// <summary>Random scenarios on plans with plan changes mixed in, shrinking by dropping steps.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PlansScenario> Plans() =>
        Arb.From(EngineGenerators.ScenarioWithPlans.Select(scenario => new PlansScenario(scenario)), plans => plans.Scenario.Shrink().Select(scenario => new PlansScenario(scenario)));

    /// <summary>Random scenarios with scheduled deletions and cancels mixed in, shrinking by dropping steps.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<SchedulingScenario> Scheduling() =>
        Arb.From(EngineGenerators.ScenarioWithScheduling.Select(scenario => new SchedulingScenario(scenario)), scheduling => scheduling.Scenario.Shrink().Select(scenario => new SchedulingScenario(scenario)));
}

/// <summary>An <see cref="EngineScenario"/> on plans whose steps include plan changes (rulebook §13).</summary>
/// <param name="Scenario">The scenario.</param>
public sealed record PlansScenario(EngineScenario Scenario)
{
    /// <summary>The scenario played through its policy, as <see cref="SchedulingScenario.Play"/> does.</summary>
    /// <returns>The final account, the account before each step, and every decision.</returns>
    public (Account Account, ImmutableArray<Account> Before, ImmutableArray<Decision> Decisions) Play()
    {
        var account = Scenario.Account.Open();
        var issued = new List<SeatCommand>();
        var before = ImmutableArray.CreateBuilder<Account>();
        var decisions = ImmutableArray.CreateBuilder<Decision>();
        var at = Scenario.Start;
        for (var i = 0; i < Scenario.Steps.Length; i++)
        {
            at = TimeEdgeGenerators.Plus(at, Scenario.Steps[i].AdvanceSeconds);
            var command = Scenario.Steps[i].Resolve(account, issued, i, at);
            issued.Add(command);
            var decision = Scenario.Policy.Decide(account, command);
            before.Add(account);
            decisions.Add(decision);
            account = decision.ApplyTo(account);
        }

        return (account, before.ToImmutable(), decisions.ToImmutable());
    }

    /// <inheritdoc />
    public override string ToString() => Scenario.ToString();
}

/// <summary>An <see cref="EngineScenario"/> whose steps include scheduled deletions and cancels (rulebook §12).</summary>
/// <param name="Scenario">The scenario.</param>
public sealed record SchedulingScenario(EngineScenario Scenario)
{
    /// <summary>The scenario played through its policy: the account after every step, and every decision.</summary>
    /// <returns>The final account and the decisions in order.</returns>
    public (Account Account, ImmutableArray<Decision> Decisions, Instant Last) Play()
    {
        var account = Scenario.Account.Open();
        var policy = Scenario.Policy;
        var issued = new List<SeatCommand>();
        var decisions = ImmutableArray.CreateBuilder<Decision>();
        var at = Scenario.Start;
        for (var i = 0; i < Scenario.Steps.Length; i++)
        {
            at = TimeEdgeGenerators.Plus(at, Scenario.Steps[i].AdvanceSeconds);
            var command = Scenario.Steps[i].Resolve(account, issued, i, at);
            issued.Add(command);
            var decision = policy.Decide(account, command);
            decisions.Add(decision);
            account = decision.ApplyTo(account);
        }

        return (account, decisions.ToImmutable(), at);
    }

    /// <inheritdoc />
    public override string ToString() => Scenario.ToString();
}
