using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests.Accounts;

/// <summary><see cref="Account.CanBillAt"/> is its definition: the instant's local date exists in the zone and the calendar supports it.</summary>
public sealed class CanBillAtTests
{
    [SeatPolicyProperty]
    public Property CanBillAt_is_a_local_date_in_the_zone_that_the_calendar_supports(Instant at, DateTimeZone zone, BillingCalendar billing)
    {
        var account = Account.Open("acme", zone, EngineFixtures.Usd("30.00"), billing, EngineFixtures.AcmeSeats());
        var expected = account.TryLocalDateOf(at, out var date) && billing.Supports(date);

        return (account.CanBillAt(at) == expected).Label($"{at} in {zone.Id} on {billing}: expected {expected}");
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Etc/GMT+12")]
    [InlineData("UTC")]
    public void CanBillAt_AroundTheSupportedEnds_InTheFarthestZones_IsTheDefinition(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var account = Account.Open("acme", zone, EngineFixtures.Usd("30.00"), EngineFixtures.MonthlyOnThe1st, EngineFixtures.AcmeSeats());
        var billing = account.Billing;
        foreach (var day in new[] { billing.SupportedFrom, billing.SupportedFrom.PlusDays(1), billing.SupportedThrough.PlusDays(-1), billing.SupportedThrough })
        {
            for (var hour = -30; hour <= 30; hour++)
            {
                var at = day.AtMidnight().InUtc().ToInstant() + Duration.FromHours(hour);
                var expected = account.TryLocalDateOf(at, out var date) && billing.Supports(date);
                Assert.True(account.CanBillAt(at) == expected, $"{at} in {zoneId}: expected {expected}");
            }
        }
    }
}
