using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>
/// Every C# snippet in docs/*.md is compiled and run by a test: each one is the code between a
/// <c>// snippet:begin</c> and <c>// snippet:end</c> pair in a test (most below; docs/json.md's in the
/// Json package's tests), and the last two tests keep the docs and the tests identical in both directions.
/// </summary>
public sealed class DocSnippetTests
{
    private static readonly Actor Admin = new("ada@acme.test");

    [Fact]
    public void ConceptsReplace_AsWritten_KeepsTheNumberAndChargesNothing()
    {
        var (policy, account, admin) = Fixture();

        // snippet:begin
        var seat = new SeatId("s1");
        var leaves = new ReplaceAgent(new CommandId("r1"), At(2026, 3, 2), admin, seat, "Cy Ho", "cy@acme.test");
        var replaced = policy.Decide(account, leaves);
        account = replaced.ApplyTo(account);
        var filled = (Replaced)replaced.Outcome.Case;
        var inherited = filled.Inherited.DirectNumber;     // "+14155550123": the number stays with the seat
        var charged = replaced.Outcome.ChargedAmount(account.Currency); // 0.00
        // snippet:end

        Assert.Equal("+14155550123", inherited);
        Assert.Equal("0.00", charged.ToString());
        Assert.Equal("Cy Ho", account.FindSeat(seat)!.Occupant!.Name);
    }

    [Fact]
    public void ConceptsCalendar_AsWritten_ClampsAndNeverDrifts()
    {
        // snippet:begin
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31));
        var period = calendar.PeriodContaining(new LocalDate(2026, 3, 17)); // 2026-02-28..2026-03-31
        var next = calendar.NextBillDateAfter(new LocalDate(2026, 3, 31));   // 2026-04-30
        // snippet:end

        Assert.Equal("2026-02-28..2026-03-31", period.ToString());
        Assert.Equal(new LocalDate(2026, 4, 30), next);
    }

    [Fact]
    public void ConceptsProration_AsWritten_ExplainsTheSpecExample()
    {
        // snippet:begin
        var charge = Proration.Prorate(
            Money.Parse("30.00", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1)),
            new LocalDate(2026, 3, 17),
            ProrationConvention.Default);
        var text = charge.Explain(); // 15 of 31 days left in 2026-03-01..2026-04-01: 30.00 × 15/31 = 14.516… → 14.52
        // snippet:end

        Assert.Equal("15 of 31 days left in 2026-03-01..2026-04-01: 30.00 × 15/31 = 14.516… → 14.52", text);
    }

    [Fact]
    public void ConceptsContract_AsWritten_OpensTheWindowAndRenews()
    {
        // snippet:begin
        var term = new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), autoRenew: true);
        var december = term.StandingOn(new LocalDate(2026, 12, 2)); // ExitWindow, window opens 2026-12-02
        var renewed = term.StandingOn(new LocalDate(2027, 6, 1));   // LockedIn, term 2027-01-01..2027-12-31
        // snippet:end

        Assert.Equal(ContractPhase.ExitWindow, december.Phase);
        Assert.Equal(new LocalDate(2026, 12, 2), december.WindowOpens);
        Assert.Equal(ContractPhase.LockedIn, renewed.Phase);
        Assert.Equal(new LocalDate(2027, 1, 1), renewed.TermStart);
        Assert.Equal(new LocalDate(2027, 12, 31), renewed.TermEnd);
    }

    [Fact]
    public void RecipeQuote_AsWritten_CostsTheProratedCharge()
    {
        var (policy, account, admin) = Fixture();

        // snippet:begin
        var add = new AddAgent(new CommandId("quote-1"), At(2026, 3, 17), admin, "Bo Li", "bo@acme.test", Role.Agent);
        var quote = policy.Decide(account, add);
        var amount = quote.Outcome.ChargedAmount(account.Currency); // 14.52
        var why = quote.Outcome.Case.Describe(); // 15 of 31 days left in 2026-03-01..2026-04-01: 30.00 × 15/31 = 14.516… → 14.52
        // snippet:end

        Assert.Equal("14.52", amount.ToString());
        Assert.Equal("15 of 31 days left in 2026-03-01..2026-04-01: 30.00 × 15/31 = 14.516… → 14.52", why);
        Assert.Equal(0, account.Version);
    }

    [Fact]
    public void RecipeThirty360_AsWritten_ReproducesThe30DayEngine()
    {
        // snippet:begin
        var thirty = new ProrationConvention { DayCount = DayCount.Thirty360, Rounding = RoundingMode.HalfToEven };
        var charge = Proration.Prorate(
            Money.Parse("19.95", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 4, 1)),
            new LocalDate(2026, 4, 23),
            thirty); // 8 of 30 days → 5.32
        // snippet:end

        Assert.Equal(8, charge.UnitsRemaining);
        Assert.Equal(30, charge.UnitsInPeriod);
        Assert.Equal("5.32", charge.Amount.ToString());
    }

    [Fact]
    public void ConventionsPresets_AsWritten_ChargeAsTheVendorsDo()
    {
        // snippet:begin
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2025, 1, 31));
        var price = Money.Parse("31.00", Currency.Usd);
        var at = Instant.FromUtc(2025, 2, 15, 13, 30);
        var killBill = Proration.Prorate(price, calendar, at, DateTimeZone.Utc, ProrationConvention.KillBill); // 13.00
        var lago = Proration.Prorate(price, calendar, at, DateTimeZone.Utc, ProrationConvention.Lago);         // 14.39
        var fromJson = ProrationConvention.For(ProrationEngine.KillBill);  // the same value as ProrationConvention.KillBill
        var name = killBill.Convention.Name;                               // "Kill Bill"
        var why = killBill.Explain();
        // Kill Bill: 13 of 31 days left from 2025-01-28 (2025-02-28 less one cycle) to 2025-02-28, period 2025-01-31..2025-02-28:
        // 13/31 = 0.419354839 (9 places, half up); 31.00 × 0.419354839 = 13.000000009 → 13.00 (half up)
        // snippet:end

        Assert.Equal("13.00", killBill.Amount.ToString());
        Assert.Equal("14.39", lago.Amount.ToString());
        Assert.Equal(ProrationConvention.KillBill, fromJson);
        Assert.Equal("Kill Bill", name);
        Assert.Equal(
            "Kill Bill: 13 of 31 days left from 2025-01-28 (2025-02-28 less one cycle) to 2025-02-28, period 2025-01-31..2025-02-28: "
            + "13/31 = 0.419354839 (9 places, half up); 31.00 × 0.419354839 = 13.000000009 → 13.00 (half up)",
            why);
    }

    [Fact]
    public void RecipeWindow_AsWritten_OpensOnTheSecondOfDecember()
    {
        // snippet:begin
        var term = new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
        var standing = term.StandingOn(new LocalDate(2026, 6, 15));
        var opens = standing.WindowOpens; // 2026-12-02
        // snippet:end

        Assert.Equal(new LocalDate(2026, 12, 2), opens);
        Assert.Equal(ContractPhase.LockedIn, standing.Phase);
    }

    [Fact]
    public void RecipeNextBill_AsWritten_BillsEverySeat()
    {
        var (_, account, _) = Fixture();

        // snippet:begin
        var bill = account.PreviewNextBill(new LocalDate(2026, 3, 17));
        var line = $"{bill.Date:uuuu-MM-dd}: {bill.Seats} × {bill.SeatPrice} = {bill.Total}"; // 2026-04-01: 2 × 30.00 = 60.00
        // snippet:end

        Assert.Equal("2026-04-01: 2 × 30.00 = 60.00", line);
    }

    [Fact]
    public void RecipeLeavers_AsWritten_ListsWhoLeftHowAndByWhom()
    {
        var (policy, account, admin) = Fixture();
        var deactivate = new DeactivateAgent(new CommandId("d1"), At(2026, 3, 5), admin, new SeatId("s1"));
        account = policy.Decide(account, deactivate).ApplyTo(account);

        // snippet:begin
        var leavers = account.FormerOccupants().Select(f => $"{f.Agent.Name}: {f.How} by {f.By} ({f.Command})");
        // snippet:end

        Assert.Equal(["Jo Park: Deactivated by ada@acme.test (d1)"], leavers);
    }

    [Fact]
    public void RecipeReplay_AsWritten_IsMarkedAndChangesNothing()
    {
        var (policy, account, admin) = Fixture();
        var add = new AddAgent(new CommandId("quote-1"), At(2026, 3, 17), admin, "Bo Li", "bo@acme.test", Role.Agent);
        account = policy.Decide(account, add).ApplyTo(account);

        // snippet:begin
        var again = policy.Decide(account, add);
        var isReplay = again.IsReplay; // true once `add` has been applied
        // snippet:end

        Assert.True(isReplay);
        Assert.Empty(again.Events);
        Assert.Equal("14.52", again.Outcome.ChargedAmount(account.Currency).ToString());
    }

    [Fact]
    public void ApiMatch_AsWritten_NamesEveryCase()
    {
        var (policy, account, admin) = Fixture();
        var decision = policy.Decide(account, new DeleteAgent(new CommandId("x1"), At(2026, 3, 5), admin, new SeatId("s1")));

        // snippet:begin
        var message = decision.Outcome.Match(
            added => $"charged {added.Charge.Amount}",
            replaced => $"{replaced.NewAgent.Name} took {replaced.Seat}",
            deactivated => $"{deactivated.Seat} held vacant",
            updated => "saved",
            deleted => $"off the bill from {deleted.OffBillFrom:uuuu-MM-dd}",
            blocked => $"locked in until {blocked.AllowedFrom:uuuu-MM-dd}",
            viaSupport => viaSupport.HowToReachSupport,
            rejection => rejection.Case.Describe(),
            planOrSchedule => planOrSchedule.Case.Describe());
        // snippet:end

        Assert.Equal(PolicyOptions.Default.SupportContact, message);
    }

    [Fact]
    public void DocSnippets_InDocs_AreAllCompiledHere()
    {
        var ours = Snippets();
        var missing = DocBlocks().Where(block => !ours.Any(snippet => snippet.SequenceEqual(block.Lines))).Select(block => block.Where).ToArray();

        Assert.Empty(missing);
    }

    [Fact]
    public void DocSnippets_Here_AreAllInTheDocs()
    {
        var blocks = DocBlocks();
        var stale = Snippets().Where(snippet => !blocks.Any(block => block.Lines.SequenceEqual(snippet))).Select(snippet => snippet[0]).ToArray();

        Assert.NotEmpty(Snippets());
        Assert.Empty(stale);
    }

    /// <summary>A non-contract account billed monthly from 2026-03-01: Ada (Admin) in s0, Jo (Agent) in s1 with a number.</summary>
    [Fact]
    public void RecipeScheduleAtTermEnd_AsWritten_KeepsTheSeatThroughTheLastDay()
    {
        var (policy, account, _) = Fixture(new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), autoRenew: true));

        // snippet:begin
        var gone = new DeleteAgent(new CommandId("d1"), At(2026, 3, 2), Actor.Support, new SeatId("s1"), Effective: DeletionEffective.TermEnd);
        var scheduled = policy.Decide(account, gone);
        account = scheduled.ApplyTo(account);
        var lastDay = ((DeletionScheduled)scheduled.Outcome.Case).LastDay;   // 2026-12-31: billed through then
        var stillThere = account.FindSeat(new SeatId("s1"), asOf: new LocalDate(2026, 12, 31)) is not null; // true
        var goneAfter = account.FindSeat(new SeatId("s1"), asOf: new LocalDate(2027, 1, 1)) is null;        // true
        // snippet:end

        Assert.Equal(new LocalDate(2026, 12, 31), lastDay);
        Assert.True(stillThere);
        Assert.True(goneAfter);
    }

    [Fact]
    public void RecipeMovePlans_AsWritten_QuotesTwelveUpgradesWithoutChangingTheAccount()
    {
        var policy = TurnoverPolicy.Default;
        var admin = Admin;
        var account = Account.OpenOnPlans(
            "acme",
            DateTimeZoneProviders.Tzdb["America/Los_Angeles"],
            [new Plan("Integrate", Money.Parse("35.00", Currency.Usd)), new Plan("PowerDialer", Money.Parse("95.00", Currency.Usd))],
            "Integrate",
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1)),
            [InitialSeat.Occupied(new SeatId("s0"), "Ada Park", "ada@acme.test", Role.Admin),
             .. Enumerable.Range(1, 12).Select(i => InitialSeat.Occupied(new SeatId($"s{i}"), $"Agent {i}", $"agent{i}@acme.test", Role.Agent))]);

        // snippet:begin
        var quote = account;
        var cost = Money.Zero(account.Currency);
        foreach (var seat in Enumerable.Range(1, 12).Select(i => new SeatId($"s{i}")))
        {
            var move = policy.Decide(quote, new ChangePlan(new CommandId($"pd-{seat}"), At(2026, 3, 17), admin, seat, "PowerDialer"));
            cost += move.Outcome.ChargedAmount(account.Currency);      // 29.03 each: (95.00 − 35.00) × 15/31
            quote = move.ApplyTo(quote);
        }

        var total = cost;                                                // 348.36, charged at once as 12 Upgrade lines
        var april = quote.PreviewNextBill(new LocalDate(2026, 3, 17)).Total; // 35.00 + 12 × 95.00 = 1,175.00
        // snippet:end

        Assert.Equal("348.36", total.ToString());
        Assert.Equal("1175.00", april.ToString());
        Assert.Equal(0, account.Version);
    }

    private static (TurnoverPolicy Policy, Account Account, Actor Admin) Fixture(ContractTerm? contract = null)
    {
        var account = Account.Open(
            "acme",
            DateTimeZoneProviders.Tzdb["America/Los_Angeles"],
            Money.Parse("30.00", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1)),
            [
                InitialSeat.Occupied(new SeatId("s0"), "Ada Park", "ada@acme.test", Role.Admin),
                InitialSeat.Occupied(new SeatId("s1"), "Jo Park", "jo@acme.test", Role.Agent, new SeatAssets { DirectNumber = "+14155550123" }),
            ],
            contract);
        return (TurnoverPolicy.Default, account, Admin);
    }

    /// <summary>18:00 UTC on the day: the same local date in Los Angeles.</summary>
    private static Instant At(int year, int month, int day) => Instant.FromUtc(year, month, day, 18, 0);

    /// <summary>Every snippet region in the test sources (this file, and e.g. the Json package's tests for docs/json.md).</summary>
    private static List<string[]> Snippets()
    {
        var snippets = new List<string[]>();
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var path in sources)
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "// snippet:begin")
                {
                    snippets.Add([.. lines.Skip(i + 1).TakeWhile(line => line.Trim() != "// snippet:end").Select(line => line.Trim()).Where(line => line.Length > 0)]);
                }
            }
        }

        return snippets;
    }

    private static List<(string Where, string[] Lines)> DocBlocks()
    {
        var blocks = new List<(string, string[])>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryRoot(), "docs"), "*.md"))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "```csharp")
                {
                    var body = lines.Skip(i + 1).TakeWhile(line => line.Trim() != "```")
                        .Select(line => line.Trim())
                        .Where(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal))
                        .ToArray();
                    blocks.Add(($"{Path.GetFileName(path)}:{i + 1}", body));
                }
            }
        }

        return blocks;
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
