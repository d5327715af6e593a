using System;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class BillingCalendarPropertyTests
{
    [SeatPolicyProperty]
    public void Every_date_lies_in_exactly_one_period(BillingCalendar calendar, LocalDate date)
    {
        var period = calendar.PeriodContaining(date);
        var before = new BillingPeriod(period.Index - 1, calendar.BillDate(period.Index - 1), calendar.BillDate(period.Index));
        var after = new BillingPeriod(period.Index + 1, calendar.BillDate(period.Index + 1), calendar.BillDate(period.Index + 2));

        Assert.True(period.Contains(date), $"{period} does not contain {date}");
        Assert.False(before.Contains(date), $"{before} also contains {date}");
        Assert.False(after.Contains(date), $"{after} also contains {date}");
        Assert.Equal(calendar.BillDate(period.Index), period.Start);
        Assert.Equal(calendar.BillDate(period.Index + 1), period.End);
        Assert.True(period.Start < period.End);
    }

    [SeatPolicyProperty]
    public void Consecutive_periods_abut(BillingCalendar calendar, LocalDate date)
    {
        var period = calendar.PeriodContaining(date);
        var next = calendar.PeriodContaining(period.End);
        var previous = calendar.PeriodContaining(period.Start.PlusDays(-1));

        Assert.Equal(period.End, next.Start);
        Assert.Equal(period.Index + 1, next.Index);
        Assert.Equal(period.Start, previous.End);
        Assert.Equal(period.Index - 1, previous.Index);
        Assert.Equal(period, calendar.PeriodContaining(period.End.PlusDays(-1)));
        Assert.Equal(period, calendar.PeriodContaining(period.Start));
        Assert.Equal(period.End, calendar.NextBillDateAfter(date));
    }

    [SeatPolicyProperty]
    public void A_period_lasts_as_many_months_as_the_cycle(BillingCalendar calendar, LocalDate date)
    {
        var period = calendar.PeriodContaining(date);
        var months = (int)calendar.Cycle;

        // Between 28 and 31 days per month of the cycle, whatever the clamping.
        Assert.InRange(period.Days, (28 * months) + (months == 1 ? 0 : 1), 31 * months);
        Assert.Equal(months, ((period.End.Year - period.Start.Year) * 12) + period.End.Month - period.Start.Month);
    }

    [SeatPolicyProperty]
    public void Bill_dates_never_drift_from_the_anchor_across_1200_months(BillingCalendar calendar)
    {
        var anchor = calendar.Anchor;
        var months = (int)calendar.Cycle;
        var cycles = 1_200 / months;

        for (var k = -cycles; k <= cycles; k++)
        {
            // Independently of NodaTime's PlusMonths: the month is k cycles on, the day the anchor's, clamped;
            // a bill date outside the years NodaTime supports (an anchor near their ends) is refused.
            var monthIndex = (anchor.Year * 12) + (anchor.Month - 1) + (k * months);
            var year = (int)Math.Floor(monthIndex / 12.0);
            var month = monthIndex - (year * 12) + 1;
            if (year < LocalDate.MinIsoValue.Year || year > LocalDate.MaxIsoValue.Year)
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => calendar.BillDate(k));
                continue;
            }

            var billDate = calendar.BillDate(k);
            var day = Math.Min(anchor.Day, CalendarSystem.Iso.GetDaysInMonth(year, month));

            Assert.Equal(new LocalDate(year, month, day), billDate);
            Assert.Equal(anchor.PlusMonths(k * months), billDate);
        }
    }
}
