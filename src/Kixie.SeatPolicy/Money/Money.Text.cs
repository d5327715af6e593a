using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;

namespace Kixie.SeatPolicy;

public readonly partial struct Money
{
    /// <summary>
    /// The amount with exactly the currency's minor digits, <c>.</c> as separator, no symbol and no
    /// grouping: <c>"14.52"</c> (USD), <c>"516"</c> (JPY), <c>"1.005"</c> (KWD), <c>"-0.50"</c>.
    /// Culture-independent; <see cref="Parse"/> reads it back.
    /// </summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString()
    {
        var digits = Currency.MinorDigits;
        if (digits == 0)
        {
            return MinorUnits.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = MinorUnits < 0 ? (ulong)-(MinorUnits + 1) + 1 : (ulong)MinorUnits;
        var scale = (ulong)Currency.MinorUnitsPerMajorUnit;
        var major = (magnitude / scale).ToString(CultureInfo.InvariantCulture);
        var minor = (magnitude % scale).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
        return (MinorUnits < 0 ? "-" : string.Empty) + major + "." + minor;
    }

    /// <summary>
    /// Reads an amount written with exactly the currency's minor digits (<c>"30.00"</c> for USD,
    /// <c>"516"</c> for JPY, <c>"1.005"</c> for KWD); an optional leading <c>-</c>, nothing else.
    /// </summary>
    /// <param name="text">The amount as text.</param>
    /// <param name="currency">The currency whose digits the text must have.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ValueRefusedException"><paramref name="text"/> is not an amount in the currency's digits.</exception>
    public static Money Parse(string text, Currency currency)
    {
        Guard.Against.Null(text);
        return TryParse(text, currency, out var money)
            ? money
            : throw new ValueRefusedException(
                nameof(text),
                nameof(text),
                text,
                $"'{text}' is not an amount in {currency.Code} with exactly {currency.MinorDigits} minor digits");
    }

    /// <summary>Reads an amount as <see cref="Parse"/> does, without throwing.</summary>
    /// <param name="text">The amount as text; null gives false.</param>
    /// <param name="currency">The currency whose digits the text must have.</param>
    /// <param name="money">The amount when the text is valid; otherwise the default.</param>
    /// <returns>Whether the text is an amount in the currency's digits.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, Currency currency, out Money money)
    {
        money = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var span = text.AsSpan();
        var negative = span[0] == '-';
        if (negative)
        {
            span = span[1..];
        }

        var digits = currency.MinorDigits;
        var separator = span.IndexOf('.');
        ReadOnlySpan<char> majorPart;
        ReadOnlySpan<char> minorPart;
        if (digits == 0)
        {
            if (separator >= 0)
            {
                return false;
            }

            majorPart = span;
            minorPart = [];
        }
        else
        {
            if (separator < 0 || span.Length - separator - 1 != digits)
            {
                return false;
            }

            majorPart = span[..separator];
            minorPart = span[(separator + 1)..];
        }

        if (majorPart.IsEmpty || !IsAsciiDigits(majorPart) || !IsAsciiDigits(minorPart))
        {
            return false;
        }

        Int128 units = 0;
        foreach (var digit in majorPart)
        {
            units = (units * 10) + (digit - '0');
            if (units > (Int128)long.MaxValue + 1)
            {
                return false;
            }
        }

        foreach (var digit in minorPart)
        {
            units = (units * 10) + (digit - '0');
        }

        // A negative amount may reach one unit further than a positive one (long.MinValue).
        if (units > (negative ? (Int128)long.MaxValue + 1 : long.MaxValue))
        {
            return false;
        }

        money = new Money((long)(negative ? -units : units), currency);
        return true;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
