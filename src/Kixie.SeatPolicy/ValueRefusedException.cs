using System;
using System.Globalization;

namespace Kixie.SeatPolicy;

/// <summary>
/// The library refused to build a value from what it was given (an account and its initial seats, a
/// contract term, a billing calendar, an amount, a currency): which member was wrong, which initial seat
/// when it was one, the refused value and why, each as data.
/// </summary>
/// <remarks>
/// <para>An adapter that reads accounts from files or requests (the JSON package, the <c>seatpolicy</c>
/// tool) learns where the fault lies from <see cref="Member"/>, <see cref="SeatIndex"/> and
/// <see cref="Seat"/>, never from the message, whose wording may change.</para>
/// <para>Members are named as the public API and the JSON dialect name them, in camelCase:
/// <c>email</c>, <c>name</c>, <c>role</c>, <c>seat</c>, <c>directNumber</c>, <c>callerId</c>,
/// <c>ringGroups</c> and <c>devices</c> of an initial seat; <c>id</c>, <c>seatPrice</c> and
/// <c>proration</c> of an account; <c>end</c>, <c>lockInDays</c> and <c>autoRenew</c> of a contract;
/// <c>cycle</c> of a calendar; <c>text</c> of an amount; <c>code</c> of a currency.</para>
/// </remarks>
public sealed class ValueRefusedException : ArgumentException
{
    /// <summary>A refusal of <paramref name="member"/> of the argument <paramref name="paramName"/>.</summary>
    /// <param name="paramName">The parameter of the method or constructor that was refused.</param>
    /// <param name="member">The member at fault (see the remarks); the parameter's own name when the whole argument is wrong.</param>
    /// <param name="value">The refused value, or null when what is wrong is an absence.</param>
    /// <param name="reason">Why, one sentence without a final full stop, e.g. <c>'ada-at-acme' is not a valid email</c>.</param>
    /// <param name="seatIndex">The 0-based position of the refused initial seat among those given; null when no seat is at fault.</param>
    /// <param name="seat">The refused initial seat's id; null when no seat is at fault.</param>
    public ValueRefusedException(string paramName, string member, object? value, string reason, int? seatIndex = null, SeatId? seat = null)
        : base(Compose(member, reason, seatIndex, seat), paramName)
    {
        Member = member;
        Value = value;
        Reason = reason;
        SeatIndex = seatIndex;
        Seat = seat;
    }

    /// <summary>The member at fault, in camelCase (see the remarks), e.g. <c>email</c> or <c>end</c>.</summary>
    public string Member { get; }

    /// <summary>The refused value (a string, a date, a number, …), or null when what is wrong is an absence.</summary>
    public object? Value { get; }

    /// <summary>Why the value was refused, one sentence without a final full stop.</summary>
    public string Reason { get; }

    /// <summary>For a refused initial seat, its 0-based position among the seats given to <see cref="Account.Open"/>; otherwise null.</summary>
    public int? SeatIndex { get; }

    /// <summary>For a refused initial seat, its id (possibly blank); otherwise null.</summary>
    public SeatId? Seat { get; }

    private static string Compose(string member, string reason, int? seatIndex, SeatId? seat) =>
        seatIndex is { } index
            ? string.Create(CultureInfo.InvariantCulture, $"Initial seat {index} ('{seat}'): {member}: {reason}.")
            : string.Create(CultureInfo.InvariantCulture, $"{member}: {reason}.");
}
