using System.Linq;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>
/// The C# snippets of docs/invoices.md and the invoice recipes of docs/recipes.md, compiled and run
/// (<see cref="DocSnippetTests"/> checks that docs and tests hold the same snippets).
/// </summary>
public sealed class InvoiceDocSnippetTests
{
    private static readonly Actor Admin = new("ada@acme.test");

    [Fact]
    public void InvoicesWorkedMonth_AsWritten_BillsMarchAndAprilBothWays()
    {
        var (policy, account, admin) = Fixture();

        // snippet:begin
        var commands = new SeatCommand[]
        {
            new AddAgent(new CommandId("c1"), At(2026, 3, 17), admin, "Bo Li", "bo@acme.test", Role.Agent, new SeatId("s2")),
            new DeactivateAgent(new CommandId("c2"), At(2026, 3, 20), admin, new SeatId("s1")),
            new DeleteAgent(new CommandId("c3"), At(2026, 3, 31), Actor.Support, new SeatId("s2")),
            new AddAgent(new CommandId("c4"), At(2026, 4, 1), admin, "Cy Ho", "cy@acme.test", Role.Agent, new SeatId("s3")),
        };
        foreach (var command in commands)
        {
            account = policy.Decide(account, command).ApplyTo(account);
        }

        var immediately = account.Invoices(new LocalDate(2026, 3, 1), new LocalDate(2026, 5, 1));
        var onNextBill = account.WithAddCharges(AddChargeBilling.OnNextBill).Invoices(new LocalDate(2026, 3, 1), new LocalDate(2026, 5, 1));
        // snippet:end

        Assert.Equal(
            ["2026-03-01 Bill 60.00 USD, 2 lines", "2026-03-17 Add 14.52 USD, 1 line", "2026-04-01 Bill 60.00 USD, 2 lines", "2026-04-01 Add 30.00 USD, 1 line", "2026-05-01 Bill 90.00 USD, 3 lines"],
            immediately.Select(invoice => invoice.ToString()));
        Assert.Equal(
            ["2026-03-01 Bill 60.00 USD, 2 lines", "2026-04-01 Bill 74.52 USD, 3 lines", "2026-05-01 Bill 120.00 USD, 4 lines"],
            onNextBill.Select(invoice => invoice.ToString()));
        Assert.Equal(
            ["Seat s0 30.00: 2026-04-01..2026-05-01", "Seat s1 30.00: 2026-04-01..2026-05-01", "Add s2 14.52: 15 of 31 days left in 2026-03-01..2026-04-01: 30.00 × 15/31 = 14.516… → 14.52"],
            onNextBill.ElementAt(1).Lines.Select(line => line.ToString()));
        Assert.Equal(
            ["Seat s0 30.00: 2026-05-01..2026-06-01", "Seat s1 30.00: 2026-05-01..2026-06-01", "Seat s3 30.00: 2026-05-01..2026-06-01", "Add s3 30.00: 30 of 30 days left in 2026-04-01..2026-05-01: 30.00 × 30/30 = 30.000 → 30.00"],
            onNextBill.ElementAt(2).Lines.Select(line => line.ToString()));
        Assert.Equal(25452, immediately.Sum(invoice => invoice.Total.MinorUnits));
        Assert.Equal(25452, onNextBill.Sum(invoice => invoice.Total.MinorUnits));
    }

    [Fact]
    public void RecipeNextBillLineByLine_AsWritten_ListsEachSeat()
    {
        var (_, account, _) = Fixture();

        // snippet:begin
        var bill = account.PreviewNextInvoice(new LocalDate(2026, 3, 17));
        var lines = bill.Lines.Select(line => $"{line.Kind} {line.Seat} {line.Amount}: {line.Explain()}");
        // Seat s0 30.00: 2026-04-01..2026-05-01
        // Seat s1 30.00: 2026-04-01..2026-05-01
        var total = $"{bill.Date:uuuu-MM-dd}: {bill.Total} {bill.Currency}"; // 2026-04-01: 60.00 USD
        // snippet:end

        Assert.Equal(["Seat s0 30.00: 2026-04-01..2026-05-01", "Seat s1 30.00: 2026-04-01..2026-05-01"], lines);
        Assert.Equal("2026-04-01: 60.00 USD", total);
    }

    [Fact]
    public void RecipeReconcile_AsWritten_FindsEveryAcceptedAddBilledOnce()
    {
        var (policy, account, admin) = Fixture();
        var add = new AddAgent(new CommandId("c1"), At(2026, 3, 17), admin, "Bo Li", "bo@acme.test", Role.Agent);
        account = policy.Decide(account, add).ApplyTo(account);
        account = policy.Decide(account, add).ApplyTo(account); // a retry: a replay, no event
        account = policy.Decide(account, new AddAgent(new CommandId("c2"), At(2026, 4, 10), admin, "Cy Ho", "cy@acme.test", Role.Agent)).ApplyTo(account);

        // snippet:begin
        var from = new LocalDate(2026, 3, 1);
        var through = new LocalDate(2026, 3, 31);
        var billed = account.Invoices(from, through)
            .SelectMany(invoice => invoice.Lines)
            .Where(line => line.Kind == InvoiceLineKind.Add)
            .ToDictionary(line => line.Command!.Value, line => line.Amount);
        var accepted = account.History.OfType<Added>()
            .Select(added => (added.Command.Id, added.Charge.Amount, Date: account.LocalDateOf(added.At)))
            .Select(added => (added.Id, added.Amount, BilledOn: account.AddCharges == AddChargeBilling.Immediately ? added.Date : account.Billing.NextBillDateAfter(added.Date)))
            .Where(added => from <= added.BilledOn && added.BilledOn <= through)
            .ToDictionary(added => added.Id, added => added.Amount);
        var mismatches = accepted.Where(added => !billed.TryGetValue(added.Key, out var amount) || amount != added.Value)
            .Select(added => added.Key).Concat(billed.Keys.Except(accepted.Keys)); // none
        var chargedByTheHistory = account.AddChargesAfter(0); // 35.52 = 14.52 + 21.00: each add once, however often it was sent
        // snippet:end

        Assert.Empty(mismatches);
        Assert.Equal([new CommandId("c1")], billed.Keys);
        Assert.Equal(Money.Parse("14.52", Currency.Usd), billed[new CommandId("c1")]);
        Assert.Equal(Money.Parse("35.52", Currency.Usd), chargedByTheHistory);
    }

    [Fact]
    public void RecipeMoveToOnNextBill_AsWritten_BillsEveryAddOnce()
    {
        var (policy, account, admin) = Fixture();
        foreach (var command in new SeatCommand[]
        {
            new AddAgent(new CommandId("c1"), At(2026, 3, 17), admin, "Bo Li", "bo@acme.test", Role.Agent),
            new AddAgent(new CommandId("c2"), At(2026, 4, 1), admin, "Cy Ho", "cy@acme.test", Role.Agent),
            new AddAgent(new CommandId("c3"), At(2026, 4, 10), admin, "Di Wu", "di@acme.test", Role.Agent),
        })
        {
            account = policy.Decide(account, command).ApplyTo(account);
        }

        // snippet:begin
        var switchOn = new LocalDate(2026, 4, 1); // a bill date: adds before it were invoiced at once
        var moved = account.WithAddCharges(AddChargeBilling.OnNextBill); // same history, the new term
        var issued = account.Invoices(new LocalDate(2026, 3, 1), switchOn)
            .Where(invoice => invoice.Date < switchOn || invoice.Kind == InvoiceKind.Bill) // the old term through the bill of the switch
            .Concat(moved.Invoices(switchOn.PlusDays(1), new LocalDate(2026, 5, 1))); // the new term after it
        // snippet:end

        var adds = issued.SelectMany(invoice => invoice.Lines).Where(line => line.Kind == InvoiceLineKind.Add).Select(line => line.Command!.Value.Value).ToList();
        Assert.Equal(["c1", "c2", "c3"], adds);
        Assert.Equal(
            ["2026-03-01 Bill", "2026-03-17 Add", "2026-04-01 Bill", "2026-05-01 Bill"],
            issued.Select(invoice => $"{invoice.Date:uuuu-MM-dd} {invoice.Kind}"));
        Assert.Equal(5, issued.Last().SeatLineCount);
        Assert.Equal(AddChargeBilling.OnNextBill, moved.AddCharges);
        Assert.Equal(account.History, moved.History);
    }

    /// <summary>A non-contract account billed monthly from 2026-03-01: Ada (Admin) in s0, Jo (Agent) in s1.</summary>
    private static (TurnoverPolicy Policy, Account Account, Actor Admin) Fixture()
    {
        var account = Account.Open(
            "acme",
            DateTimeZoneProviders.Tzdb["America/Los_Angeles"],
            Money.Parse("30.00", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1)),
            [
                InitialSeat.Occupied(new SeatId("s0"), "Ada Park", "ada@acme.test", Role.Admin),
                InitialSeat.Occupied(new SeatId("s1"), "Jo Park", "jo@acme.test", Role.Agent),
            ]);
        return (TurnoverPolicy.Default, account, Admin);
    }

    /// <summary>18:00 UTC on the day: the same local date in Los Angeles.</summary>
    private static Instant At(int year, int month, int day) => Instant.FromUtc(year, month, day, 18, 0);
}
