using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;

namespace Kixie.SeatPolicy.Json.Tests.Generators;

/// <summary>
/// Generators for the JSON properties: accounts with a history made by the real policy, and the
/// values inside them at their edges (every currency, extreme amounts, every convention).
/// </summary>
public static class JsonGenerators
{
    /// <summary>Zones with DST in either hemisphere, half-hour and 45-minute offsets, and none.</summary>
    public static ImmutableArray<string> Zones { get; } =
        ["America/Los_Angeles", "Europe/London", "Asia/Tokyo", "Australia/Lord_Howe", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham", "UTC"];

    /// <summary>Currencies with 0, 2, 3 and 4 minor digits.</summary>
    public static ImmutableArray<string> Currencies { get; } = ["USD", "EUR", "JPY", "KWD", "BHD", "CLF"];

    private static readonly LocalDate Epoch = new(2025, 1, 1);

    /// <summary>A date from 2025 to 2027, often near a month's end.</summary>
    public static Gen<LocalDate> Date { get; } =
        Gen.Frequency(
            (3, Gen.Choose(0, 900).Select(days => Epoch.PlusDays(days))),
            (1, from months in Gen.Choose(0, 30)
                from day in Gen.Choose(28, 31)
                let month = Epoch.PlusMonths(months)
                select new LocalDate(month.Year, month.Month, Math.Min(day, month.Calendar.GetDaysInMonth(month.Year, month.Month)))));

    /// <summary>Any convention the engine defines.</summary>
    public static Gen<ProrationConvention> Convention { get; } =
        from granularity in Gen.Elements(ProrationGranularity.Day, ProrationGranularity.Second)
        from dayCount in Gen.Elements(DayCount.Actual, DayCount.Thirty360)
        from rounding in Gen.Elements(RoundingMode.HalfAwayFromZero, RoundingMode.HalfToEven)
        select new ProrationConvention { Granularity = granularity, DayCount = dayCount, Rounding = rounding };

    /// <summary>A contract near <paramref name="anchor"/>: renewing whole months, or a ragged end.</summary>
    /// <param name="anchor">A date to start near.</param>
    /// <returns>The generator.</returns>
    public static Gen<ContractSpec> Contract(LocalDate anchor) =>
        from startOffset in Gen.Choose(-200, 200)
        from months in Gen.Choose(1, 24)
        from autoRenew in ArbMap.Default.GeneratorFor<bool>()
        from ragged in Gen.Choose(0, 40)
        from lockIn in Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Constant(ContractTerm.DefaultLockInDays)), (3, Gen.Choose(1, 90)))
        let start = anchor.PlusDays(startOffset)
        let whole = start.PlusMonths(months).PlusDays(-1)
        select new ContractSpec(start, autoRenew ? whole : whole.PlusDays(ragged), autoRenew ? Math.Max(1, lockIn) : lockIn, autoRenew, autoRenew ? months : 0);

    /// <summary>1–5 initial seats: the first an occupied Admin, the rest of any role, some vacant, some with assets.</summary>
    public static Gen<ImmutableArray<SeatSpec>> Seats { get; } =
        from count in Gen.Choose(1, 5)
        from seats in Gen.CollectToArray(Enumerable.Range(0, count), InitialSeatAt)
        select seats.ToImmutableArray();

    /// <summary>An account to open (the engine tests' <see cref="AccountSpec"/>), over more zones and currencies than theirs.</summary>
    public static Gen<AccountSpec> Plan { get; } =
        from zone in Gen.Elements(Zones.ToArray())
        from currency in Gen.Elements(Currencies.ToArray())
        from price in Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 500_000)))
        from cycle in Gen.Elements(BillingCycle.Monthly, BillingCycle.Quarterly, BillingCycle.Annual)
        from anchor in Date
        from proration in Convention
        from hasContract in Gen.Frequency((2, Gen.Constant(false)), (3, Gen.Constant(true)))
        from contract in hasContract ? Contract(anchor).Select(term => (ContractSpec?)term) : Gen.Constant((ContractSpec?)null)
        from seats in Seats
        select new AccountSpec(zone, currency, price, cycle, anchor, proration, contract, seats);

    /// <summary>A step; see <see cref="StepPlan"/>.</summary>
    public static Gen<StepPlan> Step { get; } =
        from kind in Gen.Frequency(
            (25, Gen.Constant(StepKind.Add)),
            (20, Gen.Constant(StepKind.Replace)),
            (15, Gen.Constant(StepKind.Deactivate)),
            (20, Gen.Constant(StepKind.Update)),
            (15, Gen.Constant(StepKind.Delete)),
            (5, Gen.Constant(StepKind.Malformed)),
            (10, Gen.Constant(StepKind.ScheduleDelete)),
            (6, Gen.Constant(StepKind.Cancel)))
        from sloppy in Gen.Frequency((2, Gen.Constant(true)), (3, Gen.Constant(false)))
        from picks in Gen.ArrayOf(Gen.Choose(0, 10_000), 8)
        from advance in Gen.Frequency(
            (2, Gen.Constant(0L)),
            (3, Gen.Choose(1, 86_400).Select(seconds => (long)seconds)),
            (4, from days in Gen.Choose(1, 40) from seconds in Gen.Choose(0, 86_399) select (days * 86_400L) + seconds),
            (1, from days in Gen.Choose(40, 400) select days * 86_400L))
        select new StepPlan(kind, sloppy, picks[0], picks[1], picks[2], picks[3], picks[4], picks[5], picks[6], picks[7], advance);

    /// <summary>An account with a history of 0–30 commands decided by the default (or a self-serve) policy.</summary>
    public static Gen<AccountRun> Run { get; } =
        from plan in Plan
        from selfServe in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from startDays in Gen.Choose(-60, 400)
        from startSeconds in Gen.Choose(0, 86_399)
        from count in Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 30)))
        from steps in Gen.ArrayOf(Step, count)
        let start = plan.Anchor.PlusDays(startDays).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromSeconds(startSeconds)
        select AccountRun.Play(plan, selfServe, start, [.. steps]);

    /// <summary>Minor units at the edges (zero, ±1, the extremes of a long) and in between.</summary>
    public static Gen<long> MinorUnits { get; } =
        Gen.Frequency(
            (1, Gen.Elements(0L, 1L, -1L, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1)),
            (4, Gen.Choose(-1_000_000, 1_000_000).Select(units => (long)units)),
            (3, from high in Gen.Choose(int.MinValue, int.MaxValue)
                from low in Gen.Choose(int.MinValue, int.MaxValue)
                select unchecked(((long)high << 32) ^ (uint)low)));

    /// <summary>An amount in any known currency, or in the default "no currency".</summary>
    public static Gen<Money> Money { get; } =
        from currency in Gen.Frequency((20, Gen.Elements(Currency.All.ToArray())), (1, Gen.Constant(default(Currency))))
        from units in MinorUnits
        select SeatPolicy.Money.FromMinorUnits(units, currency);

    /// <summary>A real prorated charge: a random price, calendar, instant, zone and convention through <see cref="Proration.Prorate(Money, BillingCalendar, Instant, DateTimeZone, ProrationConvention)"/>.</summary>
    public static Gen<ProratedCharge> Charge { get; } =
        from currency in Gen.Elements(Currencies.ToArray())
        from price in Gen.Choose(0, int.MaxValue)
        from cycle in Gen.Elements(BillingCycle.Monthly, BillingCycle.Quarterly, BillingCycle.Annual)
        from anchor in Date
        from offsetSeconds in Gen.Choose(-40_000_000, 40_000_000)
        from zone in Gen.Elements(Zones.ToArray())
        from convention in Convention
        let at = anchor.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromSeconds(offsetSeconds)
        select Proration.Prorate(
            SeatPolicy.Money.FromMinorUnits(price, Currency.FromCode(currency)),
            new BillingCalendar(cycle, anchor),
            at,
            DateTimeZoneProviders.Tzdb[zone],
            convention);

    private static Gen<SeatSpec> InitialSeatAt(int index) =>
        from vacant in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from role in Gen.Elements(Role.Admin, Role.Manager, Role.Agent, Role.Agent)
        from seatN in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from hasAssets in ArbMap.Default.GeneratorFor<bool>()
        from number in Gen.Choose(1_000_000, 9_999_999)
        from name in Gen.Elements(StepPlan.Names.ToArray())
        let id = seatN ? Invariant($"seat-{index + 2}") : Invariant($"s{index + 1}")
        let assets = hasAssets
            ? new SeatAssets
            {
                DirectNumber = Invariant($"+1415{number}"),
                RingGroups = [.. Enumerable.Range(0, number % 3).Select(g => Invariant($"group-{g}"))],
                Devices = [Invariant($"desk-{index}")],
            }
            : SeatAssets.None
        select index == 0
            ? new SeatSpec(id, Vacant: false, name, "admin@acme.test", Role.Admin, assets)
            : new SeatSpec(id, vacant, name, Invariant($"initial{index}@acme.test"), role, assets);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The arbitraries of <c>[SeatPolicyJsonProperty]</c>.</summary>
public static class JsonArbitraries
{
    /// <summary>Accounts with a history.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<AccountRun> Run() => JsonGenerators.Run.ToArbitrary();

    /// <summary>Amounts at their edges.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Money> Money() => JsonGenerators.Money.ToArbitrary();

    /// <summary>Real prorated charges.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ProratedCharge> Charge() => JsonGenerators.Charge.ToArbitrary();

    /// <summary>Accounts with a history and spoils for the documents written from them.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Spoiled> Spoiled() => Generators.Spoiled.Generator.ToArbitrary();

    /// <summary>Contracts.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ContractTerm> Contract() => JsonGenerators.Date.SelectMany(JsonGenerators.Contract).Select(spec => spec.ToContractTerm()).ToArbitrary();
}
