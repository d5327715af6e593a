using System;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class MoneyTextTests
{
    [Theory]
    [InlineData(1452, "USD", "14.52")]
    [InlineData(-50, "USD", "-0.50")]
    [InlineData(5, "USD", "0.05")]
    [InlineData(0, "USD", "0.00")]
    [InlineData(516, "JPY", "516")]
    [InlineData(-516, "JPY", "-516")]
    [InlineData(1005, "KWD", "1.005")]
    [InlineData(7, "KWD", "0.007")]
    [InlineData(12345, "CLF", "1.2345")]
    public void ToString_Amount_HasExactlyTheCurrencysDigits(long minorUnits, string code, string expected)
    {
        Assert.Equal(expected, Money.FromMinorUnits(minorUnits, Currency.FromCode(code)).ToString());
    }

    [Fact]
    public void ToString_ExtremeAmounts_AreWrittenInFull()
    {
        Assert.Equal("92233720368547758.07", Money.FromMinorUnits(long.MaxValue, Currency.Usd).ToString());
        Assert.Equal("-92233720368547758.08", Money.FromMinorUnits(long.MinValue, Currency.Usd).ToString());
    }

    [Theory]
    [InlineData("30.00", "USD", 3000)]
    [InlineData("-0.50", "USD", -50)]
    [InlineData("516", "JPY", 516)]
    [InlineData("1.005", "KWD", 1005)]
    [InlineData("0.000", "KWD", 0)]
    public void Parse_CurrencysDigits_ReadsTheAmount(string text, string code, long expected)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(Money.FromMinorUnits(expected, currency), Money.Parse(text, currency));
    }

    [Theory]
    [InlineData("30.0", "USD")]
    [InlineData("30.000", "USD")]
    [InlineData("30", "USD")]
    [InlineData("30.", "USD")]
    [InlineData("516.0", "JPY")]
    [InlineData("516.", "JPY")]
    [InlineData("1.05", "KWD")]
    [InlineData("1.0050", "KWD")]
    [InlineData("1", "KWD")]
    public void Parse_WrongDigitCount_ThrowsValueRefusedExceptionNamingText(string text, string code)
    {
        var exception = Assert.Throws<ValueRefusedException>(() => Money.Parse(text, Currency.FromCode(code)));

        Assert.Equal(("text", "text", (object?)text), (exception.ParamName, exception.Member, exception.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".50")]
    [InlineData("+1.00")]
    [InlineData(" 1.00")]
    [InlineData("1.00 ")]
    [InlineData("1,00")]
    [InlineData("1,000.00")]
    [InlineData("$1.00")]
    [InlineData("1.0a")]
    [InlineData("--1.00")]
    [InlineData("92233720368547758.08")]
    [InlineData("99999999999999999999.00")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.False(Money.TryParse(text, Currency.Usd, out var money));
        Assert.Equal(default, money);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(Money.TryParse(null, Currency.Usd, out _));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullExceptionNamingText()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Money.Parse(null!, Currency.Usd));

        Assert.Equal("text", exception.ParamName);
    }

    [Fact]
    public void Parse_MaxValue_RoundTrips()
    {
        var max = Money.FromMinorUnits(long.MaxValue, Currency.Kwd);

        Assert.Equal(max, Money.Parse(max.ToString(), Currency.Kwd));
    }

    [Fact]
    public void Parse_FormattedMinValue_RoundTrips()
    {
        var min = Money.FromMinorUnits(long.MinValue, Currency.Usd);

        Assert.Equal(min, Money.Parse(min.ToString(), Currency.Usd));
    }
}
