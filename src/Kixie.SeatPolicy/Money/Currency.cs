using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Ardalis.GuardClauses;

namespace Kixie.SeatPolicy;

/// <summary>
/// An ISO 4217 currency: its three-letter code and the number of minor-unit digits an
/// amount in it carries (USD 2, JPY 0, KWD 3).
/// </summary>
/// <remarks>
/// <para>Only active ISO 4217 currencies that have a minor unit are known; look one up with
/// <see cref="FromCode"/> or <see cref="TryFromCode"/>.</para>
/// <para>The default value is <c>XXX</c> ("no currency") with zero minor digits: it is what
/// <c>default(Money)</c> is denominated in and cannot be mixed with a real currency.</para>
/// <para>This type is an immutable value and is thread-safe.</para>
/// </remarks>
public readonly struct Currency : IEquatable<Currency>
{
    private const string NoCurrencyCode = "XXX";

    private readonly string? _code;

    private Currency(string code, int minorDigits)
    {
        _code = code;
        MinorDigits = minorDigits;
    }

    /// <summary>The three upper-case letters of the ISO 4217 code, e.g. <c>USD</c>.</summary>
    public string Code => _code ?? NoCurrencyCode;

    /// <summary>How many digits follow the decimal separator in an amount: 0 to 4.</summary>
    public int MinorDigits { get; }

    /// <summary>The US dollar (2 minor digits).</summary>
    public static Currency Usd => FromCode("USD");

    /// <summary>The euro (2 minor digits).</summary>
    public static Currency Eur => FromCode("EUR");

    /// <summary>The Japanese yen (no minor digits).</summary>
    public static Currency Jpy => FromCode("JPY");

    /// <summary>The Kuwaiti dinar (3 minor digits).</summary>
    public static Currency Kwd => FromCode("KWD");

    /// <summary>Every currency this library knows, in code order.</summary>
    public static ImmutableArray<Currency> All => Iso4217.All;

    /// <summary>How many minor units make one major unit: 10 to the power <see cref="MinorDigits"/>.</summary>
    public long MinorUnitsPerMajorUnit => Iso4217.PowerOfTen(MinorDigits);

    /// <summary>Looks up an active ISO 4217 currency by its code (case-sensitive, upper case).</summary>
    /// <param name="code">The three-letter code, e.g. <c>USD</c>.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ValueRefusedException"><paramref name="code"/> is not a known currency.</exception>
    public static Currency FromCode(string code)
    {
        Guard.Against.Null(code);
        return TryFromCode(code, out var currency)
            ? currency
            : throw new ValueRefusedException(nameof(code), nameof(code), code, $"'{code}' is not an active ISO 4217 currency code");
    }

    /// <summary>Looks up an active ISO 4217 currency by its code without throwing.</summary>
    /// <param name="code">The three-letter code, e.g. <c>USD</c>; null gives false.</param>
    /// <param name="currency">The currency when found; otherwise the default.</param>
    /// <returns>Whether the code is a known currency.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is not null && Iso4217.Table.TryGetValue(code, out currency))
        {
            return true;
        }

        currency = default;
        return false;
    }

    internal static Currency Create(string code, int minorDigits) => new(code, minorDigits);

    /// <inheritdoc />
    public bool Equals(Currency other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The ISO code, e.g. <c>USD</c>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    /// <summary>Whether two currencies are the same.</summary>
    /// <param name="left">One currency.</param>
    /// <param name="right">The other currency.</param>
    /// <returns>True when both have the same code.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Whether two currencies differ.</summary>
    /// <param name="left">One currency.</param>
    /// <param name="right">The other currency.</param>
    /// <returns>True when the codes differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);
}

/// <summary>The ISO 4217 minor-unit table for active currencies.</summary>
internal static class Iso4217
{
    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000];

    private const string ZeroDigits =
        "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";

    private const string ThreeDigits = "BHD IQD JOD KWD LYD OMR TND";

    private const string FourDigits = "CLF UYW";

    private const string TwoDigits =
        "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN " +
        "BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP " +
        "GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT " +
        "LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN " +
        "NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE " +
        "SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES " +
        "WST XCD XCG YER ZAR ZMW ZWG";

    public static readonly FrozenDictionary<string, Currency> Table = Build();

    public static readonly ImmutableArray<Currency> All =
        [.. Table.Values.OrderBy(currency => currency.Code, StringComparer.Ordinal)];

    public static long PowerOfTen(int digits) => PowersOfTen[digits];

    private static FrozenDictionary<string, Currency> Build()
    {
        var table = new Dictionary<string, Currency>(StringComparer.Ordinal);
        Add(table, ZeroDigits, 0);
        Add(table, TwoDigits, 2);
        Add(table, ThreeDigits, 3);
        Add(table, FourDigits, 4);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, Currency> table, string codes, int digits)
    {
        foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            table.Add(code, Currency.Create(code, digits));
        }
    }
}
