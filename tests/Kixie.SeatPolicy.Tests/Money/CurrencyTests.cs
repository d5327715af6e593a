using System;
using System.Linq;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    public void FromCode_KnownCode_HasIsoMinorDigits(string code, int minorDigits)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(minorDigits, currency.MinorDigits);
    }

    [Fact]
    public void NamedCurrencies_Always_MatchTheirCodes()
    {
        Assert.Equal(Currency.FromCode("USD"), Currency.Usd);
        Assert.Equal(Currency.FromCode("EUR"), Currency.Eur);
        Assert.Equal(Currency.FromCode("JPY"), Currency.Jpy);
        Assert.Equal(Currency.FromCode("KWD"), Currency.Kwd);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 100)]
    [InlineData(3, 1_000)]
    public void MinorUnitsPerMajorUnit_ByDigits_IsPowerOfTen(int minorDigits, long expected)
    {
        var currency = Currency.All.First(c => c.MinorDigits == minorDigits);

        Assert.Equal(expected, currency.MinorUnitsPerMajorUnit);
    }

    [Fact]
    public void Default_Always_IsNoCurrencyWithZeroDigits()
    {
        var currency = default(Currency);

        Assert.Equal("XXX", currency.Code);
        Assert.Equal(0, currency.MinorDigits);
        Assert.NotEqual(Currency.Usd, currency);
        Assert.Equal("XXX", currency.ToString());
    }

    [Fact]
    public void All_Always_IsSortedByCodeWithoutDuplicates()
    {
        var codes = Currency.All.Select(c => c.Code).ToArray();

        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("USD", codes);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("XXX")]
    [InlineData("US")]
    [InlineData("")]
    public void TryFromCode_UnknownOrLowerCase_ReturnsFalseAndDefault(string code)
    {
        Assert.False(Currency.TryFromCode(code, out var currency));
        Assert.Equal(default, currency);
    }

    [Fact]
    public void TryFromCode_Null_ReturnsFalse()
    {
        Assert.False(Currency.TryFromCode(null, out _));
    }

    [Fact]
    public void FromCode_Null_ThrowsArgumentNullExceptionNamingCode()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Currency.FromCode(null!));

        Assert.Equal("code", exception.ParamName);
    }

    [Fact]
    public void FromCode_UnknownCode_ThrowsValueRefusedExceptionNamingCode()
    {
        var exception = Assert.Throws<ValueRefusedException>(() => Currency.FromCode("ABC"));

        Assert.Equal(("code", "code", (object?)"ABC"), (exception.ParamName, exception.Member, exception.Value));
    }

    [Fact]
    public void Equality_SameCode_IsEqualWithSameHash()
    {
        var left = Currency.FromCode("KWD");
        var right = Currency.Kwd;

        Assert.True(left == right);
        Assert.False(left != right);
        Assert.True(left.Equals((object)right));
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.True(Currency.Usd != Currency.Eur);
    }
}
