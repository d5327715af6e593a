using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace Kixie.SeatPolicy.Orleans.Sample;

/// <summary>The sample's command line: which store, and whether to tell the story or measure throughput.</summary>
internal static class SampleProgram
{
    public const string Usage = """
        usage: Kixie.SeatPolicy.Orleans.Sample [--postgres CONNECTION] [--throughput [--accounts N] [--rounds N]]
          (no option)          a two-silo cluster on this machine, the in-memory store, a turnover story
          --postgres CONNECTION  the PostgreSQL store over that Npgsql connection string instead
          --throughput         commands per second across N accounts (default 1000), N rounds each (default 8)
        """;

    /// <summary>Runs the sample; returns the process exit code (0, or 2 for a usage error).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        string? postgres = null;
        var throughput = false;
        var accounts = 1000;
        var rounds = 8;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--postgres" when i + 1 < args.Count:
                    postgres = args[++i];
                    break;
                case "--throughput":
                    throughput = true;
                    break;
                case "--accounts" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out accounts) && accounts > 0:
                    i++;
                    break;
                case "--rounds" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out rounds) && rounds > 0:
                    i++;
                    break;
                default:
                    await output.WriteLineAsync($"unexpected argument '{args[i]}'");
                    await output.WriteLineAsync(Usage);
                    return 2;
            }
        }

        var store = postgres is null ? (IAccountEventStore)new InMemoryAccountEventStore() : new PostgresAccountEventStore(postgres);
        try
        {
            var storeName = postgres is null ? "the in-memory store" : "the PostgreSQL store";
            await using var cluster = await LocalCluster.StartAsync(store);
            await output.WriteLineAsync($"A two-silo Orleans cluster on this machine (silo ports {cluster.SiloPorts}), {storeName}.");
            if (throughput)
            {
                await Throughput.MeasureAsync(cluster, store, accounts, rounds, output);
            }
            else
            {
                await TurnoverStory.TellAsync(cluster, output);
            }

            return 0;
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
