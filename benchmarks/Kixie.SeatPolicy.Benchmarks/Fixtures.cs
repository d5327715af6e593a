using NodaTime;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>Accounts and commands shared by the benchmarks, built the same way for the engine and the baseline.</summary>
public static class Fixtures
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    public static readonly LocalDate Anchor = new(2026, 1, 31);

    public static readonly Instant At = Instant.FromUtc(2026, 3, 17, 18, 0);

    public static readonly Money Price = Money.FromMinorUnits(3000, Currency.Usd);

    /// <summary>An account of <paramref name="seats"/> seats: seat 0 holds the Admin, the rest Agents; the last seat is vacant.</summary>
    public static Account Account(int seats) =>
        SeatPolicy.Account.Open(
            "bench",
            Zone,
            Price,
            new BillingCalendar(BillingCycle.Monthly, Anchor),
            Enumerable.Range(0, seats).Select(i => Seat(i, seats)));

    public static string Email(int i) => $"agent{i}@acme.test";

    /// <summary>
    /// The same seats on three plans (rulebook §13): Integrate (the default, <see cref="Price"/>), PowerDialer and
    /// Voice, seats spread across them in turn, with two price changes of PowerDialer around <see cref="At"/>.
    /// </summary>
    public static Account AccountOnPlans(int seats) =>
        SeatPolicy.Account.OpenOnPlans(
            "bench",
            Zone,
            [
                new Plan("Integrate", Price),
                new Plan("PowerDialer", Money.FromMinorUnits(9500, Currency.Usd), [new PlanPrice(new LocalDate(2026, 2, 1), Money.FromMinorUnits(9900, Currency.Usd)), new PlanPrice(new LocalDate(2026, 6, 1), Money.FromMinorUnits(10900, Currency.Usd))]),
                new Plan("Voice", Money.FromMinorUnits(2000, Currency.Usd)),
            ],
            "Integrate",
            new BillingCalendar(BillingCycle.Monthly, Anchor),
            Enumerable.Range(0, seats).Select(i => Seat(i, seats, (i % 3) switch { 0 => "Integrate", 1 => "PowerDialer", _ => "Voice" })));

    /// <summary>The five turnover commands the turnover benchmarks decide on a <paramref name="seats"/>-seat account: at <see cref="At"/>, by the Admin (a deletion by support), on the middle seat.</summary>
    public static TurnoverCommands Turnover(int seats)
    {
        var admin = new Actor(Email(0));
        var middle = SeatId(seats / 2);
        return new TurnoverCommands(
            new AddAgent(new CommandId("add"), At, admin, "Bo Li", "bo@acme.test", Role.Agent),
            new ReplaceAgent(new CommandId("replace"), At, admin, middle, "Cy Ho", "cy@acme.test"),
            new DeactivateAgent(new CommandId("deactivate"), At, admin, middle),
            new UpdateAgent(new CommandId("update"), At, admin, middle, Name: "Renamed"),
            new DeleteAgent(new CommandId("delete"), At, Actor.Support, middle));
    }

    /// <summary>A command decided and applied: the benchmarks' unit of work. A refusal is a broken fixture and throws.</summary>
    public static Account Execute(TurnoverPolicy policy, Account account, SeatCommand command)
    {
        var decision = policy.Decide(account, command);
        if (decision.Events.IsEmpty)
        {
            throw new InvalidOperationException($"Benchmark command was not accepted: {decision}");
        }

        return decision.ApplyTo(account);
    }

    public static SeatId SeatId(int i) => new($"s{i}");

    private static InitialSeat Seat(int i, int seats, string? plan = null) => i switch
    {
        0 => InitialSeat.Occupied(SeatId(i), "Ada Admin", Email(i), Role.Admin, Assets, plan),
        _ when i == seats - 1 => InitialSeat.Vacant(SeatId(i), Role.Agent, Assets, plan),
        _ => InitialSeat.Occupied(SeatId(i), $"Agent {i}", Email(i), Role.Agent, Assets, plan),
    };

    private static readonly SeatAssets Assets = new()
    {
        DirectNumber = "+14155550100",
        CallerId = "+14155550100",
        RingGroups = ["sales"],
        Devices = ["desk"],
    };

    /// <summary>A stream of accepted events: replace, update, deactivate and add, cycling over the seats.</summary>
    public static List<SeatEvent> Events(Account initial, int count)
    {
        var policy = TurnoverPolicy.Default;
        var account = initial;
        var events = new List<SeatEvent>(count);
        var admin = new Actor(Email(0));
        var seats = initial.SeatCount;
        for (var j = 0; events.Count < count; j++)
        {
            var seat = SeatId(1 + (j % (seats - 1)));
            var at = At.Plus(Duration.FromSeconds(j));
            SeatCommand command = (j / (seats - 1) % 3) switch
            {
                0 => new ReplaceAgent(new CommandId($"c{j}"), at, admin, seat, $"Person {j}", $"p{j}@acme.test"),
                1 => new UpdateAgent(new CommandId($"c{j}"), at, admin, seat, Name: $"Renamed {j}"),
                _ => new DeactivateAgent(new CommandId($"c{j}"), at, admin, seat),
            };
            var decision = policy.Decide(account, command);
            events.AddRange(decision.Events);
            account = decision.ApplyTo(account);
        }

        return events;
    }

    /// <summary>
    /// An account of <paramref name="seats"/> seats after <paramref name="events"/> accepted commands spread
    /// evenly over 2026: adds, replacements, edits, deactivations and (by support) deletions of added seats,
    /// in turn.
    /// </summary>
    public static Account YearOfTurnover(int seats, int events)
    {
        var policy = TurnoverPolicy.Default;
        var account = Account(seats);
        var admin = new Actor(Email(0));
        var start = Instant.FromUtc(2026, 1, 1, 20, 0);
        var step = Duration.FromDays(365) / events;
        var added = new Queue<SeatId>();
        for (var j = 0; account.Version < events; j++)
        {
            var at = start + (step * account.Version);
            var id = new CommandId($"y{j}");
            var seat = SeatId(1 + (j % (seats - 2)));
            SeatCommand command = (j % 5) switch
            {
                0 => new AddAgent(id, at, admin, $"New {j}", $"n{j}@acme.test", Role.Agent, new SeatId($"n{j}")),
                1 => new ReplaceAgent(id, at, admin, seat, $"Person {j}", $"p{j}@acme.test"),
                2 => new UpdateAgent(id, at, admin, seat, Name: $"Renamed {j}"),
                3 => new DeactivateAgent(id, at, admin, seat),
                _ => new DeleteAgent(id, at, Actor.Support, added.Count > 100 ? added.Dequeue() : SeatId(seats - 1 - (j % 50))),
            };
            var decision = policy.Decide(account, command);
            if (decision.Outcome.Case is Added outcome)
            {
                added.Enqueue(outcome.Seat);
            }

            account = decision.ApplyTo(account);
        }

        return account;
    }
}

/// <summary>The five turnover commands of <see cref="Fixtures.Turnover"/>.</summary>
public sealed record TurnoverCommands(AddAgent Add, ReplaceAgent Replace, DeactivateAgent Deactivate, UpdateAgent Update, DeleteAgent Delete);
