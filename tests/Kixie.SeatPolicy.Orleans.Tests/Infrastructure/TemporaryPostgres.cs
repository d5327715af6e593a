using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Xunit;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>
/// A PostgreSQL server of its own for the tests: a data folder in the temp directory, initialised with
/// Debian's server binaries, started on a free loopback port, and stopped and deleted on dispose.
/// Shared by every test of the <see cref="PostgresTests"/>; each test takes a fresh database.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root: when the tests run as uid 0, the folder is given to the
/// <c>postgres</c> user and the server's tools run through <c>runuser -u postgres --</c>. Without the
/// server binaries the tests fail (never skip) and say how to install them.
/// </remarks>
public sealed class TemporaryPostgres : IAsyncLifetime
{
    /// <summary>What to run on a machine without the server.</summary>
    public const string InstallHint = "apt-get install -y postgresql";

    private const string Superuser = "postgres";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    private string? _binaries;
    private string? _folder;
    private bool _runAsPostgres;
    private int _databases;

    /// <summary>The server's loopback port.</summary>
    public int Port { get; private set; }

    /// <summary>The connection string of the server's maintenance database.</summary>
    public string ServerConnectionString => ConnectionString("postgres");

    private string DataFolder => Path.Combine(_folder!, "data");

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    /// <returns>A connection string to the new database.</returns>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"seat_policy_{Interlocked.Increment(ref _databases)}");
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>A <see cref="PostgresAccountEventStore"/> over a new, empty database.</summary>
    /// <returns>The store; the caller disposes it.</returns>
    public async Task<IAccountEventStore> CreateStoreAsync() => new PostgresAccountEventStore(await CreateDatabaseAsync());

    /// <summary>A connection string to a loopback port that nothing listens on, with a short timeout.</summary>
    /// <returns>The connection string of a database that cannot be reached.</returns>
    public static string UnreachableConnectionString() =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={FreePort()};Username=postgres;Database=nowhere;Timeout=2");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _binaries = RequireBinaries(CandidateFolders());
        _runAsPostgres = await IsRootAsync();

        // As root, TMPDIR may be a folder the postgres user cannot enter; /tmp is open to everyone.
        _folder = Path.Combine(_runAsPostgres ? "/tmp" : Path.GetTempPath(), "kixie-seat-policy-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        if (_runAsPostgres)
        {
            await RunAsync("chown", [$"{Superuser}:", _folder], asPostgres: false);
        }

        await RunAsync(Path.Combine(_binaries, "initdb"),
            ["-D", DataFolder, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);

        // A free port can be taken between looking and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"),
                [
                    "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
                    $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                    "start",
                ]);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is null)
        {
            return;
        }

        try
        {
            if (_binaries is not null && File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Timeout=15;Maximum Pool Size=40");

    /// <summary>The first of <paramref name="candidates"/> that holds initdb and pg_ctl.</summary>
    /// <param name="candidates">Folders to look in, in order.</param>
    /// <returns>The folder.</returns>
    /// <exception cref="InvalidOperationException">None has them; the message says how to install them.</exception>
    public static string RequireBinaries(IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(folder =>
            folder.Length > 0 && File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
        ?? throw new InvalidOperationException(
            $"The PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found under `pg_config --bindir` or /usr/lib/postgresql/*/bin. Install them: {InstallHint} (test.sh and .ci/run do it).");

    /// <summary>Where initdb and pg_ctl may be: <c>pg_config --bindir</c>, then /usr/lib/postgresql/N/bin, newest first.</summary>
    private static List<string> CandidateFolders()
    {
        var candidates = new List<string>();
        try
        {
            using var pgConfig = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (pgConfig is not null)
            {
                candidates.Add(pgConfig.StandardOutput.ReadToEnd().Trim());
                pgConfig.WaitForExit();
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config (it comes with libpq-dev, not with the server): look in Debian's folders.
        }

        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            candidates.AddRange(Directory.GetDirectories(debian)
                .Select(version => (Version: int.TryParse(Path.GetFileName(version), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0, Folder: Path.Combine(version, "bin")))
                .OrderByDescending(found => found.Version)
                .Select(found => found.Folder));
        }

        return candidates;
    }

    private static async Task<bool> IsRootAsync() =>
        (await RunAsync("id", ["-u"], asPostgres: false)).Trim() == "0";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<string> RunAsync(string tool, IReadOnlyList<string> arguments) => RunAsync(tool, arguments, _runAsPostgres);

    /// <summary>Runs a tool to its end; throws with its output when it fails.</summary>
    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", Superuser, "--", tool })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ToolTimeout);
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await errors;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList.Prepend(start.FileName))} exited with {process.ExitCode}:{Environment.NewLine}{text}");
        }

        return text;
    }
}

/// <summary>The tests that share one <see cref="TemporaryPostgres"/> server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<TemporaryPostgres>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL";
}
