using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>
/// A scheduled deletion's effect recorded in the store (rulebook §12 on Orleans): by the account's
/// reminder or its next command, whichever comes first, exactly once, and the same invoices either way.
/// The reminder tests run on the wall clock: their account lives in a time zone whose next midnight is a
/// few seconds away, so that the last day ends while the test watches.
/// </summary>
public abstract partial class AccountClusterContract
{
    /// <summary>How long after the test schedules it the deletion takes effect on the wall clock.</summary>
    private static readonly Duration UntilMidnight = Duration.FromSeconds(6);

    /// <summary>
    /// The same when a silo is stopped first: long enough for the stop (a few seconds) to finish before midnight, so
    /// that the other silo owns the reminder when it is due (a reminder whose tick passes while no silo owns it fires
    /// a retry period later, ten minutes, which is not what this test is about).
    /// </summary>
    private static readonly Duration UntilMidnightAfterAStop = Duration.FromSeconds(20);

    [Fact]
    public async Task ScheduledDeletion_ACommandPastItsLastDay_RecordsItsEffectOnce_BeforeTheClockGetsThere()
    {
        // Dated a year ahead of the wall clock: only the command can say the last day has passed.
        var opening = await OpenAsync("acme");
        var grain = Cluster.Account("acme");
        var scheduledAt = Instant.FromUtc(2027, 3, 17, 18, 0);
        var scheduled = Assert.IsType<DeletionScheduled>((await grain.DecideAsync(Turnover.ScheduleBoDeletion("schedule", scheduledAt))).Outcome.Event);
        var year = (From: new LocalDate(2027, 1, 1), Through: new LocalDate(2027, 12, 31));
        var invoicesBefore = await grain.InvoicesAsync(year.From, year.Through);
        Assert.Empty(await Store.ReadEffectsAsync("acme"));

        var afterLastDay = new AddAgent(new CommandId("after"), Instant.FromUtc(2027, 4, 2, 18, 0), Turnover.Ada, "Cy Doe", "cy@acme.test", Role.Agent);
        await grain.DecideAsync(afterLastDay);
        await Cluster.Cluster.DeactivateAsync(grain);
        await grain.DecideAsync(new UpdateAgent(new CommandId("later"), Instant.FromUtc(2027, 4, 3, 18, 0), Turnover.Ada, new SeatId("s1"), Name: "Ada P."));

        var account = await grain.ReadAsync();
        Assert.Equal([Turnover.EffectOf(opening, scheduled)], await Store.ReadEffectsAsync("acme"));
        Assert.Null(account!.FindSeat(Turnover.BoSeat));
        Assert.Equal<Invoice>(invoicesBefore, TurnoverPolicy.Default.Decide(opening, Turnover.ScheduleBoDeletion("schedule", scheduledAt)).ApplyTo(opening).Invoices(year.From, year.Through));
        Assert.Equal<Invoice>(account.Invoices(year.From, year.Through), await grain.InvoicesAsync(year.From, year.Through));
    }

    [Fact]
    public async Task ScheduledDeletion_LastDayEndsWhileTheGrainIsDeactivated_ItsReminderRecordsItOnce_InvoicesUnchanged()
    {
        var (opening, scheduled, effect) = await ScheduleAtMidnightAsync("night");
        var grain = Cluster.Account("night");
        var window = (From: effect.Change.Date.PlusDays(-40), Through: effect.Change.Date.PlusDays(40));
        var invoicesBefore = await grain.InvoicesAsync(window.From, window.Through);
        await Cluster.Cluster.DeactivateAsync(grain);

        var recorded = await UntilRecordedAsync("night");
        var invoicesAfter = await grain.InvoicesAsync(window.From, window.Through);
        var later = new AddAgent(new CommandId("later"), effect.From.Plus(Duration.FromMinutes(1)), Turnover.Ada, "Cy Doe", "cy@night.test", Role.Agent);
        await grain.DecideAsync(later);

        Assert.Equal([effect], recorded);
        Assert.Equal([effect], await Store.ReadEffectsAsync("night"));
        Assert.Equal<Invoice>(scheduled.ApplyTo(opening).Invoices(window.From, window.Through), invoicesBefore);
        Assert.Equal<Invoice>(invoicesBefore, invoicesAfter);
    }

    [Fact]
    public async Task ScheduledDeletion_LastDayEndsWhileItsSiloIsStopped_AnotherSiloRecordsItOnce()
    {
        var (opening, scheduled, effect) = await ScheduleAtMidnightAsync("stopped", UntilMidnightAfterAStop);
        var grain = Cluster.Account("stopped");
        var host = Cluster.HostOf("stopped");
        await Cluster.Cluster.StopSiloAsync(host);
        Assert.True(SystemClock.Instance.GetCurrentInstant() < effect.From, $"The silo took until {SystemClock.Instance.GetCurrentInstant()} to stop, after the last day ended ({effect.From}).");

        var recorded = await UntilRecordedAsync("stopped");
        var account = await UntilAnsweredAsync(grain.ReadAsync);

        Assert.Equal([effect], recorded);
        Assert.Equal(scheduled.ApplyTo(opening), account);
        Assert.Null(account!.FindSeat(Turnover.BoSeat, effect.Change.Date.PlusDays(1)));
    }

    /// <summary>
    /// Opens an account in a zone whose next midnight is <paramref name="lead"/> (<see cref="UntilMidnight"/>) away, billed monthly
    /// from that midnight's date, and has support schedule the deletion of Bo's seat for the next bill: its
    /// last day is today there, and it takes effect at that midnight.
    /// </summary>
    /// <param name="id">The account's id.</param>
    /// <param name="lead">How far away its midnight is; <see cref="UntilMidnight"/> when null.</param>
    private async Task<(Account Opening, Decision Scheduled, TakenEffect Effect)> ScheduleAtMidnightAsync(string id, Duration? lead = null)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var midnight = Instant.FromUnixTimeSeconds(now.Plus(lead ?? UntilMidnight).ToUnixTimeSeconds());
        var secondsPastUtcMidnight = (int)(midnight.ToUnixTimeSeconds() % 86_400);
        var offset = (86_400 - secondsPastUtcMidnight) % 86_400;
        var zone = DateTimeZone.ForOffset(Offset.FromSeconds(offset > 64_800 ? offset - 86_400 : offset));
        var tomorrow = midnight.InZone(zone).Date;
        var template = Turnover.Opening(id);
        var opening = Account.Open(id, zone, template.SeatPrice, new BillingCalendar(BillingCycle.Monthly, tomorrow), template.InitialSeats);
        Assert.Equal(AccountOpening.Opened, await Cluster.Account(id).OpenAsync(opening));

        var command = Turnover.ScheduleBoDeletion("schedule", now);
        var expected = TurnoverPolicy.Default.Decide(opening, command);
        var stored = await Cluster.Account(id).DecideAsync(command);
        var scheduled = Assert.IsType<DeletionScheduled>(stored.Outcome.Event);
        Assert.Equal(expected.Outcome, stored.Outcome);
        Assert.Equal(tomorrow.PlusDays(-1), scheduled.LastDay);
        Assert.Empty(await Store.ReadEffectsAsync(id));
        return (opening, expected, Turnover.EffectOf(opening, scheduled));
    }

    /// <summary>Waits until the store holds an effect of the account (up to a minute), then a little longer for a second record that must not come.</summary>
    private async Task<IReadOnlyList<TakenEffect>> UntilRecordedAsync(string id)
    {
        var clock = Stopwatch.StartNew();
        while ((await Store.ReadEffectsAsync(id)).Count == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"No effect of '{id}' was recorded within a minute of its last day.");
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        return await Store.ReadEffectsAsync(id);
    }
}
