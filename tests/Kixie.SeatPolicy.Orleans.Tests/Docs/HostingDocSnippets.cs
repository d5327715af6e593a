using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Orleans;
using Orleans.Hosting;

namespace Kixie.SeatPolicy.Orleans.Tests.Docs;

/// <summary>
/// The C# blocks of docs/hosting.md, compiled here so that they cannot rot (the core's
/// <c>DocSnippetTests</c> checks that every block of the docs is one of these regions). They need a host
/// and a database, so they are compiled, not run: the cluster tests run the same calls.
/// </summary>
internal static class HostingDocSnippets
{
    public static async Task<(StoredDecision Result, ImmutableArray<Invoice> March)> QuickStart(
        HostApplicationBuilder builder, IGrainFactory grains, DateTimeZone zone, Money price, BillingCalendar billing, InitialSeat[] seats, SeatCommand command)
    {
        // snippet:begin
        var store = new PostgresAccountEventStore("Host=db;Database=seats;Username=seats;Password=…");
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()                                 // a real cluster: see "Running on a real cluster"
            .AddSeatPolicy(store));                                   // every silo: the same database

        var acme = grains.GetGrain<IAccountGrain>("acme");            // one grain per account id
        await acme.OpenAsync(Account.Open("acme", zone, price, billing, seats));
        StoredDecision result = await acme.DecideAsync(command);       // decided, stored, then applied
        ImmutableArray<Invoice> march = await acme.InvoicesAsync(new(2026, 3, 1), new(2026, 3, 31));
        // snippet:end
        return (result, march);
    }

    public static void Configuration(ISiloBuilder silo, IClientBuilder client, IAccountEventStore store, TurnoverPolicy policy)
    {
        // snippet:begin
        // Each silo (a host with UseOrleans):
        silo.AddSeatPolicy(store);                  // the grain, the store as a singleton, TurnoverPolicy.Default
        silo.AddSeatPolicy(store, policy);          // or your policy (options such as the deletion rules)
        silo.UseInMemoryReminderService();          // scheduled deletions recorded on time (a persistent one on a cluster)

        // Each client that is not a silo (UseOrleansClient):
        client.AddSeatPolicy();                     // the engine's values on the wire
        // snippet:end
    }
}
