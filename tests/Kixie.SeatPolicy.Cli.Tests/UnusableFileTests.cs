using System;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>
/// Files the tool cannot read as a scenario: exit 2 and one line on standard error naming the file, the
/// JSON path and the problem (with the line), never a stack trace. One file per class in tests/scenarios/unusable.
/// </summary>
public sealed class UnusableFileTests
{
    [Theory]
    // Not JSON, or cut short.
    [InlineData("not-json", "$.account.timeZone", "not JSON: 'A' is an invalid start of a value", 4)]
    [InlineData("truncated", "$.commands[0].id", "not JSON: the text ends before the JSON does (truncated)", 18)]
    [InlineData("empty", "$", "not JSON: the file is empty", 1)]
    // Missing or mistyped account fields.
    [InlineData("missing-account", "$.account", "required field is missing", 1)]
    [InlineData("missing-commands", "$.commands", "required field is missing", 1)]
    [InlineData("missing-currency", "$.account.currency", "required field is missing", 2)]
    [InlineData("missing-billing-anchor", "$.account.billing.anchor", "required field is missing", 7)]
    [InlineData("mistyped-seat-price", "$.account.seatPrice", "expected a string, got the number 30", 6)]
    [InlineData("mistyped-account-id", "$.account.id", "expected a string, got the number 7", 3)]
    // Unknown names, matched exactly.
    [InlineData("unknown-time-zone", "$.account.timeZone", "unknown time zone 'America/Springfield'", 4)]
    [InlineData("unknown-currency", "$.account.currency", "unknown currency 'USX'", 5)]
    [InlineData("lowercase-currency", "$.account.currency", "unknown currency 'usd'", 5)]
    [InlineData("unknown-cycle", "$.account.billing.cycle", "unknown billing cycle 'Weekly' (Monthly, Quarterly or Annual)", 8)]
    [InlineData("numeric-cycle", "$.account.billing.cycle", "unknown billing cycle '1'", 8)]
    [InlineData("lowercase-cycle", "$.account.billing.cycle", "unknown billing cycle 'monthly'", 8)]
    [InlineData("unknown-granularity", "$.account.proration.granularity", "unknown granularity 'Minute' (Day or Second)", 12)]
    [InlineData("unknown-day-count", "$.account.proration.dayCount", "unknown day count 'Actual365' (Actual or Thirty360)", 14)]
    [InlineData("unknown-rounding", "$.account.proration.rounding", "unknown rounding 'HalfUp' (HalfAwayFromZero or HalfToEven)", 13)]
    // Dates and amounts.
    [InlineData("impossible-anchor-date", "$.account.billing.anchor", "'2026-02-30' is not a date", 9)]
    [InlineData("impossible-contract-date", "$.account.contract.start", "'2026-13-01' is not a date", 16)]
    [InlineData("seat-price-without-cents", "$.account.seatPrice", "'30' is not an amount in USD", 6)]
    [InlineData("seat-price-jpy-with-decimals", "$.account.seatPrice", "'3000.00' is not an amount in JPY", 6)]
    [InlineData("seat-price-negative", "$.account.seatPrice", "the seat price -30.00 is negative", 6)]
    // Initial seats.
    [InlineData("occupied-seat-without-name", "$.account.seats[0].name", "required field is missing", 22)]
    [InlineData("occupied-seat-blank-name", "$.account.seats[0].name", "seat 's1' is occupied but its name is blank", 24)]
    [InlineData("occupied-seat-without-email", "$.account.seats[0].email", "required field is missing", 22)]
    [InlineData("occupied-seat-bad-email", "$.account.seats[0].email", "'ada-at-acme' is not a valid email", 25)]
    [InlineData("occupied-seat-unknown-role", "$.account.seats[0].role", "unknown role 'Boss'", 26)]
    [InlineData("occupied-seat-without-role", "$.account.seats[0].role", "required field is missing", 22)]
    [InlineData("duplicate-seat-id", "$.account.seats[1].seat", "repeats the seat id 's1' of $.account.seats[0]", 37)]
    [InlineData("duplicate-email", "$.account.seats[1].email", "repeats the email 'ADA@acme.test'", 39)]
    [InlineData("initial-seat-bad-phone", "$.account.seats[1].directNumber", "'555-0101' is not an E.164 phone number", 39)]
    [InlineData("vacant-seat-unknown-role", "$.account.seats[1].role", "unknown role 'Owner'", 40)]
    // The contract.
    [InlineData("contract-end-before-start", "$.account.contract.end", "the contract ends (2026-01-01) before it starts (2026-12-31)", 17)]
    [InlineData("negative-lock-in-days", "$.account.contract.lockInDays", "-1 is negative", 18)]
    [InlineData("auto-renew-not-whole-months", "$.account.contract.autoRenew", "must run a whole number of months; 2026-01-01..2026-12-30 does not", 19)]
    [InlineData("auto-renew-without-lock-in", "$.account.contract.lockInDays", "needs a lock-in window of at least one day", 18)]
    // Commands that cannot be run at all.
    [InlineData("command-not-an-object", "$.commands[0]", "expected a command object, got the string 'AddAgent s3'", 44)]
    [InlineData("command-without-id", "$.commands[0].id", "the command has no id", 44)]
    [InlineData("command-id-not-a-string", "$.commands[0].id", "the command has no usable id: expected a string, got the number 1", 45)]
    [InlineData("command-without-at", "$.commands[0].at", "the command has no at", 44)]
    [InlineData("command-without-actor", "$.commands[0].actor", "the command has no actor", 44)]
    [InlineData("command-without-type", "$.commands[0].type", "the command has no type", 44)]
    [InlineData("command-unknown-type", "$.commands[0].type", "unknown command type 'FireAgent'", 48)]
    [InlineData("command-at-without-offset", "$.commands[0].at", "'2026-03-17T18:00:00' is not an instant", 46)]
    [InlineData("command-at-impossible", "$.commands[0].at", "'2026-02-30T18:00:00Z' is not an instant", 46)]
    public async Task Simulate_UnusableFile_ExitsTwoWithOneLineNamingFilePathAndProblem(string name, string path, string problem, int line)
    {
        var file = SeatPolicyTool.Scenario($"unusable/{name}.json");

        var run = await SeatPolicyTool.RunAsync("simulate", file, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var stderr = run.Stderr.TrimEnd('\r', '\n');
        Assert.DoesNotContain('\n', stderr);
        Assert.StartsWith($"{file}: {path}: ", stderr, StringComparison.Ordinal);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
        Assert.EndsWith($" (line {line})", stderr, StringComparison.Ordinal);
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
