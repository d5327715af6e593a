using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;

namespace Kixie.SeatPolicy.Orleans.Sample;

/// <summary>
/// Two silos in this process, each a host of its own as on two machines, clustered over loopback
/// (Orleans' localhost clustering: the first silo is the primary the second joins) and sharing one store.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private const int Silos = 2;
    private readonly IHost[] _silos;

    private LocalCluster(IHost[] silos, string ports)
    {
        _silos = silos;
        SiloPorts = ports;
    }

    /// <summary>The silos' ports, for the reader.</summary>
    public string SiloPorts { get; }

    /// <summary>Starts the silos on free loopback ports.</summary>
    public static async Task<LocalCluster> StartAsync(IAccountEventStore store)
    {
        var ports = FreePorts(Silos * 2);
        var primary = new IPEndPoint(IPAddress.Loopback, ports[0]);
        var silos = new IHost[Silos];
        for (var i = 0; i < Silos; i++)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = $"silo-{i + 1}" });
            var (siloPort, gatewayPort) = (ports[i * 2], ports[(i * 2) + 1]);
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(siloPort, gatewayPort, primary, serviceId: "kixie-seat-policy-sample", clusterId: "sample")
                .AddSeatPolicy(store)
                .UseInMemoryReminderService());
            silos[i] = builder.Build();
            await silos[i].StartAsync();
        }

        return new LocalCluster(silos, string.Join(", ", Enumerable.Range(0, Silos).Select(i => ports[i * 2])));
    }

    /// <summary>The grains as silo <paramref name="number"/> (1 or 2) reaches them: a call from a process of the cluster.</summary>
    public IGrainFactory Silo(int number) => _silos[number - 1].Services.GetRequiredService<IGrainFactory>();

    /// <summary>Stops the silos, the joiner first.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _silos.Length - 1; i >= 0; i--)
        {
            await _silos[i].StopAsync();
            _silos[i].Dispose();
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
