using System;
using FsCheck;
using Kixie.SeatPolicy.Tests.Generators;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

public sealed class MoneyPropertyTests
{
    [SeatPolicyProperty]
    public void Parsing_the_text_of_an_amount_gives_back_the_amount(Money money)
    {
        var text = money.ToString();

        Assert.Equal(money, Money.Parse(text, money.Currency));
        Assert.True(Money.TryParse(text, money.Currency, out var parsed));
        Assert.Equal(money, parsed);
    }

    [SeatPolicyProperty]
    public void The_text_of_an_amount_has_exactly_the_currencys_minor_digits(Money money)
    {
        var text = money.ToString();
        var separator = text.IndexOf('.', StringComparison.Ordinal);

        if (money.Currency.MinorDigits == 0)
        {
            Assert.Equal(-1, separator);
        }
        else
        {
            Assert.Equal(money.Currency.MinorDigits, text.Length - separator - 1);
        }
    }

    [SeatPolicyProperty]
    public void Rounding_a_fraction_lands_within_half_a_minor_unit_of_the_exact_value(
        Money money, int numerator, PositiveInt denominator, RoundingMode rounding)
    {
        // Keep the result inside 64 bits: scale the amount down when it is huge.
        var amount = Money.FromMinorUnits(money.MinorUnits / 4, money.Currency);
        var d = denominator.Get;
        var n = numerator % (d + 1);
        var result = amount.MultiplyByFraction(n, d, rounding);

        var error = ((Int128)result.MinorUnits * d) - ((Int128)amount.MinorUnits * n);
        Assert.True(Int128.Abs(error) * 2 <= d, $"{amount} × {n}/{d} = {result} is off by {error}/{d}");
        Assert.Equal(amount.Currency, result.Currency);
    }

    [SeatPolicyProperty]
    public void The_two_roundings_differ_only_at_an_exact_half(Money money, PositiveInt denominator)
    {
        var amount = Money.FromMinorUnits(money.MinorUnits % 1_000_000_000, money.Currency);
        var d = denominator.Get;
        var away = amount.MultiplyByFraction(1, d, RoundingMode.HalfAwayFromZero);
        var even = amount.MultiplyByFraction(1, d, RoundingMode.HalfToEven);

        var twiceRemainder = 2 * (amount.MinorUnits % d);
        if (Math.Abs(twiceRemainder) != d)
        {
            Assert.Equal(away, even);
            return;
        }

        // An exact half: away from zero goes one past the truncated quotient, to even lands on an even number.
        var truncated = amount.MinorUnits / d;
        Assert.Equal(truncated + Math.Sign(amount.MinorUnits), away.MinorUnits);
        Assert.Equal(0, even.MinorUnits % 2);
        Assert.True(Math.Abs(even.MinorUnits - truncated) <= 1);
    }

    [SeatPolicyProperty]
    public void Adding_then_subtracting_an_amount_gives_back_the_original(Money money, int delta)
    {
        var amount = Money.FromMinorUnits(money.MinorUnits / 2, money.Currency);
        var other = Money.FromMinorUnits(delta, money.Currency);

        Assert.Equal(amount, amount + other - other);
        Assert.Equal(amount + other, other + amount);
    }

    [SeatPolicyProperty]
    public void Amounts_in_different_currencies_never_combine(Money left, Money right)
    {
        if (left.Currency == right.Currency)
        {
            return;
        }

        Assert.Throws<ArgumentException>(() => left + right);
        Assert.Throws<ArgumentException>(() => left - right);
        Assert.Throws<ArgumentException>(() => left.CompareTo(right));
        Assert.NotEqual(left, right);
    }
}
