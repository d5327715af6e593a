// The consumer test: the README's example, the account flow every service runs (open, add with the charge
// and its explanation, replace, deactivate, next bill), a docs recipe and the JSON package, all compiled
// against the packed packages. Prints each check; exits 1 if any fails.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Kixie.SeatPolicy;
using Kixie.SeatPolicy.Json;
using NodaTime;
using NodaTime.Text;

var failures = new List<string>();

void Check<T>(string what, T expected, T actual)
{
    var ok = EqualityComparer<T>.Default.Equals(expected, actual);
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}: {actual}{(ok ? string.Empty : $" (expected {expected})")}");
    if (!ok)
    {
        failures.Add(what);
    }
}

string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

// 1. The README's library example ("Use it"), verbatim, with the values its comments promise.
ReadmeExample();

void ReadmeExample()
{
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

    Check("README: the add's explanation", "14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55", why);
    Check("README: the add's charge", "13.55", added.Outcome.ChargedAmount(Currency.Usd).ToString());
    Check("README: replace outcome", OutcomeKind.Replaced, kind);
    Check("README: replace charges nothing", true, replaced.Outcome.ChargedAmount(Currency.Usd).IsZero);
    Check("README: next bill", "2026-03-31: 2 seats, 60.00", $"{Iso(bill.Date)}: {bill.Seats} seats, {bill.Total}");
}

// 2. An account's turnover: open, add (with the charge and its explanation), replace, deactivate, next bill.
var zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
Instant Noon(int year, int month, int day) => new LocalDateTime(year, month, day, 12, 0).InZoneStrictly(zone).ToInstant();
var admin = new Actor("ada@acme.test");
var policy = TurnoverPolicy.Default;
var account = Account.Open(
    "acme",
    zone,
    Money.Parse("30.00", Currency.Usd),
    new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1)),
    [
        InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin),
        InitialSeat.Occupied(new SeatId("s2"), "Jimmy Doe", "jimmy@acme.test", Role.Agent, new SeatAssets { DirectNumber = "+14155550102" }),
    ]);

var add = new AddAgent(new CommandId("c1"), Noon(2026, 3, 17), admin, "Bo Li", "bo@acme.test", Role.Agent);
var added = policy.Decide(account, add);
account = added.ApplyTo(account);
Check("account: add outcome", OutcomeKind.Added, added.Outcome.Kind);
Check("account: add charge", "14.52", added.Outcome.ChargedAmount(account.Currency).ToString());
Check("account: add explanation", "15 of 31 days left in 2026-03-01..2026-04-01: 30.00 × 15/31 = 14.516… → 14.52", added.Outcome.Case.Describe());

var replaced = policy.Decide(account, new ReplaceAgent(new CommandId("c2"), Noon(2026, 3, 18), admin, new SeatId("s2"), "Nina Lee", "nina@acme.test"));
account = replaced.ApplyTo(account);
Check("account: replace outcome", OutcomeKind.Replaced, replaced.Outcome.Kind);
Check("account: number inherited", "+14155550102", account.FindSeat(new SeatId("s2"))?.Assets.DirectNumber);
Check("account: replace charges nothing", true, replaced.Outcome.ChargedAmount(account.Currency).IsZero);

var deactivated = policy.Decide(account, new DeactivateAgent(new CommandId("c3"), Noon(2026, 3, 19), admin, new SeatId("s2")));
account = deactivated.ApplyTo(account);
Check("account: deactivate outcome", OutcomeKind.Deactivated, deactivated.Outcome.Kind);

var bill = account.PreviewNextBill(new LocalDate(2026, 3, 20));
Check("account: next bill", "2026-04-01: 3 × 30.00 = 90.00", $"{Iso(bill.Date)}: {bill.Seats} × {bill.SeatPrice} = {bill.Total}");
Check("account: version", 3L, account.Version);

// 3. docs/recipes.md, "Reproduce another billing engine's numbers".
{
    var thirty = new ProrationConvention { DayCount = DayCount.Thirty360, Rounding = RoundingMode.HalfToEven };
    var charge = Proration.Prorate(
        Money.Parse("19.95", Currency.Usd),
        new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 4, 1)),
        new LocalDate(2026, 4, 23),
        thirty);
    Check("recipe: 30E/360, half to even", "5.32 (8 of 30 days)", string.Create(CultureInfo.InvariantCulture, $"{charge.Amount} ({charge.UnitsRemaining} of {charge.UnitsInPeriod} days)"));
}

// 4. The JSON package: an account stored and read back is the same account.
{
    var json = JsonSerializer.Serialize(account, SeatPolicyJson.Options);
    var read = JsonSerializer.Deserialize<Account>(json, SeatPolicyJson.Options);
    Check("json: account read back equals the account", true, account.Equals(read));
    Check("json: money", """{"amount":"14.52","currency":"USD"}""", JsonSerializer.Serialize(added.Outcome.ChargedAmount(Currency.Usd), SeatPolicyJson.Options));
    try
    {
        JsonSerializer.Deserialize<Account>(json.Replace("\"SeatAdded\"", "\"Foo\"", StringComparison.Ordinal), SeatPolicyJson.Options);
        Check("json: unknown event type is refused", "JsonException", "no exception");
    }
    catch (JsonException exception)
    {
        Check("json: unknown event type is refused", "$.history[0].type: unknown event type 'Foo'", exception.Message[..exception.Message.IndexOf(" (", StringComparison.Ordinal)]);
    }
}

// 5. Invoices (docs/invoices.md), another engine's convention (docs/conventions.md), refusals as data.
{
    var invoices = account.Invoices(new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 1)).ToList();
    Check("invoices: dates and kinds", "2026-03-01 Bill, 2026-03-17 Add, 2026-04-01 Bill", string.Join(", ", invoices.Select(invoice => $"{Iso(invoice.Date)} {invoice.Kind}")));
    Check("invoices: the add's line", "14.52", invoices[1].Lines[0].Amount.ToString());
    var killBill = Proration.Prorate(
        Money.Parse("31.00", Currency.Usd), new BillingCalendar(BillingCycle.Monthly, new LocalDate(2025, 1, 31)), new LocalDate(2025, 2, 15), ProrationConvention.KillBill);
    Check("conventions: Kill Bill", "13.00", killBill.Amount.ToString());
    try
    {
        _ = new ContractTerm(new LocalDate(2026, 12, 31), new LocalDate(2026, 1, 1));
        Check("refusal: contract end", "ValueRefusedException", "no exception");
    }
    catch (ValueRefusedException refused)
    {
        Check("refusal: contract end", "end", refused.Member);
    }
}

Console.WriteLine(failures.Count == 0 ? "consumer: all checks passed" : $"consumer: {failures.Count} check(s) failed: {string.Join(", ", failures)}");
return failures.Count == 0 ? 0 : 1;
