using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization.TypeSystem;
using Xunit;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>
/// Orleans names the engine's types on the wire by explicit aliases, never by their CLR names, so a C#
/// rename does not break silos of two versions talking during a rolling upgrade.
/// </summary>
public sealed class WireNameTests : IDisposable
{
    private readonly IHost _host;
    private readonly TypeConverter _types;

    public WireNameTests()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.AddSeatPolicy());
        _host = builder.Build();
        _types = _host.Services.GetRequiredService<TypeConverter>();
    }

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(typeof(AddAgent), "kixie.seat-policy.AddAgent")]
    [InlineData(typeof(DeleteAgent), "kixie.seat-policy.DeleteAgent")]
    [InlineData(typeof(Added), "kixie.seat-policy.SeatAdded")]
    [InlineData(typeof(Deleted), "kixie.seat-policy.SeatDeleted")]
    [InlineData(typeof(ChangePlan), "kixie.seat-policy.ChangePlan")]
    [InlineData(typeof(PlanUpgraded), "kixie.seat-policy.PlanUpgraded")]
    [InlineData(typeof(PlanChanged), "kixie.seat-policy.PlanChanged")]
    [InlineData(typeof(DowngradeScheduled), "kixie.seat-policy.DowngradeScheduled")]
    [InlineData(typeof(Account), "kixie.seat-policy.Account")]
    [InlineData(typeof(TurnoverOutcome), "kixie.seat-policy.TurnoverOutcome")]
    [InlineData(typeof(Invoice), "kixie.seat-policy.Invoice")]
    [InlineData(typeof(NextBill), "kixie.seat-policy.NextBill")]
    [InlineData(typeof(StoredDecision), "kixie.seat-policy.StoredDecision")]
    [InlineData(typeof(AccountOpening), "kixie.seat-policy.AccountOpening")]
    [InlineData(typeof(EventStoreUnavailableException), "kixie.seat-policy.EventStoreUnavailableException")]
    [InlineData(typeof(AccountNotOpenedException), "kixie.seat-policy.AccountNotOpenedException")]
    public void WireName_IsTheExplicitAlias_AndReadsBackAsTheType(Type type, string alias)
    {
        Assert.Equal(alias, _types.Format(type));
        Assert.Equal(type, _types.Parse(alias));
    }

    [Fact]
    public void EveryCommandAndEventType_HasAnAlias_NoneFallsBackToItsClrName()
    {
        var crossing = typeof(Account).Assembly.GetExportedTypes()
            .Where(type => !type.IsAbstract && (typeof(SeatCommand).IsAssignableFrom(type) || typeof(SeatEvent).IsAssignableFrom(type)))
            .ToList();

        Assert.NotEmpty(crossing);
        Assert.All(crossing, type => Assert.StartsWith("kixie.seat-policy.", _types.Format(type), StringComparison.Ordinal));
    }
}
