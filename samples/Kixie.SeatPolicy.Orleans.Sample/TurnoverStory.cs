using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using NodaTime;

namespace Kixie.SeatPolicy.Orleans.Sample;

/// <summary>
/// A turnover story told through the account grains: open an account, add an agent, replace one,
/// deactivate one, retry a command through the other silo (charged once), and read the invoices.
/// </summary>
internal static class TurnoverStory
{
    public static readonly Actor Ada = new("ada@acme.test");

    /// <summary>An account as opened: Ada (Admin) and Bo (Agent), $30 a seat, billed monthly on the 31st (the last day of shorter months).</summary>
    public static Account Opening(string id) =>
        Account.Open(id, DateTimeZoneProviders.Tzdb["America/Los_Angeles"], Money.Parse("30.00", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31)),
            [
                InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin),
                InitialSeat.Occupied(new SeatId("s2"), "Bo Li", "bo@acme.test", Role.Agent),
            ]);

    public static async Task TellAsync(LocalCluster cluster, TextWriter output)
    {
        // Grain references made in either silo: where the grain lives is Orleans' choice, and the
        // grain is the account's single writer whichever silo a call comes from.
        var throughFirst = cluster.Silo(1).GetGrain<IAccountGrain>("acme");
        var throughSecond = cluster.Silo(2).GetGrain<IAccountGrain>("acme");

        var opened = await throughFirst.OpenAsync(Opening("acme"));
        await output.WriteLineAsync($"open acme (Ada Park, Admin; Bo Li, Agent; 30.00 USD a seat, monthly on the 31st): {opened}");

        var add = new AddAgent(new CommandId("c1"), Instant.FromUtc(2026, 3, 17, 18, 0), Ada, "Cy Ho", "cy@acme.test", Role.Agent);
        var added = await throughFirst.DecideAsync(add);
        await Print(output, "add Cy Ho, through silo 1", added);

        var replace = new ReplaceAgent(new CommandId("c2"), Instant.FromUtc(2026, 3, 18, 17, 0), Ada, new SeatId("s2"), "Di Wu", "di@acme.test");
        await Print(output, "replace Bo Li by Di Wu on seat s2, through silo 1", await throughFirst.DecideAsync(replace));

        var cysSeat = added.Events.IsEmpty ? new SeatId("seat-3") : added.Events[0].Seat;
        var deactivate = new DeactivateAgent(new CommandId("c3"), Instant.FromUtc(2026, 3, 20, 16, 0), Ada, cysSeat);
        await Print(output, $"deactivate Cy Ho's seat {cysSeat}, through silo 2", await throughSecond.DecideAsync(deactivate));

        await Print(output, "retry the add (same command id c1), through silo 2", await throughSecond.DecideAsync(add));

        foreach (var invoice in await throughSecond.InvoicesAsync(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)))
        {
            await output.WriteLineAsync($"invoice {invoice}");
            foreach (var line in invoice.Lines)
            {
                await output.WriteLineAsync($"  {line}");
            }
        }

        var next = await throughFirst.PreviewNextBillAsync(new LocalDate(2026, 3, 31));
        await output.WriteLineAsync($"next bill: {next.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} for {next.Seats} seats at {next.SeatPrice}: {next.Total}");

        var account = await throughFirst.ReadAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"acme is at version {account!.Version}: {account.History.Count} events in the store, the only truth the grains rebuild it from"));
    }

    private static Task Print(TextWriter output, string what, StoredDecision result) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {result.Outcome} (version {result.Version}{(result.IsReplay ? "; a replay: nothing changed, nothing charged again" : string.Empty)})"));
}
