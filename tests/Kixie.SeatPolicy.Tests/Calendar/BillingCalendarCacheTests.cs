using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests.Calendar;

/// <summary>
/// <see cref="BillingCalendar"/> is an immutable value with a thread-safe cache: calendars shared by
/// many threads, asked about many periods (and prorating by the second in many zones), answer every
/// question exactly as a new calendar does.
/// </summary>
public sealed class BillingCalendarCacheTests
{
    private static readonly string[] ZoneIds =
    [
        "UTC", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Amman", "Pacific/Apia", "America/Havana",
        "Europe/Paris", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sitka",
    ];

    private static readonly (BillingCycle Cycle, LocalDate Anchor)[] Calendars =
    [
        (BillingCycle.Monthly, new LocalDate(2026, 1, 31)),
        (BillingCycle.Monthly, new LocalDate(2026, 3, 1)),
        (BillingCycle.Quarterly, new LocalDate(2024, 2, 29)),
        (BillingCycle.Annual, new LocalDate(2020, 12, 31)),
        (BillingCycle.Monthly, new LocalDate(2026, 1, 30, CalendarSystem.Julian)),
    ];

    private static readonly ProrationConvention BySecond = new() { Granularity = ProrationGranularity.Second };

    private static readonly ProrationConvention ByDay30360 = new() { DayCount = DayCount.Thirty360 };

    [Fact]
    public async Task SharedCalendars_ManyThreadsManyPeriods_AnswerAsNewCalendars()
    {
        // Every day from 2017 to 2031, and instants every 2 days 14 hours 26 minutes across the same
        // years (each at another time of day, midnights and DST changes included).
        var isoDates = Enumerable.Range(0, 15 * 366).Select(day => new LocalDate(2017, 1, 1).PlusDays(day)).ToArray();
        var dates = Calendars.Select(c => isoDates.Select(date => date.WithCalendar(c.Anchor.Calendar)).ToArray()).ToArray(); // in each calendar's system
        var instants = Enumerable.Range(0, 2_110).Select(step => Instant.FromUtc(2017, 1, 1, 0, 0) + Duration.FromMinutes(step * 3_746L)).ToArray();
        var zones = ZoneIds.Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray();
        var price = Money.Parse("30.00", Currency.Usd);

        // Expected answers, each from a calendar that has answered nothing before.
        var periods = Calendars.Select((c, i) => dates[i].Select(date => Fresh(c).PeriodContaining(date)).ToArray()).ToArray();
        var bySecond = Calendars.Select(c => zones.Select(zone => instants.Select(at => Proration.Prorate(price, Fresh(c), at, zone, BySecond)).ToArray()).ToArray()).ToArray();
        var byDay = Calendars.Select(c => zones.Select(zone => instants.Select(at => Proration.Prorate(price, Fresh(c), at, zone, ByDay30360)).ToArray()).ToArray()).ToArray();

        var shared = Calendars.Select(Fresh).ToArray();
        var threads = Math.Max(8, Environment.ProcessorCount * 4);
        var failures = new ConcurrentQueue<string>();
        var answered = 0L;
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(thread => Task.Factory.StartNew(
            () =>
            {
                var random = new Random(thread);
                start.SignalAndWait();
                for (var round = 0; round < 2; round++)
                {
                    for (var i = 0; i < 2_000; i++)
                    {
                        var c = random.Next(shared.Length);
                        var calendar = shared[c];
                        var d = random.Next(isoDates.Length);
                        Check(failures, calendar.PeriodContaining(dates[c][d]), periods[c][d], $"{calendar} period of {dates[c][d]}");
                        Check(failures, calendar.NextBillDateAfter(dates[c][d]), periods[c][d].End, $"{calendar} next bill after {dates[c][d]}");

                        var z = random.Next(zones.Length);
                        var t = random.Next(instants.Length);

                        // Runs of neighbouring instants, so that the cached period and instants are often hit
                        // while other threads replace them with periods of other dates and zones.
                        for (var k = t; k < Math.Min(t + 6, instants.Length); k++)
                        {
                            Check(failures, Proration.Prorate(price, calendar, instants[k], zones[z], BySecond), bySecond[c][z][k], $"{calendar} by the second at {instants[k]} in {zones[z].Id}");
                            Check(failures, Proration.Prorate(price, calendar, instants[k], zones[z], ByDay30360), byDay[c][z][k], $"{calendar} 30/360 at {instants[k]} in {zones[z].Id}");
                        }

                        Interlocked.Increment(ref answered);
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(workers);

        Assert.Empty(failures.Take(10));
        Assert.Equal(threads * 2 * 2_000L, answered);

        // The cache was in use: every shared ISO calendar holds a period and one holds zoned instants.
        Assert.All(shared.Where(calendar => calendar.Anchor.Calendar == CalendarSystem.Iso), calendar => Assert.NotNull(calendar.RememberedPeriod));
        Assert.Contains(shared, calendar => calendar.RememberedZonedPeriod is not null);

        // And it is not part of the value.
        Assert.All(Calendars, c => Assert.Equal(Fresh(c), shared[Array.IndexOf(Calendars, c)]));
        Assert.All(Calendars, c => Assert.Equal(Fresh(c).GetHashCode(), shared[Array.IndexOf(Calendars, c)].GetHashCode()));
    }

    private static BillingCalendar Fresh((BillingCycle Cycle, LocalDate Anchor) calendar) => new(calendar.Cycle, calendar.Anchor);

    private static void Check<T>(ConcurrentQueue<string> failures, T actual, T expected, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            failures.Enqueue($"{what}: {actual}, a new calendar says {expected}");
        }
    }
}
