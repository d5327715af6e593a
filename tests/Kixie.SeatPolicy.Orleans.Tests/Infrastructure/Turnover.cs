using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>
/// The story the tests tell: an account with Ada (Admin) and Bo (Agent), and a stream of commands that
/// add agents, replace, rename and deactivate Bo's seat, and the engine's own
/// answer to the same commands, to compare a store or a cluster with.
/// </summary>
public static class Turnover
{
    /// <summary>The Admin who sends every command.</summary>
    public static readonly Actor Ada = new("ada@acme.test");

    /// <summary>Bo's seat, the one the stream replaces, renames and deactivates.</summary>
    public static readonly SeatId BoSeat = new("s2");

    /// <summary>The first command's instant; each next one is a minute later.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 17, 18, 0);

    /// <summary>The range of dates whose invoices the tests compare.</summary>
    public static readonly (LocalDate From, LocalDate Through) Year = (new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

    /// <summary>An account as opened: monthly billing anchored on the 31st, $30 a seat, Ada and Bo.</summary>
    /// <param name="id">The account's id.</param>
    /// <returns>The opening (version 0).</returns>
    public static Account Opening(string id) =>
        Account.Open(id, DateTimeZoneProviders.Tzdb["America/Los_Angeles"], Money.Parse("30.00", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31)),
            [
                InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin),
                InitialSeat.Occupied(BoSeat, "Bo Li", "bo@acme.test", Role.Agent),
            ]);

    /// <summary>
    /// The <paramref name="index"/>th command of a stream named <paramref name="stream"/>: an add, a
    /// replacement of Bo's seat, a rename of it, or its deactivation, in turn. In order, every one is
    /// accepted; interleaved with other streams, a rename or a deactivation can meet the seat vacant
    /// and be refused.
    /// </summary>
    /// <param name="stream">Makes the command id unique across streams.</param>
    /// <param name="index">The command's place in its stream.</param>
    /// <returns>The command.</returns>
    public static SeatCommand Command(string stream, int index)
    {
        var id = new CommandId(string.Create(CultureInfo.InvariantCulture, $"{stream}-{index}"));
        var at = Start.Plus(Duration.FromMinutes(index));
        var who = string.Create(CultureInfo.InvariantCulture, $"{stream}.{index}");
        return (index % 4) switch
        {
            0 => new AddAgent(id, at, Ada, $"Agent {who}", $"agent.{who}@acme.test", Role.Agent),
            1 => new ReplaceAgent(id, at, Ada, BoSeat, $"Hire {who}", $"hire.{who}@acme.test"),
            2 => new UpdateAgent(id, at, Ada, BoSeat, Name: $"Renamed {who}"),
            _ => new DeactivateAgent(id, at, Ada, BoSeat),
        };
    }

    /// <summary>
    /// Support schedules the deletion of Bo's seat for the next bill (rulebook §12; the account has no
    /// contract, so only support may): its last day is the day before the first bill date after <paramref name="at"/>.
    /// </summary>
    /// <param name="id">The command's id.</param>
    /// <param name="at">When it is sent.</param>
    /// <returns>The command.</returns>
    public static DeleteAgent ScheduleBoDeletion(string id, Instant at) =>
        new(new CommandId(id), at, Actor.Support, BoSeat, Effective: DeletionEffective.NextBill);

    /// <summary>What the grain records once a scheduled deletion has taken effect.</summary>
    /// <param name="account">The account the deletion was scheduled on.</param>
    /// <param name="scheduled">The scheduling event.</param>
    /// <returns>The effect: from the start of the day after the last day, in the account's zone.</returns>
    public static TakenEffect EffectOf(Account account, DeletionScheduled scheduled) =>
        new(scheduled.Version, scheduled.Seat, PendingChange.Deletion(scheduled.LastDay),
            scheduled.LastDay.PlusDays(1).AtStartOfDayInZone(account.TimeZone).ToInstant());

    /// <summary>The first <paramref name="count"/> commands of a stream.</summary>
    /// <param name="stream">The stream's name.</param>
    /// <param name="count">How many.</param>
    /// <returns>The commands in order.</returns>
    public static IReadOnlyList<SeatCommand> Commands(string stream, int count)
    {
        var commands = new SeatCommand[count];
        for (var i = 0; i < count; i++)
        {
            commands[i] = Command(stream, i);
        }

        return commands;
    }

    /// <summary>Runs commands through the engine directly (<see cref="TurnoverPolicy.Decide"/> and <see cref="Decision.ApplyTo"/>).</summary>
    /// <param name="opening">The account to start from.</param>
    /// <param name="commands">The commands, in order.</param>
    /// <returns>The account after them, and each command's decision.</returns>
    public static (Account Account, IReadOnlyList<Decision> Decisions) ThroughEngine(Account opening, IEnumerable<SeatCommand> commands)
    {
        var account = opening;
        var decisions = new List<Decision>();
        foreach (var command in commands)
        {
            var decision = TurnoverPolicy.Default.Decide(account, command);
            decisions.Add(decision);
            account = decision.ApplyTo(account);
        }

        return (account, decisions);
    }
}
