using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>
/// The public ways to rebuild a period and a charge from stored facts (what the Json package reads
/// events with): equal to what the calendar and proration computed, and refusing facts that do not fit.
/// </summary>
public sealed class RebuiltValueTests
{
    private static readonly BillingCalendar Calendar = new(BillingCycle.Monthly, new LocalDate(2026, 1, 31));
    private static readonly Money Price = Money.Parse("30.00", Currency.Usd);

    [Fact]
    public void BillingPeriod_FromItsFacts_EqualsTheCalendarsPeriod()
    {
        var found = Calendar.PeriodContaining(new LocalDate(2026, 3, 17));

        Assert.Equal(found, new BillingPeriod(found.Index, found.Start, found.End));
    }

    [Theory]
    [InlineData(2L, 2026, 3, 31, 2026, 3, 31, "end")]
    [InlineData(2L, 2026, 4, 30, 2026, 3, 31, "end")]
    [InlineData(3_000_000_000L, 2026, 3, 31, 2026, 4, 30, "index")]
    public void BillingPeriod_FactsThatDoNotFit_AreRefusedNamingTheMember(long index, int y1, int m1, int d1, int y2, int m2, int d2, string member)
    {
        var refused = Assert.Throws<ValueRefusedException>(() => new BillingPeriod(index, new LocalDate(y1, m1, d1), new LocalDate(y2, m2, d2)));

        Assert.Equal(member, refused.Member);
    }

    [Fact]
    public void ProratedChargeCreate_FromItsFacts_EqualsTheComputedCharge()
    {
        var computed = Proration.Prorate(Price, Calendar, new LocalDate(2026, 3, 17), ProrationConvention.Default);

        var rebuilt = ProratedCharge.Create(computed.Amount, computed.Price, computed.Period, computed.UnitsRemaining, computed.UnitsInPeriod, computed.Convention);

        Assert.Equal(computed, rebuilt);
        Assert.Equal(computed.Explain(), rebuilt.Explain());
    }

    [Theory]
    [InlineData("30.01", "30.00", 15L, 31L, "amount")]
    [InlineData("-0.01", "30.00", 15L, 31L, "amount")]
    [InlineData("1.00", "-30.00", 15L, 31L, "price")]
    [InlineData("1.00", "30.00", 15L, 0L, "unitsInPeriod")]
    [InlineData("1.00", "30.00", 32L, 31L, "unitsRemaining")]
    [InlineData("1.00", "30.00", -1L, 31L, "unitsRemaining")]
    public void ProratedChargeCreate_FactsThatDoNotFit_AreRefusedNamingTheMember(string amount, string price, long remaining, long inPeriod, string member)
    {
        var period = Calendar.PeriodContaining(new LocalDate(2026, 3, 17));

        var refused = Assert.Throws<ValueRefusedException>(() => ProratedCharge.Create(
            Money.Parse(amount, Currency.Usd), Money.Parse(price, Currency.Usd), period, remaining, inPeriod, ProrationConvention.Default));

        Assert.Equal(member, refused.Member);
    }

    [Fact]
    public void ProratedChargeCreate_AmountInAnotherCurrency_IsRefused()
    {
        var period = Calendar.PeriodContaining(new LocalDate(2026, 3, 17));

        var refused = Assert.Throws<ValueRefusedException>(() => ProratedCharge.Create(
            Money.Parse("1.00", Currency.Eur), Price, period, 1, 31, ProrationConvention.Default));

        Assert.Equal("amount", refused.Member);
    }
}
