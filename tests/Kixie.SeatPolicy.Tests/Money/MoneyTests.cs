using System;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class MoneyTests
{
    private static Money Usd(long minorUnits) => Money.FromMinorUnits(minorUnits, Currency.Usd);

    [Fact]
    public void FromMinorUnits_Usd_KeepsUnitsAndCurrency()
    {
        var money = Usd(1452);

        Assert.Equal(1452, money.MinorUnits);
        Assert.Equal(Currency.Usd, money.Currency);
        Assert.False(money.IsZero);
        Assert.False(money.IsNegative);
    }

    [Fact]
    public void Default_Always_IsZeroInNoCurrency()
    {
        var money = default(Money);

        Assert.True(money.IsZero);
        Assert.Equal("XXX", money.Currency.Code);
        Assert.Equal("0", money.ToString());
    }

    [Fact]
    public void Zero_Currency_IsZeroInThatCurrency()
    {
        var zero = Money.Zero(Currency.Kwd);

        Assert.True(zero.IsZero);
        Assert.Equal(Currency.Kwd, zero.Currency);
    }

    [Fact]
    public void Equality_SameUnitsDifferentCurrency_IsNotEqual()
    {
        Assert.NotEqual(Usd(100), Money.FromMinorUnits(100, Currency.Eur));
        Assert.True(Usd(100) != Money.FromMinorUnits(100, Currency.Eur));
        Assert.True(Usd(100) == Usd(100));
        Assert.Equal(Usd(100).GetHashCode(), Usd(100).GetHashCode());
        Assert.False(Usd(100).Equals("1.00"));
    }

    [Fact]
    public void Comparison_SameCurrency_OrdersByUnits()
    {
        Assert.True(Usd(1) < Usd(2));
        Assert.True(Usd(2) > Usd(1));
        Assert.True(Usd(2) <= Usd(2));
        Assert.True(Usd(2) >= Usd(2));
        Assert.Equal(0, Usd(5).CompareTo(Usd(5)));
        Assert.True(Usd(-5).IsNegative);
    }

    [Fact]
    public void Plus_SameCurrency_AddsUnits()
    {
        Assert.Equal(Usd(3050), Usd(1000).Plus(Usd(2050)));
        Assert.Equal(Usd(3050), Usd(1000) + Usd(2050));
        Assert.Equal(Usd(3050), Money.Add(Usd(1000), Usd(2050)));
    }

    [Fact]
    public void Minus_SameCurrency_SubtractsUnits()
    {
        Assert.Equal(Usd(-1050), Usd(1000).Minus(Usd(2050)));
        Assert.Equal(Usd(-1050), Usd(1000) - Usd(2050));
        Assert.Equal(Usd(-1050), Money.Subtract(Usd(1000), Usd(2050)));
    }

    [Fact]
    public void Times_SeatCount_MultipliesExactly()
    {
        Assert.Equal(Usd(5985), Usd(1995).Times(3));
        Assert.Equal(Usd(5985), Usd(1995) * 3);
        Assert.Equal(Usd(5985), Money.Multiply(Usd(1995), 3));
    }

    [Fact]
    public void Negate_Amount_FlipsSign()
    {
        Assert.Equal(Usd(-1995), Usd(1995).Negate());
        Assert.Equal(Usd(-1995), -Usd(1995));
        Assert.Equal(Usd(1995), Money.Negate(Usd(-1995)));
    }

    [Fact]
    public void Plus_DifferentCurrencies_ThrowsArgumentExceptionNamingOther()
    {
        var exception = Assert.Throws<ArgumentException>(() => Usd(1).Plus(Money.FromMinorUnits(1, Currency.Eur)));

        Assert.Equal("other", exception.ParamName);
    }

    [Fact]
    public void Minus_DifferentCurrencies_ThrowsArgumentExceptionNamingOther()
    {
        var exception = Assert.Throws<ArgumentException>(() => Usd(1).Minus(Money.FromMinorUnits(1, Currency.Jpy)));

        Assert.Equal("other", exception.ParamName);
    }

    [Fact]
    public void CompareTo_DifferentCurrencies_ThrowsArgumentExceptionNamingOther()
    {
        var exception = Assert.Throws<ArgumentException>(() => Usd(1).CompareTo(Money.FromMinorUnits(1, Currency.Kwd)));

        Assert.Equal("other", exception.ParamName);
    }

    [Fact]
    public void Operators_DifferentCurrencies_ThrowArgumentException()
    {
        var usd = Usd(1);
        var eur = Money.FromMinorUnits(1, Currency.Eur);

        Assert.Throws<ArgumentException>(() => usd + eur);
        Assert.Throws<ArgumentException>(() => usd - eur);
        Assert.Throws<ArgumentException>(() => usd < eur);
        Assert.Throws<ArgumentException>(() => usd > eur);
        Assert.Throws<ArgumentException>(() => usd <= eur);
        Assert.Throws<ArgumentException>(() => usd >= eur);
        Assert.Throws<ArgumentException>(() => Money.Add(usd, eur));
        Assert.Throws<ArgumentException>(() => Money.Subtract(usd, eur));
    }

    [Fact]
    public void Plus_NoCurrencyAndUsd_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => default(Money) + Usd(1));
    }

    [Fact]
    public void Plus_BeyondLongRange_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => Usd(long.MaxValue).Plus(Usd(1)));
    }

    [Fact]
    public void Minus_BeyondLongRange_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => Usd(long.MinValue).Minus(Usd(1)));
    }

    [Fact]
    public void Times_BeyondLongRange_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => Usd(long.MaxValue / 2).Times(3));
    }

    [Fact]
    public void Negate_MinValue_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => Usd(long.MinValue).Negate());
    }
}
