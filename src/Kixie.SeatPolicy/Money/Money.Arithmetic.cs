using System;
using System.Numerics;

namespace Kixie.SeatPolicy;

public readonly partial struct Money
{
    /// <summary>The sum of two amounts of the same currency.</summary>
    /// <param name="other">An amount in the same currency.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum does not fit in 64-bit minor units.</exception>
    public Money Plus(Money other)
    {
        RequireSameCurrency(this, other, nameof(other));
        return new Money(checked(MinorUnits + other.MinorUnits), Currency);
    }

    /// <summary>The difference of two amounts of the same currency.</summary>
    /// <param name="other">An amount in the same currency.</param>
    /// <returns>This amount less <paramref name="other"/>.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference does not fit in 64-bit minor units.</exception>
    public Money Minus(Money other)
    {
        RequireSameCurrency(this, other, nameof(other));
        return new Money(checked(MinorUnits - other.MinorUnits), Currency);
    }

    /// <summary>This amount times a whole number, e.g. a seat price times a seat count.</summary>
    /// <param name="factor">The multiplier.</param>
    /// <returns>The product, exact.</returns>
    /// <exception cref="OverflowException">The product does not fit in 64-bit minor units.</exception>
    public Money Times(long factor) => new(checked(MinorUnits * factor), Currency);

    /// <summary>
    /// This amount times the exact fraction <paramref name="numerator"/>/<paramref name="denominator"/>,
    /// rounded once to a minor unit. The intermediate product is 128-bit, so it never overflows.
    /// </summary>
    /// <param name="numerator">The fraction's numerator.</param>
    /// <param name="denominator">The fraction's denominator; must be positive.</param>
    /// <param name="rounding">How a result between two minor units is rounded.</param>
    /// <returns>The rounded amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="denominator"/> is zero or negative, or <paramref name="rounding"/> is unknown.</exception>
    /// <exception cref="OverflowException">The rounded result does not fit in 64-bit minor units.</exception>
    public Money MultiplyByFraction(long numerator, long denominator, RoundingMode rounding = RoundingMode.HalfAwayFromZero)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        if (rounding is not (RoundingMode.HalfAwayFromZero or RoundingMode.HalfToEven))
        {
            throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "Unknown rounding mode.");
        }
        // The common case (a price times a day count) fits in 64 bits: skip the slower 128-bit division.
        var high = Math.BigMul(MinorUnits, numerator, out var low);
        if (high == (low >> 63))
        {
            return new Money(RoundQuotient(low, denominator, rounding), Currency);
        }

        var product = (Int128)MinorUnits * numerator;
        return new Money(checked((long)RoundQuotient(product, (Int128)denominator, rounding)), Currency);
    }

    /// <summary>Sum of two amounts of the same currency; see <see cref="Plus"/>.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">An amount in the same currency.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => left.Plus(right);

    /// <summary>Difference of two amounts of the same currency; see <see cref="Minus"/>.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">An amount in the same currency.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => left.Minus(right);

    /// <summary>The amount negated; see <see cref="Negate()"/>.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>A multiple of an amount; see <see cref="Times"/>.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The multiplier.</param>
    /// <returns>The product.</returns>
    public static Money operator *(Money left, long right) => left.Times(right);

    /// <summary>The amount with its sign flipped.</summary>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException">The amount is <see cref="long.MinValue"/> minor units.</exception>
    public Money Negate() => new(checked(-MinorUnits), Currency);

    /// <summary>The amount added to another; see <see cref="Plus"/>.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">An amount in the same currency.</param>
    /// <returns>The sum.</returns>
    public static Money Add(Money left, Money right) => left.Plus(right);

    /// <summary>The amount less another; see <see cref="Minus"/>.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">An amount in the same currency.</param>
    /// <returns>The difference.</returns>
    public static Money Subtract(Money left, Money right) => left.Minus(right);

    /// <summary>The amount times a whole number; see <see cref="Times"/>.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The multiplier.</param>
    /// <returns>The product.</returns>
    public static Money Multiply(Money left, long right) => left.Times(right);

    /// <summary>The amount negated; see <see cref="Negate()"/>.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    public static Money Negate(Money value) => value.Negate();

    /// <summary>
    /// <paramref name="dividend"/> / <paramref name="divisor"/> (divisor positive) rounded to a whole number.
    /// Generic so that one rule serves the 64-bit fast path and the 128-bit path; the JIT specialises it for each.
    /// </summary>
    internal static T RoundQuotient<T>(T dividend, T divisor, RoundingMode rounding)
        where T : IBinaryInteger<T>
    {
        var (quotient, remainder) = T.DivRem(dividend, divisor);
        if (T.IsZero(remainder))
        {
            return quotient;
        }

        // |remainder| < divisor, so comparing |remainder| with divisor − |remainder| cannot overflow.
        var magnitude = T.Abs(remainder);
        var comparison = magnitude.CompareTo(divisor - magnitude);
        var awayFromZero = comparison > 0
            || (comparison == 0 && (rounding == RoundingMode.HalfAwayFromZero || !T.IsEvenInteger(quotient)));
        if (!awayFromZero)
        {
            return quotient;
        }

        return T.IsNegative(dividend) ? quotient - T.One : quotient + T.One;
    }
}
