using BenchmarkDotNet.Attributes;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>
/// <see cref="TurnoverBenchmarks"/>' decisions plus application on accounts whose seats are spread over three
/// plans with two price changes (rulebook §13, <see cref="Fixtures.AccountOnPlans"/>), and an upgrade of the
/// middle seat: what plans cost a decision, beside the single-price rows.
/// </summary>
public class PlanTurnoverBenchmarks : PreparedTurnoverBenchmarks
{
    private ChangePlan _upgrade = null!;

    [Benchmark, BenchmarkCategory("ChangePlan")]
    public Account ChangePlan() => Fixtures.Execute(Policy, Prepared, _upgrade);

    protected override Account Prepare(int seats)
    {
        var account = Fixtures.AccountOnPlans(seats);
        var middle = Fixtures.SeatId(seats / 2);
        var plan = account.FindSeat(middle)!.Plan == "PowerDialer" ? "Integrate" : "PowerDialer";
        _upgrade = new ChangePlan(new CommandId("upgrade"), Fixtures.At, new Actor(Fixtures.Email(0)), middle, plan);
        return account;
    }
}
