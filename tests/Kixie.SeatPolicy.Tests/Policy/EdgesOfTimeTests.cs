using System;
using System.Collections.Generic;
using System.Linq;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// The engine is total over time (docs/rules.md, "The edges of time"): a command on a date with no whole
/// billing period refuses as InvalidCommand naming <c>at</c>; nothing throws from inside.
/// </summary>
public sealed class EdgesOfTimeTests
{
    private static readonly Duration Day = Duration.FromDays(1);

    /// <summary>Instants at and near NodaTime's ends, where a bill date or a local date would not exist.</summary>
    public static TheoryData<string> EdgeInstants => new()
    {
        "min", "min+1d", "min+40d", "max", "max-1d", "max-40d",
    };

    private static Instant Edge(string name) => name switch
    {
        "min" => Instant.MinValue,
        "min+1d" => Instant.MinValue + Day,
        "min+40d" => Instant.MinValue + (40 * Day),
        "max" => Instant.MaxValue,
        "max-1d" => Instant.MaxValue - Day,
        "max-40d" => Instant.MaxValue - (40 * Day),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown edge"),
    };

    private static IEnumerable<SeatCommand> EveryCommandAt(Instant at) =>
    [
        new AddAgent(Cmd("add"), at, Ada, "Omar Diaz", "omar@acme.test", Role.Agent),
        new ReplaceAgent(Cmd("replace"), at, Ada, S2, "Nina Lee", "nina@acme.test"),
        new DeactivateAgent(Cmd("deactivate"), at, Ada, S2),
        new DeleteAgent(Cmd("delete"), at, Support, S4),
    ];

    [Theory]
    [MemberData(nameof(EdgeInstants))]
    public void Decide_AtTheEdgesOfTime_InEveryZone_AnswersWithoutThrowing(string edge)
    {
        var at = Edge(edge);
        foreach (var zone in EngineGenerators.Zones)
        {
            var account = Account.Open("acme", DateTimeZoneProviders.Tzdb[zone], Usd("30.00"), MonthlyOnThe1st, AcmeSeats());
            foreach (var command in EveryCommandAt(at))
            {
                var decision = Engine.Decide(account, command);

                if (decision.Outcome.Kind == OutcomeKind.InvalidCommand)
                {
                    Assert.Equal("at", Assert.IsType<InvalidCommand>(decision.Outcome.Case).Field);
                    Assert.False(account.CanBillAt(at));
                }
                else
                {
                    Assert.True(account.CanBillAt(at), $"{command} at {at} in {zone} was decided as {decision.Outcome.Kind}");
                    _ = decision.ApplyTo(account);
                }
            }
        }
    }

    [Fact]
    public void Decide_AnAddOnTheLastBillableDay_IsChargedAndTheFirstDayAfterIsRefused()
    {
        var account = Account.Open("acme", DateTimeZone.Utc, Usd("30.00"), MonthlyOnThe1st, AcmeSeats());
        var last = account.Billing.SupportedThrough;
        var onTheLastDay = last.AtMidnight().InUtc().ToInstant() + Duration.FromHours(12);

        var accepted = Engine.Decide(account, new AddAgent(Cmd("c1"), onTheLastDay, Ada, "Omar Diaz", "omar@acme.test", Role.Agent));
        var refused = Engine.Decide(account, new AddAgent(Cmd("c2"), onTheLastDay + Day, Ada, "Omar Diaz", "omar@acme.test", Role.Agent));

        Assert.Equal(OutcomeKind.Added, accepted.Outcome.Kind);
        var invalid = Assert.IsType<InvalidCommand>(refused.Outcome.Case);
        Assert.Equal("at", invalid.Field);
        Assert.Contains(last.ToString("uuuu-MM-dd", null), invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportedDates_OfAMonthlyCalendar_AreBillDatesBoundedByNodaTimesYears()
    {
        var calendar = MonthlyOnThe1st;

        Assert.Equal(new LocalDate(-9998, 2, 1), calendar.SupportedFrom);
        Assert.Equal(new LocalDate(9999, 11, 30), calendar.SupportedThrough);
        Assert.True(calendar.Supports(calendar.SupportedFrom));
        Assert.True(calendar.Supports(calendar.SupportedThrough));
        Assert.False(calendar.Supports(calendar.SupportedFrom.PlusDays(-1)));
        Assert.False(calendar.Supports(calendar.SupportedThrough.PlusDays(1)));
    }

    [Fact]
    public void LocalDateOf_AnInstantWithNoLocalDate_IsRefusedNamingAt()
    {
        var account = Account.Open("acme", DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"], Usd("30.00"), MonthlyOnThe1st, AcmeSeats());

        Assert.False(account.TryLocalDateOf(Instant.MaxValue, out _));
        var refused = Assert.Throws<ValueRefusedException>(() => account.LocalDateOf(Instant.MaxValue));
        Assert.Equal("at", refused.Member);
    }

    [Fact]
    public void Invoices_ThroughTheLastDay_StopAtTheLastBillWhosePeriodEndsInTime()
    {
        var account = Acme();

        // The bill of 9999-12-01 would cover a period ending on 10000-01-01, which NodaTime cannot represent.
        var invoices = account.Invoices(new LocalDate(9999, 9, 1), new LocalDate(9999, 12, 31)).ToList();

        Assert.Equal([new LocalDate(9999, 9, 1), new LocalDate(9999, 10, 1), new LocalDate(9999, 11, 1)], invoices.Select(i => i.Date));
    }
}
