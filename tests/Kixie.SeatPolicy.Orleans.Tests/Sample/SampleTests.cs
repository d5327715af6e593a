using System.IO;
using System.Threading.Tasks;
using Kixie.SeatPolicy.Orleans.Sample;
using Xunit;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>The sample's entry method, run as `dotnet run` would, so that the sample cannot rot.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task Story_InMemory_TellsEachStepAndChargesTheRetryOnce()
    {
        var (exit, text) = await RunAsync();

        Assert.Equal(0, exit);
        Assert.Contains("the in-memory store", text);
        Assert.Contains("(version 1)", text);
        Assert.Contains("a replay: nothing changed, nothing charged again", text);
        Assert.Contains("invoice 2026-03-17 Add 13.55 USD, 1 line", text);
        Assert.Contains("acme is at version 3: 3 events in the store", text);
    }

    [Fact]
    public async Task Throughput_AFewAccounts_ReportsCommandsPerSecondAndTheEnginesShare()
    {
        var (exit, text) = await RunAsync("--throughput", "--accounts", "20", "--rounds", "2");

        Assert.Equal(0, exit);
        Assert.Contains("20 accounts × 2 commands = 40 commands", text);
        Assert.Contains("commands/s", text);
        Assert.Contains("the engine alone", text);
        Assert.Contains("the store alone", text);
    }

    [Fact]
    public async Task UnknownArgument_IsAUsageError()
    {
        var (exit, text) = await RunAsync("--postgres");

        Assert.Equal(2, exit);
        Assert.Contains("usage:", text);
    }

    internal static async Task<(int Exit, string Text)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await SampleProgram.RunAsync(args, output);
        return (exit, output.ToString());
    }
}

/// <summary>The sample over PostgreSQL.</summary>
[Collection(PostgresTests.Name)]
public sealed class SamplePostgresTests(TemporaryPostgres server)
{
    [Fact]
    public async Task Story_Postgres_TellsTheSameStoryFromTheDatabase()
    {
        var (exit, text) = await SampleTests.RunAsync("--postgres", await server.CreateDatabaseAsync());

        Assert.Equal(0, exit);
        Assert.Contains("the PostgreSQL store", text);
        Assert.Contains("a replay: nothing changed, nothing charged again", text);
        Assert.Contains("acme is at version 3: 3 events in the store", text);
    }
}
