using System.Numerics;
using NodaTime;
using NodaTime.Text;

namespace Kixie.SeatPolicy;

/// <summary>Small date helpers shared inside the library.</summary>
internal static class Dates
{
    /// <summary>The date as ISO <c>yyyy-MM-dd</c>.</summary>
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Months from <paramref name="from"/>'s month to <paramref name="to"/>'s month, ignoring days.</summary>
    public static long MonthsBetween(LocalDate from, LocalDate to) =>
        (((long)to.Year - from.Year) * 12) + (to.Month - from.Month);

    /// <summary>
    /// Floor division for a positive divisor, for any integer type (the JIT specialises it, so a
    /// constant divisor still becomes a multiplication).
    /// </summary>
    public static T FloorDiv<T>(T dividend, T divisor)
        where T : IBinaryInteger<T>
    {
        var quotient = dividend / divisor;
        return T.IsNegative(dividend) && quotient * divisor != dividend ? quotient - T.One : quotient;
    }
}
