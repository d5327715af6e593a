using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;

namespace Kixie.SeatPolicy.Orleans.Sample;

/// <summary>
/// Commands per second across many accounts on the cluster, every account's commands one after
/// another and all accounts at once; then the same commands through the engine alone, to say how much
/// of the time the engine is.
/// </summary>
internal static class Throughput
{
    public static async Task MeasureAsync(LocalCluster cluster, IAccountEventStore store, int accounts, int rounds, TextWriter output)
    {
        // A tag per run: a database keeps the accounts of earlier runs.
        var run = NewRun();
        var opened = await OpenAsync(cluster, run, accounts);
        var (wall, cpu) = await TimedAsync(() => SendAsync(opened, rounds));
        var commands = (long)accounts * rounds;

        var engine = EngineAlone(opened.Ids, rounds);
        var (storeWall, storeCpu) = await StoreAloneAsync(store, run, accounts, rounds);

        var cpuPerCommand = cpu.TotalMicroseconds / commands;
        var enginePerCommand = engine.TotalMicroseconds / commands;
        var storePerCommand = storeCpu.TotalMicroseconds / commands;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {accounts} accounts × {rounds} commands = {commands} commands in {wall.TotalSeconds:0.00} s: {commands / wall.TotalSeconds:0} commands/s"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"this process's CPU: {cpuPerCommand:0.0} µs per command (silos, messaging, serialization, store client, engine) on {Environment.ProcessorCount} cores"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"the engine alone (Decide + ApplyTo, same commands, one thread): {enginePerCommand:0.0} µs per command, {100 * enginePerCommand / cpuPerCommand:0.0} % of that CPU"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"the store alone (the same appends, as many at once, no Orleans): {commands / storeWall.TotalSeconds:0} appends/s, {storePerCommand:0.0} µs of this process's CPU per append, {100 * storePerCommand / cpuPerCommand:0.0} % of that CPU"));
    }

    /// <summary>A new tag for accounts' ids, so that a run's accounts are new even in a database that keeps earlier runs'.</summary>
    public static string NewRun() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// The untimed part: opens <paramref name="accounts"/> new accounts named <c>{run}-{i}</c>, the grains
    /// called from the two silos in turn, and sends each account round 0 (activates the grains, compiles
    /// the code paths).
    /// </summary>
    public static async Task<OpenedAccounts> OpenAsync(LocalCluster cluster, string run, int accounts)
    {
        var ids = Enumerable.Range(0, accounts).Select(i => string.Create(CultureInfo.InvariantCulture, $"{run}-{i}")).ToArray();
        var grains = ids.Select((id, i) => cluster.Silo((i % 2) + 1).GetGrain<IAccountGrain>(id)).ToArray();
        await Task.WhenAll(grains.Select((grain, i) => grain.OpenAsync(TurnoverStory.Opening(ids[i]))));
        await Task.WhenAll(grains.Select((grain, i) => grain.DecideAsync(Command(ids[i], 0))));
        return new OpenedAccounts(ids, grains);
    }

    /// <summary>
    /// The timed part: rounds 1 to <paramref name="rounds"/> to every account, each account's commands
    /// one after another and all accounts at once. Returns the sum of the accounts' versions after it,
    /// so that a caller has the work's result.
    /// </summary>
    public static async Task<long> SendAsync(OpenedAccounts accounts, int rounds)
    {
        var versions = await Task.WhenAll(accounts.Grains.Select(async (grain, i) =>
        {
            var version = 0L;
            for (var round = 1; round <= rounds; round++)
            {
                version = (await grain.DecideAsync(Command(accounts.Ids[i], round))).Version;
            }

            return version;
        }));
        return versions.Sum();
    }

    /// <summary>
    /// The store's time for the same work without the cluster: new accounts opened and sent round 0
    /// (untimed), then the timed rounds' events appended directly, all accounts at once.
    /// </summary>
    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> StoreAloneAsync(IAccountEventStore store, string run, int accounts, int rounds)
    {
        var ids = Enumerable.Range(0, accounts).Select(i => string.Create(CultureInfo.InvariantCulture, $"{run}-store-{i}")).ToArray();
        var events = new IReadOnlyList<SeatEvent>[accounts][];
        var afterWarmUp = new Account[accounts];
        for (var i = 0; i < accounts; i++)
        {
            var opening = TurnoverStory.Opening(ids[i]);
            var warmUp = TurnoverPolicy.Default.Decide(opening, Command(ids[i], 0));
            var account = afterWarmUp[i] = warmUp.ApplyTo(opening);
            events[i] = new IReadOnlyList<SeatEvent>[rounds + 1];
            events[i][0] = warmUp.Events;
            for (var round = 1; round <= rounds; round++)
            {
                var decision = TurnoverPolicy.Default.Decide(account, Command(ids[i], round));
                events[i][round] = decision.Events;
                account = decision.ApplyTo(account);
            }
        }

        await Task.WhenAll(ids.Select(async (id, i) =>
        {
            await store.CreateAsync(TurnoverStory.Opening(id));
            await store.AppendAsync(id, 0, events[i][0]);
        }));
        return await TimedAsync(() => Task.WhenAll(ids.Select(async (id, i) =>
        {
            var version = afterWarmUp[i].Version;
            foreach (var round in events[i].Skip(1).Where(round => round.Count > 0))
            {
                await store.AppendAsync(id, version, round);
                version += round.Count;
            }
        })));
    }

    /// <summary>The wall-clock time and this process's CPU time of <paramref name="work"/>.</summary>
    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimedAsync(Func<Task> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await work();
        clock.Stop();
        process.Refresh();
        return (clock.Elapsed, process.TotalProcessorTime - cpuBefore);
    }

    /// <summary>The <paramref name="round"/>th command of an account: add, replace, rename, deactivate, in turn.</summary>
    public static SeatCommand Command(string account, int round)
    {
        var id = new CommandId(string.Create(CultureInfo.InvariantCulture, $"{account}-{round}"));
        var at = Instant.FromUtc(2026, 3, 17, 18, 0).Plus(Duration.FromMinutes(round));
        var who = string.Create(CultureInfo.InvariantCulture, $"{round}.{account}");
        var seat = new SeatId("s2");
        return (round % 4) switch
        {
            0 => new AddAgent(id, at, TurnoverStory.Ada, $"Agent {who}", $"agent.{who}@acme.test", Role.Agent),
            1 => new ReplaceAgent(id, at, TurnoverStory.Ada, seat, $"Hire {who}", $"hire.{who}@acme.test"),
            2 => new UpdateAgent(id, at, TurnoverStory.Ada, seat, Name: $"Renamed {who}"),
            _ => new DeactivateAgent(id, at, TurnoverStory.Ada, seat),
        };
    }

    /// <summary>The engine's time for the timed rounds: the best of five passes, so that it is measured warm (the cluster's code is warm too).</summary>
    private static TimeSpan EngineAlone(IReadOnlyList<string> ids, int rounds)
    {
        var afterWarmUp = ids.Select(id => Apply(TurnoverStory.Opening(id), Command(id, 0))).ToArray();
        var best = TimeSpan.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            var accounts = (Account[])afterWarmUp.Clone();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < ids.Count; i++)
            {
                for (var round = 1; round <= rounds; round++)
                {
                    accounts[i] = Apply(accounts[i], Command(ids[i], round));
                }
            }

            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return best;
    }

    private static Account Apply(Account account, SeatCommand command) => TurnoverPolicy.Default.Decide(account, command).ApplyTo(account);
}

/// <summary>Accounts opened by <see cref="Throughput.OpenAsync"/>: their ids and their grains, in the same order.</summary>
internal sealed record OpenedAccounts(IReadOnlyList<string> Ids, IReadOnlyList<IAccountGrain> Grains);
