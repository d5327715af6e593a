namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>
/// <see cref="TurnoverBenchmarks"/>' decisions plus application on accounts of 10, 1,000 and 100,000 seats of
/// which 1 % (at least one) have a deletion scheduled at the next bill (rulebook §12), not yet due at the
/// command's instant: what a pending change costs a decision that does not touch it.
/// </summary>
public class ScheduledTurnoverBenchmarks : PreparedTurnoverBenchmarks
{
    protected override Account Prepare(int seats)
    {
        var account = Fixtures.Account(seats);
        var pending = Math.Max(1, seats / 100);
        var scheduledAt = Fixtures.At - NodaTime.Duration.FromDays(1);
        for (var i = 0; i < pending; i++)
        {
            // Seats from the end, never the Admin in seat 0 nor the middle seat the commands act on.
            var seat = Fixtures.SeatId(seats - 1 - i);
            var decision = Policy.Decide(account, new DeleteAgent(new CommandId($"schedule-{i}"), scheduledAt, Actor.Support, seat, Effective: DeletionEffective.NextBill));
            account = decision.Outcome.Case is DeletionScheduled
                ? decision.ApplyTo(account)
                : throw new InvalidOperationException($"The setup's deletion was not scheduled: {decision}");
        }

        return account;
    }
}
