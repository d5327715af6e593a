using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Orleans.Tests;

public class InMemoryStoreTests
{
    private static Account Opening(string id) =>
        Account.Open(id, DateTimeZoneProviders.Tzdb["America/Los_Angeles"], Money.Parse("30.00", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31)),
            [InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin)]);

    private static Decision Add(Account account, string id) =>
        TurnoverPolicy.Default.Decide(account, new AddAgent(new CommandId(id), Instant.FromUtc(2026, 3, 17, 18, 0), new Actor("ada@acme.test"), "Bo Li", "bo@acme.test", Role.Agent));

    [Fact]
    public async Task CreateAsync_TakenId_IsFalse()
    {
        var store = new InMemoryAccountEventStore();
        Assert.True(await store.CreateAsync(Opening("acme")));
        Assert.False(await store.CreateAsync(Opening("acme")));
    }

    [Fact]
    public async Task AppendAsync_StaleVersion_FailsAndWritesNothing()
    {
        var store = new InMemoryAccountEventStore();
        var opening = Opening("acme");
        await store.CreateAsync(opening);
        var decision = Add(opening, "c1");
        Assert.True(await store.AppendAsync("acme", 0, decision.Events));
        Assert.False(await store.AppendAsync("acme", 0, decision.Events));
        var read = await store.ReadAsync("acme");
        Assert.Equal(decision.ApplyTo(opening), read);
    }

    [Fact]
    public async Task ReadAsync_NeverOpened_IsNull()
    {
        Assert.Null(await new InMemoryAccountEventStore().ReadAsync("nobody"));
    }
}
