using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>
/// An in-process cluster of silos hosting the account grains over one shared store (the way every
/// silo of a real cluster uses the same database), with a client; failures are detected within
/// seconds so that a killed silo's accounts move quickly. Reminders live in a table the silos share
/// (<see cref="SharedReminderTable"/>), as they would in a database.
/// </summary>
public sealed class SeatPolicyCluster : IAsyncDisposable
{
    /// <summary>How long a call waits for its answer before it fails.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    private SeatPolicyCluster(InProcessTestCluster cluster) => Cluster = cluster;

    /// <summary>The Orleans test cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>Starts <paramref name="silos"/> silos over <paramref name="store"/>, and a client.</summary>
    /// <param name="store">The store every silo shares.</param>
    /// <param name="silos">How many silos.</param>
    /// <returns>The running cluster.</returns>
    public static async Task<SeatPolicyCluster> StartAsync(IAccountEventStore store, int silos = 2)
    {
        var builder = new InProcessTestClusterBuilder(checked((short)silos));
        var reminders = new SharedReminderTable();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSeatPolicy(store);
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable>(reminders);
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
                options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
            });
            silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout);
        });
        builder.ConfigureClient(client =>
        {
            client.AddSeatPolicy();
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new SeatPolicyCluster(cluster);
    }

    /// <summary>An account's grain, called through the cluster's client.</summary>
    /// <param name="id">The account's id.</param>
    /// <returns>The grain reference.</returns>
    public IAccountGrain Account(string id) => Cluster.Client.GetGrain<IAccountGrain>(id);

    /// <summary>An account's grain, called from inside <paramref name="silo"/> rather than through the client.</summary>
    /// <param name="silo">The silo whose grain factory makes the call.</param>
    /// <param name="id">The account's id.</param>
    /// <returns>The grain reference.</returns>
    public static IAccountGrain AccountThrough(InProcessSiloHandle silo, string id) =>
        silo.ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(id);

    /// <summary>The silo where an account's grain is active now.</summary>
    /// <param name="id">The account's id.</param>
    /// <returns>Its silo.</returns>
    public InProcessSiloHandle HostOf(string id)
    {
        if (!Cluster.TryGetGrainContext(Account(id).GetGrainId(), out var context))
        {
            throw new InvalidOperationException($"The grain of '{id}' is not active.");
        }

        return Cluster.GetActiveSilos().Single(silo => silo.SiloAddress.Equals(context.Address.SiloAddress));
    }

    /// <summary>A silo other than <paramref name="silo"/>.</summary>
    /// <param name="silo">The silo to avoid.</param>
    /// <returns>Another active silo.</returns>
    public InProcessSiloHandle Other(InProcessSiloHandle silo) =>
        Cluster.GetActiveSilos().First(other => !other.SiloAddress.Equals(silo.SiloAddress));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
