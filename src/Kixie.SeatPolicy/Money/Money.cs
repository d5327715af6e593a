using System;

namespace Kixie.SeatPolicy;

/// <summary>
/// An exact amount of money: a whole number of minor units (cents, fils, yen) of one
/// <see cref="Money.Currency"/>. 14.52 USD is 1452 minor units; 516 JPY is 516.
/// </summary>
/// <remarks>
/// <para>There is no floating point anywhere: amounts are <see cref="long"/> minor units and every
/// operation is checked for overflow. Combining two currencies is a programming error and throws.</para>
/// <para>The default value is zero in the "no currency" <c>XXX</c>.</para>
/// <para>This type is an immutable value and is thread-safe.</para>
/// </remarks>
public readonly partial struct Money : IEquatable<Money>, IComparable<Money>
{
    private Money(long minorUnits, Currency currency)
    {
        MinorUnits = minorUnits;
        Currency = currency;
    }

    /// <summary>The amount in minor units of <see cref="Currency"/>, e.g. 1452 for 14.52 USD.</summary>
    public long MinorUnits { get; }

    /// <summary>The currency the amount is denominated in.</summary>
    public Currency Currency { get; }

    /// <summary>Whether the amount is exactly zero.</summary>
    public bool IsZero => MinorUnits == 0;

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => MinorUnits < 0;

    /// <summary>An amount given in minor units: <c>Money.FromMinorUnits(1452, Currency.Usd)</c> is 14.52 USD.</summary>
    /// <param name="minorUnits">The amount in minor units; any value, negative too.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    public static Money FromMinorUnits(long minorUnits, Currency currency) => new(minorUnits, currency);

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero amount.</returns>
    public static Money Zero(Currency currency) => new(0, currency);

    /// <inheritdoc />
    public bool Equals(Money other) => MinorUnits == other.MinorUnits && Currency == other.Currency;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MinorUnits, Currency);

    /// <summary>Orders two amounts of the same currency.</summary>
    /// <param name="other">An amount in the same currency.</param>
    /// <returns>Negative, zero or positive as this amount is less than, equal to or greater than the other.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(this, other, nameof(other));
        return MinorUnits.CompareTo(other.MinorUnits);
    }

    /// <summary>Whether two amounts are equal (same currency and same minor units).</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Whether two amounts differ in currency or value.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other amount.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Whether one amount is less than another of the same currency.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">An amount in the same currency.</param>
    /// <returns>True when <paramref name="left"/> is smaller.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Whether one amount is greater than another of the same currency.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">An amount in the same currency.</param>
    /// <returns>True when <paramref name="left"/> is greater.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Whether one amount is at most another of the same currency.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">An amount in the same currency.</param>
    /// <returns>True when <paramref name="left"/> is smaller or equal.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Whether one amount is at least another of the same currency.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">An amount in the same currency.</param>
    /// <returns>True when <paramref name="left"/> is greater or equal.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    private static void RequireSameCurrency(Money left, Money right, string parameterName)
    {
        if (left.Currency != right.Currency)
        {
            throw new ArgumentException(
                $"Cannot combine {left.Currency} with {right.Currency}: amounts in different currencies are never mixed.",
                parameterName);
        }
    }
}
