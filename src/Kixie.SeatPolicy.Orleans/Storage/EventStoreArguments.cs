using System;
using System.Collections.Generic;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>The caller-bug checks every <see cref="IAccountEventStore"/> makes the same way.</summary>
internal static class EventStoreArguments
{
    /// <summary>An opening is an account at version 0.</summary>
    public static void RequireOpening(Account opening)
    {
        if (opening.Version != 0)
        {
            throw new ArgumentException(
                $"An account is opened at version 0; '{opening.Id}' is at version {opening.Version}. Open it with its terms and initial seats, then send its commands.",
                nameof(opening));
        }
    }

    /// <summary>A decision's events carry the versions after <paramref name="expectedVersion"/>, one each.</summary>
    public static void RequireFollowing(long expectedVersion, IReadOnlyList<SeatEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null || events[i].Version != expectedVersion + i + 1)
            {
                throw new ArgumentException(
                    $"Event {i} must carry version {expectedVersion + i + 1}, after the expected version {expectedVersion}.",
                    nameof(events));
            }
        }
    }
}
