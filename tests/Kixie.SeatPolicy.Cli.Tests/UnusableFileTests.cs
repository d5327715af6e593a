using System;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>
/// Files the tool cannot read as a scenario: exit 2 and one line on standard error naming the file, the
/// JSON path and the problem, never a stack trace. Paths come from System.Text.Json (where it found the
/// account or the command) and the Json package (where inside it); lines only from System.Text.Json's reader. One file per class in tests/scenarios/unusable.
/// </summary>
public sealed class UnusableFileTests
{
    [Theory]
    // Not JSON, or cut short: System.Text.Json's own message, path and line.
    [InlineData("not-json", "$.account", "'A' is an invalid start of a value")]
    [InlineData("truncated", "$.commands[0]", "LineNumber: 17")]
    [InlineData("empty", "$", "The input does not contain any JSON tokens")]
    // Missing or mistyped account fields.
    [InlineData("missing-account", "$.account", "the required property is missing")]
    [InlineData("missing-commands", "$.commands", "the required property is missing")]
    [InlineData("missing-currency", "$.account.currency", "the required property is missing")]
    [InlineData("missing-billing-anchor", "$.account.billing.anchor", "the required property is missing")]
    [InlineData("mistyped-seat-price", "$.account.seatPrice", "expected a string but found a number")]
    [InlineData("mistyped-account-id", "$.account.id", "expected a string but found a number")]
    // Unknown names, matched exactly.
    [InlineData("unknown-time-zone", "$.account.timeZone", "unknown time zone 'America/Springfield'")]
    [InlineData("unknown-currency", "$.account.currency", "'USX' is not an active ISO 4217 currency code")]
    [InlineData("lowercase-currency", "$.account.currency", "'usd' is not an active ISO 4217 currency code")]
    [InlineData("unknown-cycle", "$.account.billing.cycle", "unknown BillingCycle 'Weekly' (expected Monthly, Quarterly, Annual)")]
    [InlineData("numeric-cycle", "$.account.billing.cycle", "unknown BillingCycle '1'")]
    [InlineData("lowercase-cycle", "$.account.billing.cycle", "unknown BillingCycle 'monthly'")]
    [InlineData("unknown-granularity", "$.account.proration.granularity", "unknown ProrationGranularity 'Minute' (expected Day, Second)")]
    [InlineData("unknown-day-count", "$.account.proration.dayCount", "unknown DayCount 'Actual365' (expected Actual, Thirty360)")]
    [InlineData("unknown-rounding", "$.account.proration.rounding", "unknown RoundingMode 'HalfUp' (expected HalfAwayFromZero, HalfToEven)")]
    [InlineData("unknown-add-charges", "$.account.billing.addCharges", "unknown AddChargeBilling 'Later' (expected Immediately, OnNextBill)")]
    [InlineData("unknown-convention", "$.account.proration.convention", "unknown ProrationEngine 'Stripe'")]
    [InlineData("convention-with-granularity", "$.account.proration.granularity", "the convention KillBill replaces granularity, day count and rounding; give it alone")]
    // Dates and amounts.
    [InlineData("impossible-anchor-date", "$.account.billing.anchor", "'2026-02-30' is not a date")]
    [InlineData("impossible-contract-date", "$.account.contract.start", "'2026-13-01' is not a date")]
    [InlineData("seat-price-without-cents", "$.account.seatPrice", "'30' is not an amount in USD")]
    [InlineData("seat-price-jpy-with-decimals", "$.account.seatPrice", "'3000.00' is not an amount in JPY")]
    [InlineData("seat-price-negative", "$.account.seatPrice", "the seat price -30.00 is negative")]
    [InlineData("seat-price-overflows", "$.account.seatPrice", "92233720368547758.07 USD is too large: the charges or bills it leads to overflow")]
    // Initial seats: the library's refusals (ValueRefusedException), at the seat and member it names.
    [InlineData("occupied-seat-without-name", "$.account.seats[0].name", "the required property is missing")]
    [InlineData("occupied-seat-blank-name", "$.account.seats[0].name", "seat 's1' is occupied but its name is blank")]
    [InlineData("occupied-seat-without-email", "$.account.seats[0].email", "the required property is missing")]
    [InlineData("occupied-seat-bad-email", "$.account.seats[0].email", "'ada-at-acme' is not a valid email")]
    [InlineData("occupied-seat-unknown-role", "$.account.seats[0].role", "unknown Role 'Boss'")]
    [InlineData("occupied-seat-without-role", "$.account.seats[0].role", "the required property is missing")]
    [InlineData("duplicate-seat-id", "$.account.seats[1].seat", "repeats the seat id 's1' of initial seat 0")]
    [InlineData("duplicate-email", "$.account.seats[1].email", "repeats the email 'ADA@acme.test' of initial seat 0")]
    [InlineData("initial-seat-bad-phone", "$.account.seats[1].directNumber", "'555-0101' is not an E.164 phone number")]
    [InlineData("vacant-seat-unknown-role", "$.account.seats[1].role", "unknown Role 'Owner'")]
    // Plans (rulebook §13).
    [InlineData("plans-and-seat-price", "$.account.plans", "not both")]
    [InlineData("plans-duplicate-name", "$.account.plans[1].plan", "repeats the plan name 'Integrate'")]
    [InlineData("plans-blank-name", "$.account.plans[0].plan", "the plan name is blank")]
    [InlineData("plans-price-wrong-digits", "$.account.plans[1].seatPrice", "expected exactly 2 minor digits")]
    [InlineData("plans-prices-not-increasing", "$.account.plans[1].prices[1].from", "increasing date order")]
    [InlineData("plans-without-default", "$.account.defaultPlan", "the required property is missing")]
    [InlineData("plans-unknown-default", "$.account.defaultPlan", "'Gold' is not one of the account's plans")]
    [InlineData("initial-seat-unknown-plan", "$.account.seats[1].plan", "'Gold' is not one of the account's plans")]
    // The contract.
    [InlineData("contract-end-before-start", "$.account.contract.end", "the contract ends (2026-01-01) before it starts (2026-12-31)")]
    [InlineData("negative-lock-in-days", "$.account.contract.lockInDays", "-1 is negative")]
    [InlineData("auto-renew-not-whole-months", "$.account.contract.autoRenew", "must run a whole number of months; 2026-01-01..2026-12-30 does not")]
    [InlineData("auto-renew-without-lock-in", "$.account.contract.lockInDays", "needs a lock-in window of at least one day")]
    // Commands that cannot be run at all.
    [InlineData("command-not-an-object", "$.commands[0]", "expected an object but found a string")]
    [InlineData("command-without-id", "$.commands[0].id", "the required property is missing")]
    [InlineData("command-id-not-a-string", "$.commands[0].id", "expected a string but found a number")]
    [InlineData("command-without-at", "$.commands[0].at", "the required property is missing")]
    [InlineData("command-without-actor", "$.commands[0].actor", "the required property is missing")]
    [InlineData("command-without-type", "$.commands[0].type", "the required property is missing")]
    [InlineData("command-unknown-type", "$.commands[0].type", "unknown command type 'FireAgent'")]
    [InlineData("command-at-without-offset", "$.commands[0].at", "'2026-03-17T18:00:00' is not an instant")]
    [InlineData("command-at-impossible", "$.commands[0].at", "'2026-02-30T18:00:00Z' is not an instant")]
    // Ambiguous JSON: a property given twice, at every depth (issue 17).
    [InlineData("duplicate-property-top-level", "$", "the property 'commands' appears twice")]
    [InlineData("duplicate-property-account", "$.account", "the property 'id' appears twice")]
    [InlineData("duplicate-property-billing", "$.account.billing", "the property 'anchor' appears twice")]
    [InlineData("duplicate-property-seat", "$.account.seats[0]", "the property 'seat' appears twice")]
    [InlineData("duplicate-property-command", "$.commands[0]", "the property 'name' appears twice")]
    public async Task Simulate_UnusableFile_ExitsTwoWithOneLineNamingFilePathAndProblem(string name, string path, string problem)
    {
        var file = SeatPolicyTool.Scenario($"unusable/{name}.json");

        var run = await SeatPolicyTool.RunAsync("simulate", file, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var stderr = run.Stderr.TrimEnd('\r', '\n');
        Assert.DoesNotContain('\n', stderr);
        Assert.StartsWith($"{file}: {path}: ", stderr, StringComparison.Ordinal);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_MissingFile_ExitsTwoWithOneLine()
    {
        var run = await SeatPolicyTool.RunAsync("simulate", "tests/scenarios/no-such-file.json");

        Assert.Equal(2, run.ExitCode);
        var stderr = run.Stderr.TrimEnd('\r', '\n');
        Assert.DoesNotContain('\n', stderr);
        Assert.StartsWith("tests/scenarios/no-such-file.json: $: cannot read the file", stderr, StringComparison.Ordinal);
    }
}
