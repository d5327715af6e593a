using System;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class MoneyRoundingTests
{
    private static Money Usd(long minorUnits) => Money.FromMinorUnits(minorUnits, Currency.Usd);

    [Fact]
    public void MultiplyByFraction_SpecExample_RoundsOnce()
    {
        // 30.00 × 15/31 = 14.516… → 14.52
        Assert.Equal(Usd(1452), Usd(3000).MultiplyByFraction(15, 31));
    }

    [Theory]
    [InlineData(5, 2)]   // 0.05 / 2 = 0.025
    [InlineData(15, 2)]  // 0.15 / 2 = 0.075
    [InlineData(1, 2)]   // 0.01 / 2 = 0.005
    public void MultiplyByFraction_ExactHalfAwayFromZero_RoundsUp(long units, long denominator)
    {
        var rounded = Usd(units).MultiplyByFraction(1, denominator, RoundingMode.HalfAwayFromZero);

        Assert.Equal((units / denominator) + 1, rounded.MinorUnits);
    }

    [Fact]
    public void MultiplyByFraction_ExactHalf_DiffersByMode()
    {
        // 2.5 minor units: away from zero 3, to even 2; 7.5: both 8.
        Assert.Equal(Usd(3), Usd(5).MultiplyByFraction(1, 2, RoundingMode.HalfAwayFromZero));
        Assert.Equal(Usd(2), Usd(5).MultiplyByFraction(1, 2, RoundingMode.HalfToEven));
        Assert.Equal(Usd(8), Usd(15).MultiplyByFraction(1, 2, RoundingMode.HalfAwayFromZero));
        Assert.Equal(Usd(8), Usd(15).MultiplyByFraction(1, 2, RoundingMode.HalfToEven));
    }

    [Fact]
    public void MultiplyByFraction_NegativeExactHalf_DiffersByMode()
    {
        // -2.5 minor units: away from zero -3, to even -2; -1.5: both -2.
        Assert.Equal(Usd(-3), Usd(-5).MultiplyByFraction(1, 2, RoundingMode.HalfAwayFromZero));
        Assert.Equal(Usd(-2), Usd(-5).MultiplyByFraction(1, 2, RoundingMode.HalfToEven));
        Assert.Equal(Usd(-2), Usd(-3).MultiplyByFraction(1, 2, RoundingMode.HalfAwayFromZero));
        Assert.Equal(Usd(-2), Usd(-3).MultiplyByFraction(1, 2, RoundingMode.HalfToEven));
        Assert.Equal(Usd(-3), Usd(5).MultiplyByFraction(-1, 2, RoundingMode.HalfAwayFromZero));
    }

    [Fact]
    public void MultiplyByFraction_NotAHalf_SameInBothModes()
    {
        // 30.00 × 14/31 = 13.548… → 13.55 either way; 1.00 × 1/3 = 0.333… → 0.33.
        Assert.Equal(Usd(1355), Usd(3000).MultiplyByFraction(14, 31, RoundingMode.HalfToEven));
        Assert.Equal(Usd(1355), Usd(3000).MultiplyByFraction(14, 31, RoundingMode.HalfAwayFromZero));
        Assert.Equal(Usd(33), Usd(100).MultiplyByFraction(1, 3, RoundingMode.HalfToEven));
    }

    [Fact]
    public void MultiplyByFraction_HugeAmount_DoesNotOverflowInTheMiddle()
    {
        // long.MaxValue × 3 overflows 64 bits, but the 128-bit product divided by 4 fits
        // (…807 × 3 / 4 = 6917529027641081855.25, rounded down).
        var result = Usd(long.MaxValue).MultiplyByFraction(3, 4);

        Assert.Equal(6_917_529_027_641_081_855, result.MinorUnits);
    }

    [Fact]
    public void MultiplyByFraction_ResultBeyondLongRange_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => Usd(long.MaxValue).MultiplyByFraction(2, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-31)]
    public void MultiplyByFraction_DenominatorNotPositive_ThrowsArgumentExceptionNamingDenominator(long denominator)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => Usd(3000).MultiplyByFraction(15, denominator));

        Assert.Equal("denominator", exception.ParamName);
    }

    [Fact]
    public void MultiplyByFraction_UndefinedRounding_ThrowsArgumentExceptionNamingRounding()
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => Usd(3000).MultiplyByFraction(15, 31, (RoundingMode)7));

        Assert.Equal("rounding", exception.ParamName);
    }

    [Fact]
    public void MultiplyByFraction_ZeroDenominator_ThrowsDocumentedArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Usd(3000).MultiplyByFraction(15, 0));
    }

    [Fact]
    public void MultiplyByFraction_UndefinedRounding_ThrowsDocumentedArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Usd(3000).MultiplyByFraction(15, 31, (RoundingMode)7));
    }
}
