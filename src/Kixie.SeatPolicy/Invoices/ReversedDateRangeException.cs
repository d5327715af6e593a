using System;
using NodaTime;

namespace Kixie.SeatPolicy;

/// <summary>
/// A caller bug: an inclusive range of local dates <c>[From, Through]</c> whose end is before its start.
/// An <see cref="ArgumentOutOfRangeException"/> naming the end's parameter, with both dates as data
/// (<see cref="From"/>, <see cref="Through"/>; <see cref="ArgumentOutOfRangeException.ActualValue"/> is
/// <see cref="Through"/>), so that a caller never parses them out of the message.
/// </summary>
public sealed class ReversedDateRangeException : ArgumentOutOfRangeException
{
    /// <summary>A reversed range <c>[from, through]</c> given as the parameter <paramref name="paramName"/>.</summary>
    /// <param name="paramName">The parameter that holds the range's end.</param>
    /// <param name="from">The range's start (inclusive).</param>
    /// <param name="through">The range's end (inclusive), before <paramref name="from"/>.</param>
    public ReversedDateRangeException(string paramName, LocalDate from, LocalDate through)
        : base(paramName, through, $"The range ends on {Dates.Iso(through)}, before it starts on {Dates.Iso(from)}.")
    {
        From = from;
        Through = through;
    }

    /// <summary>A reversed range with no dates (for serializers and tests); prefer the constructor with dates.</summary>
    public ReversedDateRangeException()
    {
    }

    /// <summary>A reversed range described by a message only; prefer the constructor with dates.</summary>
    /// <param name="message">The message.</param>
    public ReversedDateRangeException(string message)
        : base(paramName: null, message)
    {
    }

    /// <summary>A reversed range described by a message, caused by another exception; prefer the constructor with dates.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReversedDateRangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The range's start, as given (inclusive).</summary>
    public LocalDate From { get; }

    /// <summary>The range's end, as given (inclusive): before <see cref="From"/>.</summary>
    public LocalDate Through { get; }
}
