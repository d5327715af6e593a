using System;
using System.IO;
using System.Linq;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>The usage example in README.md, compiled and run; a second test keeps the two copies identical.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_AsWritten_GivesTheValuesInItsComments()
    {
        // README:begin
        var price = Money.Parse("30.00", Currency.Usd);
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31));
        var secondBill = calendar.BillDate(1);   // 2026-02-28: clamped to the month's end, never drifting
        var charge = Proration.Prorate(price, calendar, new LocalDate(2026, 3, 17), ProrationConvention.Default);
        var amount = charge.Amount.ToString();   // "13.55"
        var why = charge.Explain();              // "14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55"
        var contract = new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), autoRenew: true);
        var phase = contract.StandingOn(new LocalDate(2026, 12, 2)).Phase;   // ExitWindow: the last 30 days
        // README:end

        Assert.Equal(new LocalDate(2026, 2, 28), secondBill);
        Assert.Equal("13.55", amount);
        Assert.Equal("14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55", why);
        Assert.Equal(ContractPhase.ExitWindow, phase);
    }

    [Fact]
    public void ReadmeExample_InReadme_IsTheCodeOfTheTest()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        var test = File.ReadAllLines(Path.Combine(root, "tests", "Kixie.SeatPolicy.Tests", "ReadmeExampleTests.cs"));

        var fromReadme = readme
            .SkipWhile(line => line != "```csharp")
            .Skip(1)
            .TakeWhile(line => line != "```")
            .Where(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal))
            .ToArray();
        var fromTest = test
            .SkipWhile(line => line.Trim() != "// README:begin")
            .Skip(1)
            .TakeWhile(line => line.Trim() != "// README:end")
            .Select(line => line.Trim())
            .ToArray();

        Assert.NotEmpty(fromTest);
        Assert.Equal(fromTest, fromReadme);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kixie.SeatPolicy.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Kixie.SeatPolicy.sln above {AppContext.BaseDirectory}.");
    }
}
