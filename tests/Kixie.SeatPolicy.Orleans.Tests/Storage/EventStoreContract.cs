using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>
/// What every <see cref="IAccountEventStore"/> promises (its XML docs), run against each
/// implementation by a subclass that says how to make a new, empty store.
/// </summary>
public abstract class EventStoreContract : IAsyncLifetime
{
    private readonly List<IAccountEventStore> _stores = [];

    /// <summary>A new store over nothing yet.</summary>
    protected abstract Task<IAccountEventStore> CreateEmptyStoreAsync();

    /// <summary>A new, empty store, disposed after the test.</summary>
    protected async Task<IAccountEventStore> NewStoreAsync()
    {
        var store = await CreateEmptyStoreAsync();
        _stores.Add(store);
        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores.OfType<IAsyncDisposable>())
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Create_NewId_IsTrueAndReadsBackTheOpening()
    {
        var store = await NewStoreAsync();
        var opening = Turnover.Opening("acme");

        Assert.True(await store.CreateAsync(opening));

        Assert.Equal(opening, await store.ReadAsync("acme"));
    }

    [Fact]
    public async Task Create_TakenId_IsFalseAndKeepsTheFirstOpening()
    {
        var store = await NewStoreAsync();
        var first = Turnover.Opening("acme");
        await store.CreateAsync(first);
        var second = Account.Open("acme", first.TimeZone, Money.Parse("99.00", Currency.Usd), first.Billing,
            [InitialSeat.Occupied(new SeatId("z"), "Zed Zee", "zed@acme.test", Role.Admin)]);

        Assert.False(await store.CreateAsync(second));

        Assert.Equal(first, await store.ReadAsync("acme"));
    }

    [Fact]
    public async Task Create_AccountWithHistory_ThrowsAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var (advanced, _) = Turnover.ThroughEngine(Turnover.Opening("acme"), Turnover.Commands("a", 1));

        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(advanced));

        Assert.Null(await store.ReadAsync("acme"));
    }

    [Fact]
    public async Task RecordEffect_OfAStoredScheduledDeletion_IsTrueOnceThenFalse_AndReadsBackOnce()
    {
        var store = await NewStoreAsync();
        var opening = Turnover.Opening("acme");
        await store.CreateAsync(opening);
        var (account, decisions) = Turnover.ThroughEngine(opening, [Turnover.Command("a", 0), Turnover.ScheduleBoDeletion("later", Turnover.Start.Plus(Duration.FromHours(1)))]);
        Assert.True(await store.AppendAsync("acme", 0, [.. decisions.SelectMany(decision => decision.Events)]));
        var effect = Turnover.EffectOf(account, Assert.IsType<DeletionScheduled>(account.History[^1]));

        Assert.True(await store.RecordEffectAsync("acme", effect));
        Assert.False(await store.RecordEffectAsync("acme", effect));
        Assert.False(await store.RecordEffectAsync("acme", effect with { From = effect.From.Plus(Duration.FromDays(1)) }));

        Assert.Equal([effect], await store.ReadEffectsAsync("acme"));
        Assert.Equal(account, await store.ReadAsync("acme"));
    }

    [Fact]
    public async Task RecordEffect_WithoutAStoredSchedulingEventAtItsVersion_IsFalseAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var opening = Turnover.Opening("acme");
        await store.CreateAsync(opening);
        var (account, decisions) = Turnover.ThroughEngine(opening, [Turnover.Command("a", 0)]);
        Assert.True(await store.AppendAsync("acme", 0, decisions[0].Events));
        var effect = new TakenEffect(1, Turnover.BoSeat, PendingChange.Deletion(new LocalDate(2026, 3, 30)), Instant.FromUtc(2026, 3, 31, 7, 0));

        Assert.False(await store.RecordEffectAsync("acme", effect));
        Assert.False(await store.RecordEffectAsync("acme", effect with { ScheduledBy = 2 }));
        Assert.False(await store.RecordEffectAsync("ghost", effect));

        Assert.Empty(await store.ReadEffectsAsync("acme"));
        Assert.Empty(await store.ReadEffectsAsync("ghost"));
        Assert.Equal(account, await store.ReadAsync("acme"));
    }

    [Fact]
    public async Task Read_NeverOpened_IsNull()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.ReadAsync("nobody"));
    }

    [Fact]
    public async Task Append_NeverOpened_IsFalseAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var decision = TurnoverPolicy.Default.Decide(Turnover.Opening("ghost"), Turnover.Command("a", 0));

        Assert.False(await store.AppendAsync("ghost", 0, decision.Events));

        Assert.Null(await store.ReadAsync("ghost"));
    }

    [Fact]
    public async Task Append_StaleExpectedVersion_IsFalseAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var opening = Turnover.Opening("acme");
        await store.CreateAsync(opening);
        var first = TurnoverPolicy.Default.Decide(opening, Turnover.Command("first", 0));
        var stale = TurnoverPolicy.Default.Decide(opening, Turnover.Command("stale", 0));
        Assert.True(await store.AppendAsync("acme", 0, first.Events));

        Assert.False(await store.AppendAsync("acme", 0, stale.Events));

        Assert.Equal(first.ApplyTo(opening), await store.ReadAsync("acme"));
    }

    [Fact]
    public async Task Append_SeveralEventsOverAnExistingOne_IsFalseAndWritesNoneOfThem()
    {
        var store = await NewStoreAsync();
        var opening = Turnover.Opening("acme");
        await store.CreateAsync(opening);
        var (_, decisions) = Turnover.ThroughEngine(opening, Turnover.Commands("a", 3));
        var batch = decisions.SelectMany(decision => decision.Events).ToArray();
        Assert.True(await store.AppendAsync("acme", 0, batch[..1]));

        Assert.False(await store.AppendAsync("acme", 0, batch));

        Assert.Equal(1, (await store.ReadAsync("acme"))!.Version);
    }

    [Fact]
    public async Task Append_SeveralEventsInOneCall_ReadBackInOrder()
    {
        var store = await NewStoreAsync();
        var opening = Turnover.Opening("acme");
        await store.CreateAsync(opening);
        var (expected, decisions) = Turnover.ThroughEngine(opening, Turnover.Commands("a", 3));

        Assert.True(await store.AppendAsync("acme", 0, [.. decisions.SelectMany(decision => decision.Events)]));

        Assert.Equal(expected, await store.ReadAsync("acme"));
    }

    [Fact]
    public async Task Append_ManyWritersAtOneVersion_OneWinsAndTheOthersWriteNothing()
    {
        var store = await NewStoreAsync();
        var opening = Turnover.Opening("acme");
        await store.CreateAsync(opening);
        var decisions = Enumerable.Range(0, 16)
            .Select(writer => TurnoverPolicy.Default.Decide(opening, Turnover.Command($"writer{writer}", 0)))
            .ToArray();

        var written = await Task.WhenAll(decisions.Select(decision => Task.Run(() => store.AppendAsync("acme", 0, decision.Events))));

        var winner = Assert.Single(Enumerable.Range(0, decisions.Length), writer => written[writer]);
        Assert.Equal(decisions[winner].ApplyTo(opening), await store.ReadAsync("acme"));
    }

    [Fact]
    public async Task Append_VersionsThatDoNotFollowTheExpectedOne_Throws()
    {
        var store = await NewStoreAsync();
        var opening = Turnover.Opening("acme");
        await store.CreateAsync(opening);
        var decision = TurnoverPolicy.Default.Decide(opening, Turnover.Command("a", 0));

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync("acme", 1, decision.Events));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync("acme", 0, []));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.AppendAsync("acme", -1, decision.Events));

        Assert.Equal(opening, await store.ReadAsync("acme"));
    }

    [Fact]
    public async Task Read_AfterEachAcceptedCommand_EqualsTheEngineAndBillsTheSame()
    {
        var store = await NewStoreAsync();
        var opening = Turnover.Opening("acme");
        await store.CreateAsync(opening);
        var (expected, decisions) = Turnover.ThroughEngine(opening, Turnover.Commands("a", 24));
        Assert.All(decisions, decision => Assert.True(decision.Outcome.IsAccepted, decision.Outcome.ToString()));

        foreach (var decision in decisions)
        {
            Assert.True(await store.AppendAsync("acme", decision.Events[0].Version - 1, decision.Events));
        }

        var read = await store.ReadAsync("acme");
        Assert.Equal(expected, read);
        Assert.Equal(expected.History, read!.History);
        Assert.Equal(expected.Invoices(Turnover.Year.From, Turnover.Year.Through), read.Invoices(Turnover.Year.From, Turnover.Year.Through));
    }

    [Fact]
    public async Task AThousandAccounts_EachReadsBackAsTheEngineLeftIt()
    {
        const int accounts = 1000;
        var store = await NewStoreAsync();
        var ids = Enumerable.Range(0, accounts).Select(i => $"account-{i}").ToArray();
        var expected = new Account[accounts];

        await Parallel.ForEachAsync(Enumerable.Range(0, accounts), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellation) =>
        {
            var opening = Turnover.Opening(ids[i]);
            Assert.True(await store.CreateAsync(opening, cancellation));
            var account = opening;
            foreach (var command in Turnover.Commands(ids[i], (i % 3) + 1))
            {
                var decision = TurnoverPolicy.Default.Decide(account, command);
                Assert.True(await store.AppendAsync(ids[i], account.Version, decision.Events, cancellation));
                account = decision.ApplyTo(account);
            }

            expected[i] = account;
        });

        var read = await Task.WhenAll(ids.Select(id => store.ReadAsync(id)));
        Assert.Equal(expected, read);
    }
}
