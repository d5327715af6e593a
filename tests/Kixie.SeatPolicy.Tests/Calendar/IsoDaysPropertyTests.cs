using System;
using System.Linq;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using NodaTime.TimeZones;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>
/// The integer calendar behind proration's hot path (<see cref="IsoDays"/>), the period memo and the
/// allocation-free start of a day, each held to NodaTime's own answer.
/// </summary>
public sealed class IsoDaysPropertyTests
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    [SeatPolicyProperty]
    public void DayNumber_counts_the_days_from_1970_01_01_as_NodaTime_does(AnyIsoDate any)
    {
        Assert.Equal(Period.DaysBetween(Epoch, any.Date), IsoDays.DayNumber(any.Date));
    }

    [SeatPolicyProperty]
    public void FromDayNumber_inverts_DayNumber(AnyIsoDate any)
    {
        var (year, month, day) = IsoDays.FromDayNumber(IsoDays.DayNumber(any.Date));

        Assert.Equal(any.Date, new LocalDate(year, month, day));
    }

    [SeatPolicyProperty]
    public void DaysInMonth_agrees_with_the_ISO_calendar(AnyIsoDate any)
    {
        var (year, month) = (any.Date.Year, any.Date.Month);

        Assert.Equal(CalendarSystem.Iso.GetDaysInMonth(year, month), IsoDays.DaysInMonth(year, month));
        Assert.Equal(CalendarSystem.Iso.IsLeapYear(year), IsoDays.IsLeapYear(year));
    }

    [Fact]
    public void FirstDayNumber_is_the_day_number_of_LocalDates_default()
    {
        Assert.Equal(IsoDays.FirstDayNumber, Period.DaysBetween(Epoch, default(LocalDate)));
        Assert.Equal(new LocalDate(1, 1, 1), default(BillingPeriod).Start);
        Assert.Equal(0, default(BillingPeriod).Days);
    }

    [Fact]
    public void The_handled_years_stop_one_year_inside_NodaTimes()
    {
        Assert.Equal(IsoDays.MinYear, CalendarSystem.Iso.MinYear + 1);
        Assert.Equal(IsoDays.MaxYear, CalendarSystem.Iso.MaxYear - 1);
    }

    [SeatPolicyProperty]
    public void The_integer_period_is_the_one_NodaTimes_month_arithmetic_gives(FarCalendarDate case_)
    {
        var (calendar, date) = (case_.Calendar, case_.Date);

        var period = IsoDays.PeriodContaining(
            IsoDays.MonthIndex(calendar.Anchor.Year, calendar.Anchor.Month),
            calendar.Anchor.Day,
            (int)calendar.Cycle,
            date.Year,
            date.Month,
            date.Day);

        var months = (int)calendar.Cycle;
        Assert.Equal(calendar.Anchor.PlusMonths(checked((int)period.Index * months)), period.Start);
        Assert.Equal(calendar.Anchor.PlusMonths(checked((int)(period.Index + 1) * months)), period.End);
        Assert.True(period.Start <= date && date < period.End, $"{period} does not contain {date}");
        Assert.Equal(Period.DaysBetween(period.Start, period.End), period.Days);
    }

    [SeatPolicyProperty]
    public void A_calendar_answers_the_same_whatever_it_was_asked_before(BillingCalendar calendar, LocalDate[] dates)
    {
        var fresh = dates.Select(date => new BillingCalendar(calendar.Cycle, calendar.Anchor).PeriodContaining(date)).ToArray();

        var reused = dates.Select(calendar.PeriodContaining).ToArray();

        Assert.Equal(fresh, reused);
    }

    [Theory]
    [InlineData(BillingCycle.Monthly, IsoDays.MaxYear, 12, 31)]
    [InlineData(BillingCycle.Monthly, IsoDays.MinYear, 1, 31)]
    [InlineData(BillingCycle.Annual, 9996, 2, 29)]
    [InlineData(BillingCycle.Quarterly, -9996, 2, 29)]
    public void The_memo_holds_periods_at_both_ends_of_the_handled_years(BillingCycle cycle, int year, int month, int day)
    {
        // Periods whose index is far below or above zero, that start before 1970 or last 366 days, each
        // asked for twice in a row so that the second answer comes from the memo.
        var calendar = new BillingCalendar(cycle, new LocalDate(year, month, day));
        LocalDate[] dates = [new(IsoDays.MinYear, 3, 1), new(IsoDays.MaxYear, 12, 31), new(1969, 12, 31), new(9996, 12, 31), new(-9996, 2, 29), new(2026, 3, 17)];

        foreach (var date in dates)
        {
            var fresh = new BillingCalendar(cycle, calendar.Anchor).PeriodContaining(date);
            Assert.Equal(fresh, calendar.PeriodContaining(date));
            Assert.Equal(fresh, calendar.PeriodContaining(date));
            Assert.True(fresh.Contains(date));
        }
    }

    [Fact]
    public void A_period_of_another_calendar_system_keeps_its_dates_in_it()
    {
        var anchor = new LocalDate(2026, 1, 31, CalendarSystem.Julian);
        var calendar = new BillingCalendar(BillingCycle.Monthly, anchor);

        var period = calendar.PeriodContaining(new LocalDate(2026, 3, 17, CalendarSystem.Julian));

        Assert.Equal(new LocalDate(2026, 2, 28, CalendarSystem.Julian), period.Start);
        Assert.Equal(new LocalDate(2026, 3, 31, CalendarSystem.Julian), period.End);
        Assert.Equal(31, period.Days);
        Assert.NotEqual(calendar.PeriodContaining(new LocalDate(2026, 3, 17, CalendarSystem.Julian)), new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31)).PeriodContaining(new LocalDate(2026, 3, 17)));
    }

    [Theory]
    [InlineData(1900, 28)]
    [InlineData(2000, 29)]
    [InlineData(2100, 28)]
    [InlineData(1600, 29)]
    [InlineData(0, 29)]
    [InlineData(-100, 28)]
    [InlineData(-400, 29)]
    public void February_has_29_days_in_leap_centuries_only(int year, int days)
    {
        Assert.Equal(days, IsoDays.DaysInMonth(year, 2));
        Assert.Equal(days == 29, IsoDays.IsLeapYear(year));
    }

    [Theory]
    [InlineData(2000, 2, 29)] // the last day of a 400-year cycle counted from March
    [InlineData(1600, 2, 29)]
    [InlineData(2000, 3, 1)]
    [InlineData(-9998, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void FromDayNumber_inverts_DayNumber_at_the_ends_of_cycles(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);

        Assert.Equal((year, month, day), IsoDays.FromDayNumber(IsoDays.DayNumber(date)));
        Assert.Equal(Period.DaysBetween(Epoch, date), IsoDays.DayNumber(date));
    }

    [Theory]
    [InlineData(9999, 1, 1, 9999, 12, 15)] // the period's end would be 10000-01-01
    [InlineData(-9998, 1, 31, -9998, 1, 15)] // the period's start would be in -9999
    public void A_period_past_NodaTimes_years_is_refused(int anchorYear, int anchorMonth, int anchorDay, int year, int month, int day)
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(anchorYear, anchorMonth, anchorDay));

        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.PeriodContaining(new LocalDate(year, month, day)));
    }

    [SeatPolicyProperty]
    public void A_Julian_calendar_finds_its_periods_by_Julian_month_arithmetic(BillingCalendar iso, LocalDate isoDate)
    {
        if (OutsideBilledDates.Julian(iso.Anchor) is not { } anchor)
        {
            return; // an ISO anchor in the first days of time has no Julian date
        }

        var calendar = new BillingCalendar(iso.Cycle, anchor);
        var date = isoDate.WithCalendar(CalendarSystem.Julian);
        var months = (int)calendar.Cycle;

        var period = calendar.PeriodContaining(date);

        Assert.Equal(calendar.Anchor.PlusMonths(checked((int)period.Index * months)), period.Start);
        Assert.Equal(calendar.Anchor.PlusMonths(checked((int)(period.Index + 1) * months)), period.End);
        Assert.True(period.Start <= date && date < period.End, $"{period} does not contain {date}");
        Assert.Equal(Period.DaysBetween(period.Start, period.End), period.Days);
    }

    [SeatPolicyProperty]
    public void Proration_on_a_Julian_calendar_charges_for_its_Julian_period(BillingCalendar iso, Instant at, DateTimeZone zone)
    {
        if (OutsideBilledDates.Julian(iso.Anchor) is not { } anchor)
        {
            return; // an ISO anchor in the first days of time has no Julian date
        }

        var calendar = new BillingCalendar(iso.Cycle, anchor);
        var price = Money.FromMinorUnits(3000, Currency.Usd);
        if (OutsideBilledDates.Refused(calendar, at, zone, () => Proration.Prorate(price, calendar, at, zone, ProrationConvention.Default)))
        {
            return;
        }

        var date = at.InZone(zone).Date.WithCalendar(CalendarSystem.Julian);

        var charge = Proration.Prorate(price, calendar, at, zone, ProrationConvention.Default);

        var period = calendar.PeriodContaining(date);
        Assert.Equal(period, charge.Period);
        Assert.Equal(Period.DaysBetween(date, period.End), charge.UnitsRemaining);
        Assert.Equal(Period.DaysBetween(period.Start, period.End), charge.UnitsInPeriod);
    }

    [SeatPolicyProperty]
    public void Proration_by_the_second_on_a_Julian_calendar_counts_the_seconds_of_its_Julian_period(BillingCalendar iso, Instant at, DateTimeZone zone)
    {
        if (OutsideBilledDates.Julian(iso.Anchor) is not { } anchor)
        {
            return; // an ISO anchor in the first days of time has no Julian date
        }

        var calendar = new BillingCalendar(iso.Cycle, anchor);
        var price = Money.FromMinorUnits(3000, Currency.Usd);
        var convention = new ProrationConvention { Granularity = ProrationGranularity.Second };
        if (OutsideBilledDates.Refused(calendar, at, zone, () => Proration.Prorate(price, calendar, at, zone, convention)))
        {
            return;
        }

        var period = calendar.PeriodContaining(at.InZone(zone).Date.WithCalendar(CalendarSystem.Julian));
        var start = zone.AtStartOfDay(period.Start).ToInstant().ToUnixTimeSeconds();
        var end = zone.AtStartOfDay(period.End).ToInstant().ToUnixTimeSeconds();

        var charge = Proration.Prorate(price, calendar, at, zone, convention);

        Assert.Equal(period, charge.Period);
        Assert.Equal(end - at.ToUnixTimeSeconds(), charge.UnitsRemaining);
        Assert.Equal(end - start, charge.UnitsInPeriod);
        Assert.Equal(price.MultiplyByFraction(end - at.ToUnixTimeSeconds(), end - start), charge.Amount);
    }

    [Theory]
    [InlineData(BillingCycle.Monthly, 2026, 1, 31, 2026, 3, 17)]
    [InlineData(BillingCycle.Monthly, 9996, 12, 31, -9997, 3, 1)]
    [InlineData(BillingCycle.Annual, 9996, 2, 29, 9996, 12, 31)]
    [InlineData(BillingCycle.Quarterly, -9996, 2, 29, 1969, 12, 31)]
    public void A_calendar_remembers_the_last_ISO_period_it_found(BillingCycle cycle, int anchorYear, int anchorMonth, int anchorDay, int year, int month, int day)
    {
        // The memo changes no answer, so only this shows that it still works (and packs every period whole).
        var calendar = new BillingCalendar(cycle, new LocalDate(anchorYear, anchorMonth, anchorDay));
        Assert.Null(calendar.RememberedPeriod);

        var period = calendar.PeriodContaining(new LocalDate(year, month, day));
        Assert.Equal(period, calendar.RememberedPeriod);

        var next = calendar.PeriodContaining(period.End);
        Assert.Equal(next, calendar.RememberedPeriod);
        Assert.Equal(period.Index + 1, next.Index);

        // Proration remembers the period of the add too.
        Proration.Prorate(Money.FromMinorUnits(3000, Currency.Usd), calendar, period.Start, ProrationConvention.Default);
        Assert.Equal(period, calendar.RememberedPeriod);
    }

    [SeatPolicyProperty]
    public void A_calendar_prorates_by_the_second_as_a_fresh_one_whatever_it_prorated_before(
        BillingCalendar calendar, DateTimeZone zone, DateTimeZone other, Instant at, int[] hours)
    {
        // Adds around one instant, in two zones, and at the first instants of their periods' days and a
        // second either side: each must cost what it costs on a calendar that never prorated before.
        // Outside the dates the calendar bills, both refuse.
        foreach (var (add, inZone) in hours.Select((h, i) => (TimeEdgeGenerators.Plus(at, 3_600L * (h % 2_000)), i % 3 == 2 ? other : zone)))
        {
            if (OutsideBilledDates.Refused(calendar, add, inZone, () => ProrateBySecond(calendar, add, inZone)))
            {
                continue;
            }

            var fresh = ProrateBySecondFresh(calendar, add, inZone);
            Assert.Equal(fresh, ProrateBySecond(calendar, add, inZone));

            // The period's first instant and the next one's, from the charge: remaining = end − add, in whole seconds.
            var end = add.ToUnixTimeSeconds() + fresh.UnitsRemaining;
            var start = end - fresh.UnitsInPeriod;
            foreach (var probe in new[] { start - 1, start, end - 1, end })
            {
                var probed = Instant.FromUnixTimeSeconds(probe);
                if (!OutsideBilledDates.Refused(calendar, probed, inZone, () => ProrateBySecond(calendar, probed, inZone)))
                {
                    Assert.Equal(ProrateBySecondFresh(calendar, probed, inZone), ProrateBySecond(calendar, probed, inZone));
                }
            }
        }
    }

    [Theory]
    [InlineData("America/Los_Angeles", 2026, 1, 31)] // daylight saving time starts 8 March, ends 1 November
    [InlineData("America/Sao_Paulo", 2018, 10, 4)] // midnight skipped on 4 November 2018
    [InlineData("America/Havana", 2012, 11, 1)] // transitions at midnight
    [InlineData("Asia/Amman", 2014, 3, 28)] // midnight skipped on the last Friday of March
    [InlineData("Pacific/Apia", 2011, 12, 30)] // 30 December 2011 never happened
    [InlineData("America/Sitka", 1867, 10, 1)] // the clocks went back a whole day in October 1867
    public void Adds_every_three_hours_around_transitions_cost_the_same_on_a_reused_calendar(string zoneId, int year, int month, int day)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        foreach (var anchor in new[] { new LocalDate(year, month, day), new LocalDate(year, month, 1).PlusMonths(1) })
        {
            var calendar = new BillingCalendar(BillingCycle.Monthly, anchor);
            var first = zone.AtStartOfDay(anchor.PlusMonths(-1)).ToInstant();
            for (var add = first; add < first + Duration.FromDays(100); add += Duration.FromHours(3) + Duration.FromSeconds(1))
            {
                Assert.Equal(ProrateBySecondFresh(calendar, add, zone), ProrateBySecond(calendar, add, zone));
            }
        }
    }

    [Fact]
    public void Second_granularity_remembers_a_periods_instants_only_when_no_transition_is_near_its_midnights()
    {
        // The memo changes no answer, so only this shows that it is made, and made only where it may be.
        var zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31));
        Assert.Null(calendar.RememberedZonedPeriod);

        var charge = ProrateBySecond(calendar, Instant.FromUtc(2026, 6, 17, 18, 0), zone);

        var remembered = Assert.IsType<ZonedPeriod>(calendar.RememberedZonedPeriod);
        Assert.Same(zone, remembered.Zone);
        Assert.Equal(charge.Period, remembered.Period);
        Assert.Equal(zone.AtStartOfDay(charge.Period.Start).ToInstant().ToUnixTimeSeconds(), remembered.Start);
        Assert.Equal(zone.AtStartOfDay(charge.Period.End).ToInstant().ToUnixTimeSeconds(), remembered.End);

        // Sao Paulo skipped the midnight of 4 November 2018, the end of the period from 4 October.
        var saoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
        var near = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2018, 1, 4));
        var skipped = ProrateBySecond(near, Instant.FromUtc(2018, 10, 20, 12, 0), saoPaulo);
        Assert.Equal(new LocalDate(2018, 11, 4), skipped.Period.End);
        Assert.Null(near.RememberedZonedPeriod);
    }

    [Fact]
    public void An_add_in_an_hour_that_repeats_across_midnight_is_charged_in_the_period_of_its_local_date()
    {
        // At 00:30 on 1 April the clocks go back to 23:30 on 31 March: 1 April's midnight comes first,
        // then an hour of 31 March again. An add in that hour lies after April's first instant but on
        // 31 March, so it belongs to March's period, even after an add in April was prorated.
        var zone = new MidnightRepeatingZone(Instant.FromUtc(2026, 3, 31, 23, 30));
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 1));
        var april = ProrateBySecond(calendar, Instant.FromUtc(2026, 4, 10, 12, 0), zone);
        var repeated = Instant.FromUtc(2026, 3, 31, 23, 45);

        var charge = ProrateBySecond(calendar, repeated, zone);

        Assert.Equal(new LocalDate(2026, 4, 1), april.Period.Start);
        Assert.Equal(new LocalDate(2026, 3, 31), repeated.InZone(zone).Date);
        Assert.Equal(new LocalDate(2026, 3, 1), charge.Period.Start);
        Assert.Equal(ProrateBySecondFresh(calendar, repeated, zone), charge);
    }

    private static ProratedCharge ProrateBySecond(BillingCalendar calendar, Instant at, DateTimeZone zone) =>
        Proration.Prorate(Money.FromMinorUnits(3000, Currency.Usd), calendar, at, zone, new ProrationConvention { Granularity = ProrationGranularity.Second });

    private static ProratedCharge ProrateBySecondFresh(BillingCalendar calendar, Instant at, DateTimeZone zone) =>
        ProrateBySecond(new BillingCalendar(calendar.Cycle, calendar.Anchor), at, zone);

    [SeatPolicyProperty]
    public void StartOfDay_is_the_lenient_resolvers_midnight(DateTimeZone zone, LocalDate date)
    {
        var expected = zone.ResolveLocal(date.AtMidnight(), Resolvers.LenientResolver).ToInstant().ToUnixTimeSeconds();

        Assert.Equal(expected, Proration.StartOfDay(zone, date));
    }

    [Theory]
    [InlineData("America/Los_Angeles", "2026-03-08")] // a 2 a.m. gap 2 hours after midnight
    [InlineData("America/Los_Angeles", "2026-11-01")] // a 1 a.m. overlap
    [InlineData("America/Sao_Paulo", "2018-11-04")] // midnight itself skipped
    [InlineData("America/Havana", "2024-03-10")] // midnight itself skipped
    [InlineData("Asia/Amman", "2021-10-29")] // midnight twice: 01:00 +03 fell back to 00:00 +02
    [InlineData("America/Havana", "2024-11-03")] // midnight twice: 01:00 -04 fell back to 00:00 -05
    [InlineData("Pacific/Apia", "2011-12-30")] // the whole day skipped
    [InlineData("Pacific/Apia", "2011-12-31")]
    [InlineData("Europe/London", "1970-01-01")]
    public void StartOfDay_near_a_transition_is_the_lenient_resolvers_midnight(string zoneId, string isoDate)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(isoDate).Value;

        StartOfDay_is_the_lenient_resolvers_midnight(zone, date);
    }
}

/// <summary>A zone one hour ahead of UTC until a transition, then at UTC: the hour before the transition repeats.</summary>
/// <param name="transition">When the clocks go back.</param>
internal sealed class MidnightRepeatingZone(Instant transition)
    : DateTimeZone("Test/MidnightRepeating", false, Offset.Zero, Offset.FromHours(1))
{
    /// <inheritdoc />
    public override ZoneInterval GetZoneInterval(Instant instant) =>
        instant < transition
            ? new ZoneInterval("+01", null, transition, Offset.FromHours(1), Offset.Zero)
            : new ZoneInterval("UTC", transition, null, Offset.Zero, Offset.Zero);
}
