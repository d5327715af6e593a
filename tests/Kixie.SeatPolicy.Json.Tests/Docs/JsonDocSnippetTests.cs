using System.Text.Json;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>The C# snippet of docs/json.md, compiled and run (DocSnippetTests in the core tests keeps it identical to the page).</summary>
public sealed class JsonDocSnippetTests
{
    [Fact]
    public void JsonUseIt_AsWritten_StoresTheAccountAndAnswersTheCommand()
    {
        var account = Account.Open(
            "acme",
            DateTimeZoneProviders.Tzdb["America/Los_Angeles"],
            Money.Parse("30.00", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31)),
            [InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin)]);
        var first = new AddAgent(new CommandId("c1"), Instant.FromUtc(2026, 3, 17, 18, 0), new Actor("ada@acme.test"), "Bo Li", "bo@acme.test", Role.Agent);
        account = TurnoverPolicy.Default.Decide(account, first).ApplyTo(account);
        var body = JsonSerializer.Serialize<SeatCommand>(
            new DeactivateAgent(new CommandId("c2"), Instant.FromUtc(2026, 3, 18, 18, 0), new Actor("ada@acme.test"), new SeatId("seat-2")),
            SeatPolicyJson.Options);

        // snippet:begin
        // Store an account, read it back: the same account (Equals), history and all.
        string json = JsonSerializer.Serialize(account, SeatPolicyJson.Options);
        Account stored = JsonSerializer.Deserialize<Account>(json, SeatPolicyJson.Options)!;

        // Take a command from a request and send the decision back.
        SeatCommand command = JsonSerializer.Deserialize<SeatCommand>(body, SeatPolicyJson.Options)!;
        Decision decision = TurnoverPolicy.Default.Decide(stored, command);
        string reply = JsonSerializer.Serialize(decision, SeatPolicyJson.Options);
        // snippet:end

        Assert.Equal(account, stored);
        Assert.Equal(OutcomeKind.Deactivated, decision.Outcome.Kind);
        Assert.Contains("Deactivated", reply, System.StringComparison.Ordinal);
    }
}
