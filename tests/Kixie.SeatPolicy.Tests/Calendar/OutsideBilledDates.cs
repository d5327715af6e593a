using System;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>
/// What the proration properties state at the edges of time: an instant whose local date a calendar does not
/// bill (<see cref="BillingCalendar.Supports"/>, or no local date at all) is refused with a
/// <see cref="ValueRefusedException"/> naming <c>at</c>, and the property's law is about the others.
/// </summary>
internal static class OutsideBilledDates
{
    /// <summary>Whether <paramref name="calendar"/> bills the local date of <paramref name="at"/> in <paramref name="zone"/>.</summary>
    public static bool Bills(BillingCalendar calendar, Instant at, DateTimeZone zone)
    {
        try
        {
            return calendar.Supports(at.InZone(zone).Date.WithCalendar(calendar.Anchor.Calendar));
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>
    /// False when the calendar bills the instant's local date (the caller's law applies); otherwise asserts
    /// that <paramref name="prorate"/> refuses the instant, naming <c>at</c>, and returns true.
    /// </summary>
    public static bool Refused(BillingCalendar calendar, Instant at, DateTimeZone zone, Action prorate)
    {
        if (Bills(calendar, at, zone))
        {
            return false;
        }

        var refused = Assert.Throws<ValueRefusedException>(prorate);
        Assert.Equal("at", refused.Member);
        return true;
    }

    /// <summary>The Julian date of an ISO one, or null before the first day NodaTime's Julian calendar has.</summary>
    public static LocalDate? Julian(LocalDate iso)
    {
        try
        {
            return iso.WithCalendar(CalendarSystem.Julian);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
