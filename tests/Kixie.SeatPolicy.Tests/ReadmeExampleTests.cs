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
        var account = Account.Open("acme", DateTimeZoneProviders.Tzdb["America/Los_Angeles"], Money.Parse("30.00", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31)),
            [InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin)]);
        var (policy, admin, at) = (TurnoverPolicy.Default, new Actor("ada@acme.test"), Instant.FromUtc(2026, 3, 17, 18, 0));
        var added = policy.Decide(account, new AddAgent(new CommandId("c1"), at, admin, "Bo Li", "bo@acme.test", Role.Agent));
        account = added.ApplyTo(account);
        var why = added.Outcome.Case.Describe();   // "14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55"
        var replaced = policy.Decide(account, new ReplaceAgent(new CommandId("c2"), at, admin, new SeatId("seat-2"), "Cy Ho", "cy@acme.test"));
        var kind = replaced.Outcome.Kind;          // Replaced: same seat and number, nothing charged
        var bill = replaced.ApplyTo(account).PreviewNextBill(new LocalDate(2026, 3, 17));   // 2026-03-31: 2 seats, 60.00
        // README:end

        Assert.Equal("14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55", why);
        Assert.Equal("13.55", added.Outcome.ChargedAmount(account.Currency).ToString());
        Assert.Equal(OutcomeKind.Replaced, kind);
        Assert.Equal("0.00", replaced.Outcome.ChargedAmount(account.Currency).ToString());
        Assert.Equal(new LocalDate(2026, 3, 31), bill.Date);
        Assert.Equal(2, bill.Seats);
        Assert.Equal("60.00", bill.Total.ToString());
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
            .Select(line => line.Trim())
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
