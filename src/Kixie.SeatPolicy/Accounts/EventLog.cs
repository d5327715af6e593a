using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Kixie.SeatPolicy;

/// <summary>
/// An account's accepted events as an immutable singly-linked list, newest first: appending is
/// one small allocation whatever the length, and every version of an account shares the log of
/// the version before it.
/// </summary>
internal sealed class EventLog
{
    private EventLog(EventLog? previous, SeatEvent? last, int count)
    {
        Previous = previous;
        Last = last;
        Count = count;
    }

    /// <summary>The log with no events.</summary>
    public static EventLog Empty { get; } = new(null, null, 0);

    /// <summary>The events before <see cref="Last"/>; null for the empty log.</summary>
    public EventLog? Previous { get; }

    /// <summary>The newest event; null for the empty log.</summary>
    public SeatEvent? Last { get; }

    /// <summary>How many events the log holds.</summary>
    public int Count { get; }

    /// <summary>The log with one more event at the end.</summary>
    public EventLog Append(SeatEvent change) => new(this, change, Count + 1);

    /// <summary>The events oldest first.</summary>
    public ImmutableArray<SeatEvent> ToImmutableArray()
    {
        var events = new SeatEvent[Count];
        for (var node = this; node.Last is not null; node = node.Previous!)
        {
            events[node.Count - 1] = node.Last;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(events);
    }
}
