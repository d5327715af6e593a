using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Generators;

/// <summary>One request for advice: an Acme account and a departure, with or without a hire.</summary>
/// <param name="Account">The account.</param>
/// <param name="Seat">The leaving agent's seat (sometimes unknown).</param>
/// <param name="Leaves">When the agent leaves.</param>
/// <param name="Actor">Who asks (sometimes a Manager, an Agent or a stranger).</param>
/// <param name="Until">The horizon.</param>
/// <param name="Hire">When the new person starts, or null.</param>
public sealed record AdviceCase(Account Account, SeatId Seat, Instant Leaves, Actor Actor, LocalDate Until, Instant? Hire)
{
    /// <summary>Asks the advisor.</summary>
    /// <returns>The advice.</returns>
    public TurnoverAdvice Advise() => Hire is { } hire
        ? TurnoverAdvisor.Advise(Account, Seat, Leaves, Actor, Until, hire, "Maria Lopez", "maria@acme.test")
        : TurnoverAdvisor.Advise(Account, Seat, Leaves, Actor, Until);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Account.Billing} contract={Account.Contract} seat={Seat} leaves={Leaves} actor={Actor} until={Until} hire={Hire}";
}

/// <summary>The generators of advice requests.</summary>
public static class AdviceGenerators
{
    private static readonly LocalDate Start = new(2026, 1, 1);

    /// <summary>Acme with any calendar (monthly, quarterly, annual), with or without a 2026 contract (renewing or not, any lock-in).</summary>
    public static Gen<Account> Account { get; } =
        from cycle in Gen.Elements(BillingCycle.Monthly, BillingCycle.Quarterly, BillingCycle.Annual)
        from anchorDay in Gen.Choose(0, 90)
        from contractKind in Gen.Choose(0, 3)
        from lockIn in Gen.Choose(1, 90)
        let billing = new BillingCalendar(cycle, Start.PlusDays(anchorDay))
        let contract = contractKind switch
        {
            0 or 1 => null,
            2 => new ContractTerm(Start, new LocalDate(2026, 12, 31), lockIn),
            _ => new ContractTerm(Start, new LocalDate(2026, 12, 31), lockIn, autoRenew: true),
        }
        select Acme(contract, billing: billing);

    /// <summary>A departure in 2026 or early 2027, an optional hire within 120 days, a horizon within 400 days.</summary>
    public static Gen<AdviceCase> Case { get; } =
        from account in Account
        from leaveDay in Gen.Choose(0, 420)
        from leaveMinute in Gen.Choose(0, (24 * 60) - 1)
        from hasHire in Gen.Elements(true, true, false)
        from hireMinutes in Gen.Choose(0, 120 * 24 * 60)
        from untilDays in Gen.Choose(0, 400)
        from seat in Gen.Frequency((6, Gen.Constant(S2)), (1, Gen.Constant(S1)), (1, Gen.Constant(S3)), (1, Gen.Constant(S4)), (1, Gen.Constant(new SeatId("nope"))))
        from actor in Gen.Frequency((6, Gen.Constant(Ada)), (2, Gen.Constant(Mia)), (1, Gen.Constant(Jimmy)), (1, Gen.Constant(Stranger)))
        let leaves = Start.PlusDays(leaveDay).AtStartOfDayInZone(LosAngeles).ToInstant().Plus(Duration.FromMinutes(leaveMinute))
        let leaveDate = account.LocalDateOf(leaves)
        select new AdviceCase(
            account,
            seat,
            leaves,
            actor,
            leaveDate.PlusDays(untilDays),
            hasHire ? leaves.Plus(Duration.FromMinutes(hireMinutes)) : null);

    /// <summary>The arbitrary of <see cref="Case"/>.</summary>
    public static Arbitrary<AdviceCase> Cases => Case.ToArbitrary();
}
