using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans;
using Orleans.Runtime;

namespace Kixie.SeatPolicy.Orleans;

/// <summary>
/// Scheduled changes taking effect (rulebook §12). The account needs nothing for them: its events imply
/// them, and every question dated after a last day sees the seat gone. What the grain adds is a record in
/// the store that each one took effect (<see cref="TakenEffect"/>), written once, by whichever comes first:
/// the account's reminder, set for the earliest change not yet recorded, or a command whose instant is past
/// it. The store's key makes a second writer a no-op, so a reminder and a command, or two silos, record
/// it once between them.
/// </summary>
internal sealed partial class AccountGrain : IRemindable
{
    /// <summary>The name of the account's one reminder.</summary>
    internal const string EffectsReminder = "kixie.seat-policy.scheduled-effects";

    /// <summary>How soon the reminder fires again when a tick could not record (the store was down).</summary>
    private static readonly TimeSpan ReminderRetry = TimeSpan.FromMinutes(10);

    /// <summary>The scheduling versions recorded as taken effect, as this activation knows; null until read.</summary>
    private HashSet<long>? _recorded;

    /// <summary>When the earliest unrecorded change takes effect; null when none. Valid only while <see cref="_effectsKnown"/>.</summary>
    private Instant? _nextEffect;

    /// <summary>Whether <see cref="_nextEffect"/> describes the account as last read or written.</summary>
    private bool _effectsKnown;

    /// <summary>The instant the reminder is set for, as this activation set it; null when it set none.</summary>
    private Instant? _reminderFor;

    /// <summary>Whether this activation knows the reminder's state (it set or removed it).</summary>
    private bool _reminderKnown;

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, EffectsReminder, StringComparison.Ordinal))
        {
            return;
        }

        var account = await LoadAsync();
        if (account is null)
        {
            await SetReminderAsync(null);
            return;
        }

        await RecordEffectsDueAsync(account, Now);
    }

    /// <summary>Before a command: records every change due by the command's instant or the clock, whichever is later.</summary>
    private async Task RecordEffectsBeforeAsync(Account account, Instant commandAt)
    {
        var now = Now;
        var by = commandAt > now ? commandAt : now;
        if (!_effectsKnown || (_nextEffect is { } next && next <= by))
        {
            await RecordEffectsDueAsync(account, by);
        }
    }

    /// <summary>
    /// After a stored change that may schedule, replace, cancel or end a pending change: looks again at
    /// what is pending and sets the reminder. A failure here does not undo the stored command: it is
    /// logged, and the next call looks again.
    /// </summary>
    private async Task LookAgainAfterAsync(Account account, SeatEvent change)
    {
        if (change is not (DeletionScheduled or ScheduleCancelled or Deleted))
        {
            return;
        }

        try
        {
            await RecordEffectsDueAsync(account, Now);
        }
        catch (Exception e) when (e is EventStoreUnavailableException or InvalidOperationException or OrleansException or TimeoutException)
        {
            _effectsKnown = false;
            LogEffectsNotScheduled(logger, e, Id);
        }
    }

    /// <summary>Records every unrecorded change that takes effect by <paramref name="by"/>, then sets the reminder for the next.</summary>
    private async Task RecordEffectsDueAsync(Account account, Instant by)
    {
        if (!account.History.Any(change => change is DeletionScheduled))
        {
            // Nothing was ever scheduled, so this grain never set a reminder either.
            (_nextEffect, _effectsKnown, _reminderFor, _reminderKnown) = (null, true, null, true);
            return;
        }

        _recorded ??= await ReadRecordedAsync();
        Instant? next = null;
        foreach (var effect in TakenEffects(account))
        {
            if (_recorded.Contains(effect.ScheduledBy))
            {
                continue;
            }

            if (effect.From <= by)
            {
                if (await Store(() => store.RecordEffectAsync(Id, effect)))
                {
                    LogEffectRecorded(logger, Id, effect.Seat.Value, effect.Change.Date);
                }

                _recorded.Add(effect.ScheduledBy);
            }
            else if (next is null || effect.From < next)
            {
                next = effect.From;
            }
        }

        _nextEffect = next;
        _effectsKnown = true;
        await SetReminderAsync(next);
    }

    private async Task<HashSet<long>> ReadRecordedAsync()
    {
        var recorded = new HashSet<long>();
        foreach (var effect in await Store(() => store.ReadEffectsAsync(Id)))
        {
            recorded.Add(effect.ScheduledBy);
        }

        return recorded;
    }

    /// <summary>
    /// The scheduled changes the history says take effect, whether due yet or not: each seat's scheduled
    /// deletion that no later cancel, schedule or immediate deletion replaced or ended.
    /// </summary>
    private static IEnumerable<TakenEffect> TakenEffects(Account account)
    {
        foreach (var timeline in account.SeatTimelines())
        {
            if (timeline.Deletion is DeletionScheduled scheduled && StartOfDayAfter(scheduled.LastDay, account.TimeZone) is { } from)
            {
                yield return new TakenEffect(scheduled.Version, scheduled.Seat, PendingChange.Deletion(scheduled.LastDay), from);
            }
        }
    }

    /// <summary>The start of the day after <paramref name="lastDay"/>; null past the end of NodaTime's calendar (it never takes effect).</summary>
    private static Instant? StartOfDayAfter(LocalDate lastDay, DateTimeZone zone) =>
        lastDay < LocalDate.MaxIsoValue ? lastDay.PlusDays(1).AtStartOfDayInZone(zone).ToInstant() : null;

    /// <summary>Sets the account's reminder for <paramref name="at"/>, or removes it (null); nothing when it is already so.</summary>
    private async Task SetReminderAsync(Instant? at)
    {
        if (_reminderKnown && _reminderFor == at)
        {
            return;
        }

        if (at is { } due)
        {
            // A second late, so that the tick finds the clock past the instant.
            var wait = due - Now + Duration.FromSeconds(1);
            await this.RegisterOrUpdateReminder(EffectsReminder, wait < Duration.Zero ? TimeSpan.Zero : wait.ToTimeSpan(), ReminderRetry);
        }
        else if (await this.GetReminder(EffectsReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderFor = at;
        _reminderKnown = true;
    }

    /// <summary>Forgets what this activation knew of the stored effects and the reminder (the account is read again).</summary>
    private void ForgetEffects()
    {
        _recorded = null;
        _effectsKnown = false;
        _reminderKnown = false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId}: the scheduled deletion of seat {Seat} (last day {LastDay}) took effect and is recorded.")]
    private static partial void LogEffectRecorded(ILogger logger, string accountId, string seat, LocalDate lastDay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId}: its scheduled changes could not be looked at or its reminder set; the next call looks again.")]
    private static partial void LogEffectsNotScheduled(ILogger logger, Exception exception, string accountId);
}
