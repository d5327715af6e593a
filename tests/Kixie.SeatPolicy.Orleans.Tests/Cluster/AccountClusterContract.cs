using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>
/// The account grains on a cluster of two in-process silos sharing one store, run against each store
/// by a subclass that says how to make a new, empty one. Each test starts its own cluster.
/// </summary>
public abstract partial class AccountClusterContract : IAsyncLifetime
{
    private IAccountEventStore? _inner;
    private FaultyStore? _store;
    private SeatPolicyCluster? _cluster;

    /// <summary>The shared store, whose next append a test can make fail.</summary>
    protected FaultyStore Store => _store!;

    /// <summary>The running cluster.</summary>
    protected SeatPolicyCluster Cluster => _cluster!;

    /// <summary>A new store over nothing yet.</summary>
    protected abstract Task<IAccountEventStore> CreateEmptyStoreAsync();

    public async Task InitializeAsync()
    {
        _inner = await CreateEmptyStoreAsync();
        _store = new FaultyStore(_inner);
        _cluster = await SeatPolicyCluster.StartAsync(_store);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_inner is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConcurrentCommands_FromManyCallers_SerializeAsTheEngineDecidesThemInTheirOrder()
    {
        var opening = await OpenAsync("acme");
        var silos = Cluster.Cluster.GetActiveSilos().ToArray();
        var answered = new ConcurrentBag<(SeatCommand Command, StoredDecision Result)>();

        // 16 callers at once, a third through the client and the rest from inside either silo.
        await Task.WhenAll(Enumerable.Range(0, 16).Select(caller => Task.Run(async () =>
        {
            var grain = caller % 3 == 0 ? Cluster.Account("acme") : SeatPolicyCluster.AccountThrough(silos[caller % silos.Length], "acme");
            foreach (var command in Turnover.Commands($"caller{caller}", 6))
            {
                answered.Add((command, await grain.DecideAsync(command)));
            }
        })));

        var accepted = answered.Where(pair => !pair.Result.Events.IsEmpty).OrderBy(pair => pair.Result.Version).ToArray();
        Assert.Equal(Enumerable.Range(1, accepted.Length).Select(version => (long)version), accepted.Select(pair => pair.Result.Version));
        Assert.All(answered, pair => Assert.False(pair.Result.IsReplay));

        // Replaying the accepted commands in version order through the engine gives every outcome and
        // event the grain gave; a refusal is what the engine says at the version it was decided against.
        var account = opening;
        var byVersion = new List<Account> { opening };
        foreach (var (command, result) in accepted)
        {
            var decision = TurnoverPolicy.Default.Decide(account, command);
            Assert.Equal(decision.Outcome, result.Outcome);
            Assert.Equal<SeatEvent>(decision.Events, result.Events);
            account = decision.ApplyTo(account);
            byVersion.Add(account);
        }

        foreach (var (command, result) in answered.Where(pair => pair.Result.Events.IsEmpty))
        {
            Assert.Equal(TurnoverPolicy.Default.Decide(byVersion[(int)result.Version], command).Outcome, result.Outcome);
        }

        Assert.Equal(account, await Cluster.Account("acme").ReadAsync());
        Assert.Equal(account, await Store.ReadAsync("acme"));
    }

    [Fact]
    public async Task RetriedCommand_ThroughAnotherSiloAndAfterDeactivation_IsChargedOnce()
    {
        var opening = await OpenAsync("acme");
        var command = Turnover.Command("retry", 0);
        var first = await Cluster.Account("acme").DecideAsync(command);
        var invoices = await Cluster.Account("acme").InvoicesAsync(Turnover.Year.From, Turnover.Year.Through);
        var elsewhere = Cluster.Other(Cluster.HostOf("acme"));

        var again = await SeatPolicyCluster.AccountThrough(elsewhere, "acme").DecideAsync(command);
        await Cluster.Cluster.DeactivateAsync(Cluster.Account("acme"));
        var afterReactivation = await SeatPolicyCluster.AccountThrough(elsewhere, "acme").DecideAsync(command);

        Assert.False(first.IsReplay);
        Assert.Single(first.Events);
        Assert.All([again, afterReactivation], replay =>
        {
            Assert.True(replay.IsReplay);
            Assert.Empty(replay.Events);
            Assert.Equal(first.Outcome, replay.Outcome);
            Assert.Equal(1, replay.Version);
        });
        Assert.Equal<Invoice>(invoices, await Cluster.Account("acme").InvoicesAsync(Turnover.Year.From, Turnover.Year.Through));
        Assert.Equal(TurnoverPolicy.Default.Decide(opening, command).ApplyTo(opening), await Store.ReadAsync("acme"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SiloLostMidStream_AccountMovesWithEveryAcceptedEventOnce_AndBillsAsTheEngine(bool kill)
    {
        var opening = await OpenAsync("acme");
        var commands = Turnover.Commands("failover", 40);
        var grain = Cluster.Account("acme");
        var results = new List<StoredDecision>();
        Task? losing = null;
        var lost = Cluster.HostOf("acme");

        for (var i = 0; i < commands.Count; i++)
        {
            if (i == 15)
            {
                lost = Cluster.HostOf("acme");
                losing = kill ? Cluster.Cluster.KillSiloAsync(lost) : Cluster.Cluster.StopSiloAsync(lost);
            }

            results.Add(await UntilAnsweredAsync(() => grain.DecideAsync(commands[i])));
        }

        await losing!;
        var (expected, decisions) = Turnover.ThroughEngine(opening, commands);
        Assert.Equal(decisions.Select(decision => decision.Outcome), results.Select(result => result.Outcome));
        var read = await UntilAnsweredAsync(grain.ReadAsync);
        Assert.Equal(expected, read);
        Assert.Equal(expected, await Store.ReadAsync("acme"));
        Assert.NotEqual(lost.SiloAddress, Cluster.HostOf("acme").SiloAddress);
        Assert.Equal<Invoice>(
            expected.Invoices(Turnover.Year.From, Turnover.Year.Through),
            await grain.InvoicesAsync(Turnover.Year.From, Turnover.Year.Through));
    }

    [Fact]
    public async Task NeverOpened_EveryQuestion_ThrowsAccountNotOpened_AndNothingIsWritten()
    {
        var grain = Cluster.Account("ghost");

        var decide = await Assert.ThrowsAsync<AccountNotOpenedException>(() => grain.DecideAsync(Turnover.Command("ghost", 0)));
        await Assert.ThrowsAsync<AccountNotOpenedException>(() => grain.InvoicesAsync(Turnover.Year.From, Turnover.Year.Through));
        await Assert.ThrowsAsync<AccountNotOpenedException>(() => grain.PreviewNextBillAsync(Turnover.Year.From));
        await Assert.ThrowsAsync<AccountNotOpenedException>(() => grain.AdviseAsync(Turnover.BoSeat, Turnover.Start, Turnover.Ada, Turnover.Year.Through));

        Assert.Equal("ghost", decide.AccountId);
        Assert.Null(await grain.ReadAsync());
        Assert.Null(await Store.ReadAsync("ghost"));
    }

    [Fact]
    public async Task Open_AnExistingAccount_IsAlreadyOpen_AndKeepsItsTermsAndEvents()
    {
        var opening = await OpenAsync("acme");
        var decided = await Cluster.Account("acme").DecideAsync(Turnover.Command("a", 0));
        var elsewhere = Cluster.Other(Cluster.HostOf("acme"));
        var other = Account.Open("acme", opening.TimeZone, Money.Parse("99.00", Currency.Usd), opening.Billing,
            [InitialSeat.Occupied(new SeatId("z"), "Zed Zee", "zed@acme.test", Role.Admin)]);

        Assert.Equal(AccountOpening.AlreadyOpen, await Cluster.Account("acme").OpenAsync(other));
        Assert.Equal(AccountOpening.AlreadyOpen, await SeatPolicyCluster.AccountThrough(elsewhere, "acme").OpenAsync(opening));

        var expected = decided.Events.Single() is { } added ? opening.Apply(added) : opening;
        Assert.Equal(expected, await Cluster.Account("acme").ReadAsync());
        Assert.Equal(expected, await Store.ReadAsync("acme"));
    }

    [Fact]
    public async Task Open_UnderAnotherAccountsKey_ThrowsAndWritesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Cluster.Account("acme").OpenAsync(Turnover.Opening("globex")));

        Assert.Null(await Store.ReadAsync("acme"));
        Assert.Null(await Store.ReadAsync("globex"));
    }

    [Fact]
    public async Task RefusedCommand_IsAnOutcome_AndWritesNothing()
    {
        var opening = await OpenAsync("acme");
        var command = new DeactivateAgent(new CommandId("intruder"), Turnover.Start, new Actor("nobody@acme.test"), Turnover.BoSeat);

        var result = await Cluster.Account("acme").DecideAsync(command);

        Assert.False(result.Outcome.IsAccepted);
        Assert.Equal(TurnoverPolicy.Default.Decide(opening, command).Outcome, result.Outcome);
        Assert.Empty(result.Events);
        Assert.Equal(0, result.Version);
        Assert.Equal(opening, await Store.ReadAsync("acme"));
    }

    [Fact]
    public async Task StoreUnreachable_CommandFailsTyped_NothingIsApplied_AndTheRetryIsChargedOnce()
    {
        var opening = await OpenAsync("acme");
        var command = Turnover.Command("down", 0);
        Store.Unreachable = true;

        var failed = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => Cluster.Account("acme").DecideAsync(command));
        await Assert.ThrowsAsync<EventStoreUnavailableException>(() => Cluster.Account("acme").ReadAsync());
        await Assert.ThrowsAsync<EventStoreUnavailableException>(() => Cluster.Account("globex").OpenAsync(Turnover.Opening("globex")));
        Store.Unreachable = false;

        Assert.Equal("acme", failed.AccountId);
        Assert.Equal(opening, await Cluster.Account("acme").ReadAsync());
        var retried = await Cluster.Account("acme").DecideAsync(command);
        Assert.False(retried.IsReplay);
        Assert.Equal(TurnoverPolicy.Default.Decide(opening, command).ApplyTo(opening), await Store.ReadAsync("acme"));
    }

    [Fact]
    public async Task StoreFailsBeforeWriting_NothingIsHalfApplied()
    {
        var opening = await OpenAsync("acme");
        var command = Turnover.Command("before", 0);
        Store.NextAppend = AppendFault.BeforeWriting;

        await Assert.ThrowsAsync<EventStoreUnavailableException>(() => Cluster.Account("acme").DecideAsync(command));

        Assert.Equal(opening, await Cluster.Account("acme").ReadAsync());
        Assert.Equal(opening, await Store.ReadAsync("acme"));
        var retried = await Cluster.Account("acme").DecideAsync(command);
        Assert.False(retried.IsReplay);
        Assert.Equal(1, retried.Version);
    }

    [Fact]
    public async Task StoreLosesTheAnswerAfterWriting_TheRetryIsAReplay_ChargedOnce()
    {
        var opening = await OpenAsync("acme");
        var command = Turnover.Command("lost", 0);
        var expected = TurnoverPolicy.Default.Decide(opening, command);
        Store.NextAppend = AppendFault.AfterWriting;

        await Assert.ThrowsAsync<EventStoreUnavailableException>(() => Cluster.Account("acme").DecideAsync(command));
        var retried = await Cluster.Account("acme").DecideAsync(command);

        Assert.True(retried.IsReplay);
        Assert.Equal(expected.Outcome, retried.Outcome);
        Assert.Equal(expected.ApplyTo(opening), await Cluster.Account("acme").ReadAsync());
        Assert.Equal<Invoice>(
            expected.ApplyTo(opening).Invoices(Turnover.Year.From, Turnover.Year.Through),
            await Cluster.Account("acme").InvoicesAsync(Turnover.Year.From, Turnover.Year.Through));
    }

    /// <summary>Opens an account of the story through the client.</summary>
    protected async Task<Account> OpenAsync(string id)
    {
        var opening = Turnover.Opening(id);
        Assert.Equal(AccountOpening.Opened, await Cluster.Account(id).OpenAsync(opening));
        return opening;
    }

    /// <summary>
    /// Sends a call until it is answered, as a caller does while a silo dies: the same command again,
    /// whatever failed (the silo, the message, the store), for up to a minute.
    /// </summary>
    protected static async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is not AccountNotOpenedException && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(100);
            }
        }
    }
}
