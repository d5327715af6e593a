using System.Collections.Immutable;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>
/// The hand-built account of the example tests: Acme in Los Angeles, 30.00 USD a seat a month billed on
/// the 1st, and a history of five accepted commands, one of each kind.
/// </summary>
internal static class Acme
{
    public static DateTimeZone LosAngeles { get; } = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    public static Actor Ada { get; } = new("ada@acme.test");

    public static Instant Noon(int year, int month, int day) =>
        new LocalDateTime(year, month, day, 12, 0).InZoneStrictly(LosAngeles).ToInstant();

    public static Account Opened() =>
        Account.Open(
            "acme",
            LosAngeles,
            Money.Parse("30.00", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1)),
            [
                InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin, new SeatAssets { DirectNumber = "+14155550101" }),
                InitialSeat.Occupied(new SeatId("s2"), "Jimmy Doe", "jimmy@acme.test", Role.Agent, new SeatAssets { RingGroups = ["sales"], Devices = ["desk-102"] }),
                InitialSeat.Vacant(new SeatId("s3")),
            ]);

    /// <summary>The five commands of <see cref="WithHistory"/>: add, replace, deactivate, update, delete.</summary>
    public static ImmutableArray<SeatCommand> Commands { get; } =
    [
        new AddAgent(new CommandId("c1"), Noon(2026, 3, 17), Ada, "Bo Li", "bo@acme.test", Role.Agent),
        new ReplaceAgent(new CommandId("c2"), Noon(2026, 3, 18), Ada, new SeatId("s2"), "Nina Lee", "nina@acme.test"),
        new DeactivateAgent(new CommandId("c3"), Noon(2026, 3, 19), Ada, new SeatId("s2")),
        new UpdateAgent(new CommandId("c4"), Noon(2026, 3, 20), Ada, new SeatId("seat-4"), Role: Role.Manager, ExpectedVersion: 3),
        new DeleteAgent(new CommandId("c5"), Noon(2026, 3, 21), Actor.Support, new SeatId("s3")),
    ];

    /// <summary>Acme after the five commands, every one accepted: version 5.</summary>
    public static Account WithHistory()
    {
        var account = Opened();
        foreach (var command in Commands)
        {
            var decision = TurnoverPolicy.Default.Decide(account, command);
            Assert.True(decision.Outcome.IsAccepted, decision.ToString());
            account = decision.ApplyTo(account);
        }

        return account;
    }
}
