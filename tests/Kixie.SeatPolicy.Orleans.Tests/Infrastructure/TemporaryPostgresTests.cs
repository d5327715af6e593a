using System;
using Xunit;

namespace Kixie.SeatPolicy.Orleans.Tests;

/// <summary>The fixture's own promise, outside the PostgreSQL collection so that it holds on a machine without the server.</summary>
public sealed class TemporaryPostgresTests
{
    [Fact]
    public void RequireBinaries_NoneFound_FailsSayingHowToInstallThem()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => TemporaryPostgres.RequireBinaries(["/nonexistent/postgresql/bin", ""]));

        Assert.Contains(TemporaryPostgres.InstallHint, missing.Message);
        Assert.Equal("apt-get install -y postgresql", TemporaryPostgres.InstallHint);
    }
}
