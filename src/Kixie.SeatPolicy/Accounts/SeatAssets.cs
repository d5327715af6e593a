using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Kixie.SeatPolicy;

/// <summary>
/// The telephony assets a seat owns, whoever occupies it: its direct number, caller ID,
/// ring-group placements and devices. A replacement inherits them; deleting the seat releases them.
/// </summary>
/// <remarks>
/// Phone numbers are E.164 (<c>+</c>, a digit 1–9, 7 to 15 digits in all); commands with malformed
/// ones are rejected as <see cref="InvalidCommand"/>. Equality compares every member, the lists in order.
/// </remarks>
public sealed record SeatAssets
{
    /// <summary>A seat with no number, no caller ID, no ring groups and no devices.</summary>
    public static SeatAssets None { get; } = new();

    /// <summary>The seat's direct number in E.164, or null.</summary>
    public string? DirectNumber { get; init; }

    /// <summary>The number shown to callees, in E.164, or null.</summary>
    public string? CallerId { get; init; }

    /// <summary>The ring groups the seat is placed in.</summary>
    public ImmutableArray<string> RingGroups { get; init; } = [];

    /// <summary>The devices paired with the seat.</summary>
    public ImmutableArray<string> Devices { get; init; } = [];

    /// <summary>
    /// The assets in words, for people: the direct number, the caller ID when it differs from the direct
    /// number, the ring groups and the devices, joined by <c>", "</c>; empty when the seat has none. E.g.
    /// <c>+14155550102, caller ID +14155550100, ring groups sales/after-hours, devices desk-102</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var parts = new List<string>();
        if (DirectNumber is { } number)
        {
            parts.Add(number);
        }

        if (CallerId is { } callerId && callerId != DirectNumber)
        {
            parts.Add("caller ID " + callerId);
        }

        if (!RingGroups.IsDefaultOrEmpty)
        {
            parts.Add("ring groups " + string.Join('/', RingGroups));
        }

        if (!Devices.IsDefaultOrEmpty)
        {
            parts.Add("devices " + string.Join('/', Devices));
        }

        return string.Join(", ", parts);
    }

    /// <inheritdoc />
    public bool Equals(SeatAssets? other) =>
        other is not null
        && string.Equals(DirectNumber, other.DirectNumber, StringComparison.Ordinal)
        && string.Equals(CallerId, other.CallerId, StringComparison.Ordinal)
        && Same(RingGroups, other.RingGroups)
        && Same(Devices, other.Devices);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(DirectNumber, StringComparer.Ordinal);
        hash.Add(CallerId, StringComparer.Ordinal);
        foreach (var group in Normalized(RingGroups))
        {
            hash.Add(group, StringComparer.Ordinal);
        }

        foreach (var device in Normalized(Devices))
        {
            hash.Add(device, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private static bool Same(ImmutableArray<string> left, ImmutableArray<string> right) =>
        Normalized(left).SequenceEqual(Normalized(right), StringComparer.Ordinal);

    private static ImmutableArray<string> Normalized(ImmutableArray<string> items) => items.IsDefault ? [] : items;
}
