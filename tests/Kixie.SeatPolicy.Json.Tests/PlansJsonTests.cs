using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>
/// Plans (rulebook §13) in the dialect: an account on plans with later prices, the <see cref="ChangePlan"/>
/// command, the <c>PlanUpgraded</c>, <c>PlanChanged</c> and <c>DowngradeScheduled</c> events, the
/// <see cref="DowngradeBlocked"/> refusal, pending downgrades and plan-aware invoice lines, all made by the
/// real policy and read back equal; and every way an account's plans are unusable, at its JSON path.
/// </summary>
public sealed class PlansJsonTests
{
    /// <summary>The outcomes only an account on more than one plan reaches.</summary>
    public static readonly ImmutableArray<OutcomeKind> PlanOutcomes =
        [OutcomeKind.PlanUpgraded, OutcomeKind.PlanChanged, OutcomeKind.DowngradeScheduled, OutcomeKind.DowngradeBlocked];

    private static Money Dollars(string amount) => Money.Parse(amount, Currency.Usd);

    private static Instant Noon(int year, int month, int day) => Acme.Noon(year, month, day);

    /// <summary>Integrate 35.00 (the default), PowerDialer 95.00 (99.00 from 2027-01-01), Voice 35.00.</summary>
    private static ImmutableArray<Plan> Plans { get; } =
    [
        new Plan("Integrate", Dollars("35.00")),
        new Plan("PowerDialer", Dollars("95.00"), [new PlanPrice(new LocalDate(2027, 1, 1), Dollars("99.00"))]),
        new Plan("Voice", Dollars("35.00")),
    ];

    /// <summary>Acme on <see cref="Plans"/>, billed monthly from 2026-01-01, under the contract 2026-01-01..2026-12-31.</summary>
    private static Account Opened(AddChargeBilling addCharges = AddChargeBilling.Immediately) =>
        Account.OpenOnPlans(
            "acme",
            Acme.LosAngeles,
            Plans,
            "Integrate",
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 1)),
            [
                InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin, plan: "PowerDialer"),
                InitialSeat.Occupied(new SeatId("s2"), "Bo Li", "bo@acme.test", Role.Agent),
                InitialSeat.Vacant(new SeatId("s3"), plan: "Integrate"),
            ],
            new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)),
            addCharges: addCharges);

    /// <summary>The commands of <see cref="Run"/> and the outcome each gets.</summary>
    private static ImmutableArray<(SeatCommand Command, OutcomeKind Outcome)> Script { get; } =
    [
        (new ChangePlan(new CommandId("c1"), Noon(2026, 3, 17), Acme.Ada, new SeatId("s2"), "PowerDialer"), OutcomeKind.PlanUpgraded),
        (new AddAgent(new CommandId("c2"), Noon(2026, 3, 18), Acme.Ada, "Cy Ho", "cy@acme.test", Role.Agent, new SeatId("s4"), Plan: "PowerDialer"), OutcomeKind.Added),
        (new AddAgent(new CommandId("c3"), Noon(2026, 3, 19), Acme.Ada, "Di Ng", "di@acme.test", Role.Agent, new SeatId("s5")), OutcomeKind.Added),
        (new ChangePlan(new CommandId("c4"), Noon(2026, 4, 10), Acme.Ada, new SeatId("s2"), "Integrate"), OutcomeKind.DowngradeBlocked),
        (new ChangePlan(new CommandId("c5"), Noon(2026, 4, 11), Acme.Ada, new SeatId("s3"), "Voice", ExpectedVersion: 3), OutcomeKind.PlanChanged),
        (new DeleteAgent(new CommandId("c6"), Noon(2026, 12, 3), Actor.Support, new SeatId("s4"), Effective: DeletionEffective.TermEnd), OutcomeKind.DeletionScheduled),
        (new ChangePlan(new CommandId("c7"), Noon(2026, 12, 5), Acme.Ada, new SeatId("s2"), "Integrate"), OutcomeKind.DowngradeScheduled),
        (new ChangePlan(new CommandId("c8"), Noon(2026, 12, 6), Acme.Ada, new SeatId("s4"), "Integrate"), OutcomeKind.DowngradeScheduled),
        (new CancelScheduledChange(new CommandId("c9"), Noon(2026, 12, 10), Acme.Ada, new SeatId("s2")), OutcomeKind.ScheduleCancelled),
        (new ChangePlan(new CommandId("c10"), Noon(2026, 12, 11), Acme.Ada, new SeatId("s5"), "Nope"), OutcomeKind.InvalidCommand),
        (new CancelScheduledChange(new CommandId("c11"), Noon(2026, 12, 12), Acme.Ada, new SeatId("s5")), OutcomeKind.NothingScheduled),
    ];

    /// <summary>The decisions of <see cref="Script"/> on <see cref="Opened"/>, each checked, and the account they leave.</summary>
    private static (ImmutableArray<Decision> Decisions, Account Final) Run(AddChargeBilling addCharges = AddChargeBilling.Immediately)
    {
        var account = Opened(addCharges);
        var decisions = ImmutableArray.CreateBuilder<Decision>();
        foreach (var (command, expected) in Script)
        {
            var decision = TurnoverPolicy.Default.Decide(account, command);
            Assert.True(decision.Outcome.Kind == expected, $"{command.Id}: {decision}");
            decisions.Add(decision);
            account = decision.ApplyTo(account);
        }

        return (decisions.ToImmutable(), account);
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Run_ReachesEveryPlanOutcomeAndEvent()
    {
        var (decisions, final) = Run();

        Assert.Equal(PlanOutcomes, decisions.Select(decision => decision.Outcome.Kind).Where(PlanOutcomes.Contains).Distinct().Order());
        Assert.Equal(
            ["DeletionScheduled", "DowngradeScheduled", "PlanChanged", "PlanUpgraded", "ScheduleCancelled", "SeatAdded"],
            final.History.Select(change => (string?)Parse(Same.Write(change))["type"]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Account_OnPlansWithHistory_ReadsBackEqualAndWritesTheSameText()
    {
        var (_, final) = Run();
        var json = Same.Write(final);

        var read = Same.Read<Account>(json);

        Assert.True(read.Equals(final), json);
        Assert.Equal(final.Version, read.Version);
        Assert.Equal(json, Same.Write(read));
        Assert.Equal(final.ListSeats().Select(seat => (seat.Id, seat.Plan)), read.ListSeats().Select(seat => (seat.Id, seat.Plan)));
        Assert.True(Same.RoundTrip(Opened()).Equals(Opened()));
    }

    [Fact]
    public void Account_OnPlans_WritesPlansAndDefaultPlanInsteadOfASeatPrice()
    {
        var json = Parse(Same.Write(Opened()));

        Assert.Equal(
            ["id", "timeZone", "currency", "plans", "defaultPlan", "billing", "proration", "contract", "seats", "version", "history"],
            json.Select(property => property.Key));
        Assert.Equal(
            """[{"plan":"Integrate","seatPrice":"35.00"},{"plan":"PowerDialer","seatPrice":"95.00","prices":[{"from":"2027-01-01","seatPrice":"99.00"}]},{"plan":"Voice","seatPrice":"35.00"}]""",
            json["plans"]!.ToJsonString());
        Assert.Equal("Integrate", (string?)json["defaultPlan"]);
        Assert.Equal(
            """[{"seat":"s1","name":"Ada Park","email":"ada@acme.test","role":"Admin","plan":"PowerDialer"},"""
            + """{"seat":"s2","name":"Bo Li","email":"bo@acme.test","role":"Agent"},"""
            + """{"seat":"s3","vacant":true,"role":"Agent","plan":"Integrate"}]""",
            json["seats"]!.ToJsonString());
    }

    [Fact]
    public void Account_WhoseOnlyPlanIsStandardAtOnePrice_IsWrittenWithItsSeatPriceAsBefore()
    {
        var calendar = new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1));
        var onPlans = Account.OpenOnPlans("acme", Acme.LosAngeles, [new Plan(Plan.Standard, Dollars("30.00"))], Plan.Standard, calendar, []);
        var plain = Account.Open("acme", Acme.LosAngeles, Dollars("30.00"), calendar, []);

        Assert.Equal(Same.Write(plain), Same.Write(onPlans));
        Assert.Equal(
            """{"id":"acme","timeZone":"America/Los_Angeles","currency":"USD","seatPrice":"30.00","billing":{"cycle":"Monthly","anchor":"2026-03-01","addCharges":"Immediately"},"proration":{"granularity":"Day","dayCount":"Actual","rounding":"HalfAwayFromZero"},"seats":[],"version":0,"history":[]}""",
            Same.Write(onPlans));
        Assert.True(Same.Read<Account>(Same.Write(onPlans)).Equals(onPlans));
    }

    [Theory]
    [InlineData("""[{"plan":"Standard","seatPrice":"30.00","prices":[{"from":"2027-01-01","seatPrice":"32.00"}]}]""", "Standard")]
    [InlineData("""[{"plan":"Basic","seatPrice":"30.00"}]""", "Basic")]
    public void Account_WithOnePlanThatIsNotAPlainSeatPrice_IsWrittenWithItsPlans(string plans, string defaultPlan)
    {
        var account = Same.Read<Account>(
            $$$"""{"id":"acme","timeZone":"America/Los_Angeles","currency":"USD","plans":{{{plans}}},"defaultPlan":"{{{defaultPlan}}}","billing":{"cycle":"Monthly","anchor":"2026-03-01"}}""");

        var json = Parse(Same.Write(account));

        Assert.False(json.ContainsKey("seatPrice"));
        Assert.Equal(plans, json["plans"]!.ToJsonString());
        Assert.True(Same.Read<Account>(json.ToJsonString()).Equals(account));
    }

    [Fact]
    public void Scenario_OfTheFormatSpec_ReadsWithItsPlansAndRunsItsPlanChanges()
    {
        var scenario = Scenario.Read(Encoding.UTF8.GetBytes(System.IO.File.ReadAllText(ExampleFile("plans-upgrade-downgrade.json"))));

        Assert.Equal(["Integrate", "PowerDialer"], scenario.Account.Plans.Select(plan => plan.Name));
        Assert.Equal("Integrate", scenario.Account.DefaultPlan.Name);
        Assert.All(scenario.Commands, command => Assert.IsType<ChangePlan>(command));
        Assert.Equal(
            [OutcomeKind.PlanUpgraded, OutcomeKind.DowngradeBlocked, OutcomeKind.DowngradeScheduled],
            TurnoverPolicy.Default.Run(scenario.Account, scenario.Commands).Results.Select(result => result.Outcome.Kind));
    }

    [Fact]
    public void Write_ChangePlan_IsItsSeatAndPlan()
    {
        var change = new ChangePlan(new CommandId("c1"), Instant.FromUtc(2026, 3, 17, 18, 0), Acme.Ada, new SeatId("s2"), "PowerDialer", ExpectedVersion: 2);

        var json = Same.Write<SeatCommand>(change);

        Assert.Equal(
            """{"type":"ChangePlan","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","seat":"s2","plan":"PowerDialer","expectedVersion":2}""",
            json);
        Assert.Equal(json, Same.Write(change));
        Assert.Equal(change, Same.Read<SeatCommand>(json));
        Assert.Equal(change, Same.Read<ChangePlan>(json));
    }

    [Fact]
    public void Read_ChangePlanWithoutAPlan_HasNoPlanAndThePolicyAnswersInvalidCommandNamingIt()
    {
        var change = Same.Read<ChangePlan>("""{"type":"ChangePlan","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","seat":"s2"}""");

        Assert.Null(change.Plan);
        Assert.Equal("""{"type":"ChangePlan","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","seat":"s2"}""", Same.Write(change));
        var outcome = TurnoverPolicy.Default.Decide(Opened(), change).Outcome;
        Assert.Equal("plan", Assert.IsType<InvalidCommand>(outcome.Case).Field);
    }

    [Fact]
    public void Write_AddAgent_GivesItsPlanOnlyWhenItNamesOne()
    {
        var at = Instant.FromUtc(2026, 3, 17, 18, 0);
        var onPlan = new AddAgent(new CommandId("c1"), at, Acme.Ada, "Bo Li", "bo@acme.test", Role.Agent, new SeatId("s4"), Plan: "PowerDialer");
        var onDefault = onPlan with { Plan = null };

        Assert.Equal(
            """{"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","name":"Bo Li","email":"bo@acme.test","role":"Agent","seat":"s4","plan":"PowerDialer"}""",
            Same.Write<SeatCommand>(onPlan));
        Assert.DoesNotContain("plan", Same.Write<SeatCommand>(onDefault), StringComparison.Ordinal);
        Assert.Equal(onPlan, Same.RoundTrip<SeatCommand>(onPlan));
        Assert.Equal(onDefault, Same.RoundTrip<SeatCommand>(onDefault));
    }

    [Fact]
    public void Every_command_event_and_outcome_of_the_run_reads_back_the_same()
    {
        var (decisions, final) = Run();

        foreach (var (command, _) in Script)
        {
            Assert.Equal(command, Same.RoundTrip(command));
            Assert.Equal(command, JsonSerializer.Deserialize(Same.Write(command), command.GetType(), SeatPolicyJson.Options));
        }

        foreach (var change in final.History)
        {
            var json = Same.Write<SeatEvent>(change);
            Assert.Equal(change, Same.Read<SeatEvent>(json));
            Assert.Equal(change, JsonSerializer.Deserialize(json, change.GetType(), SeatPolicyJson.Options));
            Assert.Equal(json, JsonSerializer.Serialize(change, change.GetType(), SeatPolicyJson.Options));
        }

        Assert.Equal(7, decisions.Select(decision => decision.Outcome.Value).OfType<PlanOrSchedule>().Select(value => value.Index).Distinct().Count());
        foreach (var decision in decisions)
        {
            var outcome = Same.RoundTrip(decision.Outcome);
            Assert.Equal(decision.Outcome.Kind, outcome.Kind);
            Assert.True(Same.Case(decision.Outcome.Case, outcome.Case), Same.Write(decision.Outcome));
            Assert.True(Same.Case(decision.Outcome.Case, Same.RoundTrip(decision.Outcome.Case)));
            Assert.True(Same.Case(decision.Outcome.Case, (OutcomeCase)JsonSerializer.Deserialize(Same.Write(decision.Outcome.Case), decision.Outcome.Case.GetType(), SeatPolicyJson.Options)!));
            Assert.Equal(decision.Events, Same.Read<SeatEvent[]>(Parse(Same.Write(decision))["events"]!.ToJsonString()));
            if (decision.Outcome.Value is PlanOrSchedule planOrSchedule)
            {
                Assert.True(Same.Case(planOrSchedule.Case, Same.RoundTrip(planOrSchedule).Case));
            }
        }
    }

    [Fact]
    public void Write_PlanEvents_HaveTheirMembersAndReadAsTheirOutcomesToo()
    {
        var (decisions, final) = Run();
        var upgraded = final.History.OfType<PlanUpgraded>().Single();
        var changed = final.History.OfType<PlanChanged>().Single();
        var downgrades = final.History.OfType<DowngradeScheduled>().ToList();

        var upgradedJson = Parse(Same.Write<SeatEvent>(upgraded));
        Assert.Equal(["type", "version", "seat", "command", "from", "charge"], upgradedJson.Select(member => member.Key));
        Assert.Equal("PlanUpgraded", (string?)upgradedJson["type"]);
        Assert.Equal("Integrate", (string?)upgradedJson["from"]);
        Assert.Equal("PowerDialer", (string?)upgradedJson["command"]!["plan"]);
        Assert.Equal(upgraded.Charge.Amount.ToString(), (string?)upgradedJson["charge"]!["proration"]!["amount"]!["amount"]);
        Assert.Equal("PowerDialer", Same.Read<PlanUpgraded>(upgradedJson.ToJsonString()).To);

        Assert.Equal(["type", "version", "seat", "command", "from"], Parse(Same.Write<SeatEvent>(changed)).Select(member => member.Key));
        Assert.Equal("Voice", Same.RoundTrip(changed).To);

        var plain = Parse(Same.Write<SeatEvent>(downgrades[0]));
        var replacing = Parse(Same.Write<SeatEvent>(downgrades[1]));
        Assert.Equal(["type", "version", "seat", "command", "from", "effective"], plain.Select(member => member.Key));
        Assert.Equal("2027-01-01", (string?)plain["effective"]);
        Assert.Equal("""{"change":"Delete","date":"2026-12-31"}""", replacing["replaced"]!.ToJsonString());
        Assert.Equal(PendingChange.Deletion(new LocalDate(2026, 12, 31)), Same.RoundTrip(downgrades[1]).Replaced);

        // As an outcome: the same members under "outcome", and a description.
        var outcome = Parse(Same.Write(decisions.Single(decision => decision.Outcome.Case is PlanUpgraded).Outcome));
        Assert.Equal(["outcome", "version", "seat", "command", "from", "charge", "description"], outcome.Select(member => member.Key));
        Assert.Equal(upgraded, Same.Read<PlanUpgraded>(outcome.ToJsonString()));
    }

    [Fact]
    public void Write_Added_GivesItsPlanOnlyWhenItIsNotStandard()
    {
        var (_, final) = Run();
        var adds = final.History.OfType<Added>().ToList();

        Assert.Equal(["PowerDialer", "Integrate"], adds.Select(added => (string?)Parse(Same.Write<SeatEvent>(added))["plan"]));
        Assert.All(Acme.WithHistory().History.OfType<Added>(), added => Assert.False(Parse(Same.Write<SeatEvent>(added)).ContainsKey("plan")));

        var standard = adds[0] with { Plan = Plan.Standard };
        var json = Parse(Same.Write<SeatEvent>(standard));
        Assert.False(json.ContainsKey("plan"));
        Assert.Equal(standard, Same.Read<SeatEvent>(json.ToJsonString()));
    }

    [Fact]
    public void Write_DowngradeBlocked_IsItsSeatReasonAndFirstAllowedDay()
    {
        var (decisions, _) = Run();
        var blocked = Assert.IsType<DowngradeBlocked>(decisions.Single(decision => decision.Outcome.Kind == OutcomeKind.DowngradeBlocked).Outcome.Case);

        var json = Parse(Same.Write<OutcomeCase>(blocked));

        Assert.Equal(["outcome", "seat", "reason", "allowedFrom", "description"], json.Select(member => member.Key));
        Assert.Equal("DowngradeBlocked", (string?)json["outcome"]);
        Assert.Equal("2026-12-02", (string?)json["allowedFrom"]);
        Assert.Equal(blocked.Describe(), (string?)json["description"]);
        Assert.Equal(blocked, Same.Read<DowngradeBlocked>(json.ToJsonString()));
        Assert.Equal(blocked, Same.Read<TurnoverOutcome>(json.ToJsonString()).Case);
        Assert.Equal(blocked, Same.Read<PlanOrSchedule>(json.ToJsonString()).Case);
        var rejection = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Rejection>(json.ToJsonString()));
        Assert.Equal("$.outcome", rejection.Member);
    }

    [Fact]
    public void PendingDowngrade_IsWrittenWithItsPlan_AndADeletionWithout()
    {
        var (_, final) = Run();
        var cancelled = final.History.OfType<ScheduleCancelled>().Single();
        var downgrade = PendingChange.Downgrade(new LocalDate(2027, 1, 1), "Integrate");

        Assert.Equal(downgrade, cancelled.Cancelled);
        Assert.Equal("""{"change":"ChangePlan","date":"2027-01-01","plan":"Integrate"}""", Parse(Same.Write<SeatEvent>(cancelled))["cancelled"]!.ToJsonString());
        Assert.Equal("""{"change":"ChangePlan","date":"2027-01-01","plan":"Integrate"}""", Same.Write(downgrade));
        Assert.Equal("""{"change":"Delete","date":"2026-12-31"}""", Same.Write(PendingChange.Deletion(new LocalDate(2026, 12, 31))));
        Assert.Equal(downgrade, Same.RoundTrip(downgrade));
        Assert.Equal(cancelled, Same.RoundTrip<SeatEvent>(cancelled));
    }

    [Fact]
    public void PlanOrSchedule_ThatIsNotOne_IsRefusedNamingTheCases()
    {
        var added = Same.Write<OutcomeCase>(Acme.WithHistory().History.OfType<Added>().First());

        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<PlanOrSchedule>(added));

        Assert.Equal("$.outcome", exception.Member);
        Assert.Equal(
            "'Added' is not a plan or scheduling outcome (expected DeletionScheduled, ScheduleCancelled, NothingScheduled, PlanUpgraded, PlanChanged, DowngradeScheduled, DowngradeBlocked)",
            exception.Problem);
    }

    [Theory]
    [InlineData(AddChargeBilling.Immediately)]
    [InlineData(AddChargeBilling.OnNextBill)]
    public void Invoices_OnPlans_ReadBackEqualWithTheirPlansAndUpgradeLines(AddChargeBilling addCharges)
    {
        var (_, final) = Run(addCharges);
        var invoices = final.Invoices(new LocalDate(2026, 3, 1), new LocalDate(2027, 2, 1));
        var lines = invoices.SelectMany(invoice => invoice.Lines).ToList();

        Assert.Contains(lines, line => line.Kind == InvoiceLineKind.Upgrade && line.Plan == "PowerDialer");
        Assert.Contains(lines, line => line.Kind == InvoiceLineKind.Add && line.Plan == "PowerDialer");
        Assert.Contains(lines, line => line.Kind == InvoiceLineKind.Seat && line.Plan == "Voice");
        Assert.Contains(lines, line => line.Kind == InvoiceLineKind.Seat && line.Amount == Dollars("99.00"));
        foreach (var invoice in invoices)
        {
            var json = Same.Write(invoice);

            var read = Same.Read<Invoice>(json);

            Assert.Equal(invoice, read);
            Assert.Equal(json, Same.Write(read));
        }
    }

    [Fact]
    public void Write_InvoiceLines_GiveTheirPlanAndAnUpgradeLineItsFacts()
    {
        var (_, final) = Run();
        var upgrade = final.Invoices(new LocalDate(2026, 3, 17), new LocalDate(2026, 3, 17)).Single();
        var bill = final.PreviewNextInvoice(new LocalDate(2026, 4, 20));

        var upgradeJson = Parse(Same.Write(upgrade));
        var line = upgradeJson["lines"]![0]!.AsObject();
        Assert.Equal("Add", (string?)upgradeJson["kind"]);
        Assert.Equal(["kind", "seat", "plan", "amount", "detail", "command", "upgradedOn", "charge"], line.Select(member => member.Key));
        Assert.Equal("Upgrade", (string?)line["kind"]);
        Assert.Equal("PowerDialer", (string?)line["plan"]);
        Assert.Equal("2026-03-17", (string?)line["upgradedOn"]);
        Assert.Equal("c1", (string?)line["command"]);

        var seatLines = Parse(Same.Write(bill))["lines"]!.AsArray().Select(seat => seat!.AsObject()).ToList();
        Assert.All(seatLines, seat => Assert.Equal(["kind", "seat", "plan", "amount", "detail", "period"], seat.Select(member => member.Key)));
        Assert.Equal(
            [("s1", "PowerDialer", "95.00"), ("s2", "PowerDialer", "95.00"), ("s3", "Voice", "35.00"), ("s4", "PowerDialer", "95.00"), ("s5", "Integrate", "35.00")],
            seatLines.Select(seat => ((string?)seat["seat"], (string?)seat["plan"], (string?)seat["amount"])));
    }

    [Fact]
    public void Read_InvoiceLineWithoutAPlan_IsOnStandard_AndAnUpgradeLineNeedsOne()
    {
        var (_, final) = Run();
        var bill = Parse(Same.Write(final.PreviewNextInvoice(new LocalDate(2026, 4, 20))));
        bill["lines"]![0]!.AsObject().Remove("plan");
        var upgrade = Parse(Same.Write(final.Invoices(new LocalDate(2026, 3, 17), new LocalDate(2026, 3, 17)).Single()));
        upgrade["lines"]![0]!.AsObject().Remove("plan");

        Assert.Equal(Plan.Standard, Same.Read<Invoice>(bill.ToJsonString()).Lines[0].Plan);
        Assert.Equal("$.lines[0].plan", Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Invoice>(upgrade.ToJsonString())).Member);
    }

    [Theory]
    [InlineData("both", "$.account.plans", "give seatPrice (one plan, Standard) or plans with defaultPlan, not both")]
    [InlineData("neither", "$.account.seatPrice", "the required property is missing (give seatPrice, or plans with defaultPlan)")]
    [InlineData("no defaultPlan", "$.account.defaultPlan", "the required property is missing (plans need a defaultPlan: the name of one of them)")]
    [InlineData("defaultPlan without plans", "$.account.defaultPlan", "defaultPlan goes with plans: an account with a seatPrice has one plan, Standard")]
    [InlineData("unknown defaultPlan", "$.account.defaultPlan", "'Premium' is not one of the account's plans")]
    [InlineData("defaultPlan not a string", "$.account.defaultPlan", "expected a string but found a number")]
    [InlineData("plans not an array", "$.account.plans", "expected an array but found an object")]
    [InlineData("no plans", "$.account.plans", "an account needs at least one plan")]
    [InlineData("price with wrong digits", "$.account.plans[1].seatPrice", "'95.0' is not an amount in USD")]
    [InlineData("price as a number", "$.account.plans[1].seatPrice", "expected a string but found a number")]
    [InlineData("later price with wrong digits", "$.account.plans[1].prices[0].seatPrice", "'99' is not an amount in USD")]
    [InlineData("later price impossible date", "$.account.plans[1].prices[0].from", "'2027-02-30' is not a date")]
    [InlineData("later prices out of order", "$.account.plans[1].prices[1].from", "2026-06-01 is not after the previous price's 2027-01-01")]
    [InlineData("negative price", "$.account.plans[1].seatPrice", "the seat price -95.00 is negative")]
    [InlineData("negative later price", "$.account.plans[1].prices[0].seatPrice", "the seat price -99.00 is negative")]
    [InlineData("repeated plan name", "$.account.plans[1].plan", "repeats the plan name 'Integrate'")]
    [InlineData("blank plan name", "$.account.plans[0].plan", "the plan name is blank")]
    [InlineData("plan without a name", "$.account.plans[0].plan", "the required property is missing")]
    [InlineData("unknown plan member", "$.account.plans[0].currency", "a plan has no property 'currency' (expected plan, seatPrice, prices)")]
    [InlineData("unknown price member", "$.account.plans[1].prices[0].until", "a plan price has no property 'until' (expected from, seatPrice)")]
    [InlineData("initial seat on an unknown plan", "$.account.seats[1].plan", "'Premium' is not one of the account's plans")]
    [InlineData("initial seat plan not a string", "$.account.seats[0].plan", "expected a string but found a boolean")]
    public void Read_UnusableAccountPlans_AreRefusedAtTheirPath(string fault, string path, string problem)
    {
        var account = Parse(Same.Write(Opened()));
        Spoil(account, fault);

        var exception = Assert.Throws<SeatPolicyJsonException>(() => Scenario.Read(Encoding.UTF8.GetBytes($$"""{"account":{{account.ToJsonString()}},"commands":[]}""")));

        Assert.Equal(path, exception.FullPath);
        Assert.StartsWith(problem, exception.Problem, StringComparison.Ordinal);
    }

    private static void Spoil(JsonObject account, string fault)
    {
        var plans = account["plans"]!.AsArray();
        var later = plans[1]!["prices"]!.AsArray();
        switch (fault)
        {
            case "both":
                account["seatPrice"] = "30.00";
                break;
            case "neither":
                account.Remove("plans");
                account.Remove("defaultPlan");
                break;
            case "no defaultPlan":
                account.Remove("defaultPlan");
                break;
            case "defaultPlan without plans":
                account.Remove("plans");
                account["seatPrice"] = "30.00";
                break;
            case "unknown defaultPlan":
                account["defaultPlan"] = "Premium";
                break;
            case "defaultPlan not a string":
                account["defaultPlan"] = 1;
                break;
            case "plans not an array":
                account["plans"] = new JsonObject();
                break;
            case "no plans":
                plans.Clear();
                account["seats"] = new JsonArray();
                break;
            case "price with wrong digits":
                plans[1]!["seatPrice"] = "95.0";
                break;
            case "price as a number":
                plans[1]!["seatPrice"] = 95.00m;
                break;
            case "later price with wrong digits":
                later[0]!["seatPrice"] = "99";
                break;
            case "later price impossible date":
                later[0]!["from"] = "2027-02-30";
                break;
            case "later prices out of order":
                later.Add(new JsonObject { ["from"] = "2026-06-01", ["seatPrice"] = "90.00" });
                break;
            case "negative price":
                plans[1]!["seatPrice"] = "-95.00";
                break;
            case "negative later price":
                later[0]!["seatPrice"] = "-99.00";
                break;
            case "repeated plan name":
                plans[1]!["plan"] = "Integrate";
                break;
            case "blank plan name":
                plans[0]!["plan"] = " ";
                break;
            case "plan without a name":
                plans[0]!.AsObject().Remove("plan");
                break;
            case "unknown plan member":
                plans[0]!["currency"] = "USD";
                break;
            case "unknown price member":
                later[0]!["until"] = "2027-12-31";
                break;
            case "initial seat on an unknown plan":
                account["seats"]![1]!["plan"] = "Premium";
                break;
            case "initial seat plan not a string":
                account["seats"]![0]!["plan"] = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "no such fault");
        }
    }

    [Fact]
    public void Read_AnInitialSeatOnAPlan_OfAnAccountWithASeatPrice_IsRefusedUnlessItIsStandard()
    {
        var account = Parse(Same.Write(Acme.Opened()));
        account["seats"]![0]!["plan"] = "Standard";
        Assert.Equal("Standard", Same.Read<Account>(account.ToJsonString()).InitialSeats[0].Plan);

        account["seats"]![0]!["plan"] = "Integrate";
        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Account>(account.ToJsonString()));

        Assert.Equal("$.seats[0].plan", exception.Member);
        Assert.Equal("plan", Assert.IsType<ValueRefusedException>(exception.InnerException).Member);
    }

    [Theory]
    [InlineData("added on an unknown plan", "$.history[1].plan", "'Premium' is not one of the account's plans (Integrate, PowerDialer, Voice)")]
    [InlineData("upgrade to an unknown plan", "$.history[0].command.plan", "'Premium' is not one of the account's plans")]
    [InlineData("upgrade from an unknown plan", "$.history[0].from", "'Premium' is not one of the account's plans")]
    [InlineData("downgrade to an unknown plan", "$.history[5].command.plan", "'Premium' is not one of the account's plans")]
    [InlineData("plan change caused by another command", "$.history[0].command.type", "a plan change is caused by a ChangePlan, not a DeleteAgent")]
    [InlineData("plan change without a plan", "$.history[3].command.plan", "a plan change's command names the plan the seat moves to")]
    public void Read_HistoryThatNamesNoPlanOfTheAccount_IsRefusedAtTheEvent(string fault, string path, string problem)
    {
        var (_, final) = Run();
        var account = Parse(Same.Write(final));
        var history = account["history"]!.AsArray();
        Assert.Equal(
            ["PlanUpgraded", "SeatAdded", "SeatAdded", "PlanChanged", "DeletionScheduled", "DowngradeScheduled", "DowngradeScheduled", "ScheduleCancelled"],
            history.Select(change => (string?)change!["type"]));
        switch (fault)
        {
            case "added on an unknown plan":
                history[1]!["plan"] = "Premium";
                break;
            case "upgrade to an unknown plan":
                history[0]!["command"]!["plan"] = "Premium";
                break;
            case "upgrade from an unknown plan":
                history[0]!["from"] = "Premium";
                break;
            case "downgrade to an unknown plan":
                history[5]!["command"]!["plan"] = "Premium";
                break;
            case "plan change caused by another command":
                history[0]!["command"] = JsonNode.Parse("""{"type":"DeleteAgent","id":"c1","at":"2026-03-17T19:00:00Z","actor":"ada@acme.test","seat":"s2"}""");
                break;
            case "plan change without a plan":
                history[3]!["command"]!.AsObject().Remove("plan");
                break;
        }

        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<Account>(account.ToJsonString()));

        Assert.Equal(path, exception.Member);
        Assert.StartsWith(problem, exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_histories_on_plans_read_back_equal_with_their_events_outcomes_and_invoices()
    {
        // The engine tests' generated scenarios on plans (EngineGenerators.ScenarioWithPlans): four plans, one with
        // price changes, adds on plans, upgrades, same-price moves, downgrades, schedules and cancels.
        var reached = new HashSet<OutcomeKind>();
        foreach (var scenario in FsCheck.Fluent.Gen.Sample(Kixie.SeatPolicy.Tests.Generators.EngineGenerators.ScenarioWithPlans, 400))
        {
            var (final, _, decisions) = new Kixie.SeatPolicy.Tests.Generators.PlansScenario(scenario).Play();
            var json = Same.Write(final);

            var read = Same.Read<Account>(json);

            Assert.True(read.Equals(final), $"{scenario}: {json}");
            Assert.Equal(json, Same.Write(read));
            foreach (var decision in decisions)
            {
                reached.Add(decision.Outcome.Kind);
                Assert.True(Same.Case(decision.Outcome.Case, Same.RoundTrip(decision.Outcome).Case), Same.Write(decision.Outcome));
                Assert.Equal(decision.Events, Same.RoundTrip(decision.Events.ToArray()));
            }

            var first = final.History.Count == 0 ? final.Billing.Anchor : final.LocalDateOf(final.History[0].At);
            var through = first < final.Billing.SupportedThrough.PlusDays(-200) ? first.PlusDays(200) : final.Billing.SupportedThrough;
            if (through < first)
            {
                continue;
            }

            foreach (var terms in (ReadOnlySpan<AddChargeBilling>)[AddChargeBilling.Immediately, AddChargeBilling.OnNextBill])
            {
                foreach (var invoice in final.WithAddCharges(terms).Invoices(first, through))
                {
                    var written = Same.Write(invoice);
                    Assert.Equal(invoice, Same.Read<Invoice>(written));
                    Assert.Equal(written, Same.Write(Same.Read<Invoice>(written)));
                }
            }
        }

        Assert.Superset(new HashSet<OutcomeKind>(PlanOutcomes), reached);
    }

    [Fact]
    public void Read_SpoiledAccountOnPlans_ReadsAsAnAccountOrFailsWithAJsonExceptionNamingAPath()
    {
        // Every member and item of the account's document, one at a time: removed, or replaced by a value of
        // another kind. Plans, prices, plan names and the new events must read or fail cleanly, never otherwise.
        var (_, final) = Run();
        var written = Same.Write(final);
        JsonNode?[] replacements = [null, 0, "Foo", true, new JsonArray(), new JsonObject(), "2026-02-30", "PowerDialer"];
        var count = Places(JsonNode.Parse(written)!).Count;
        var read = 0;
        for (var target = 0; target < count; target++)
        {
            for (var how = -1; how < replacements.Length; how++)
            {
                var root = JsonNode.Parse(written)!;
                var (parent, name, index) = Places(root)[target];
                var value = how < 0 ? null : replacements[how]?.DeepClone();
                if (how < 0 && name is not null)
                {
                    parent.AsObject().Remove(name);
                }
                else if (how < 0)
                {
                    parent.AsArray().RemoveAt(index);
                }
                else if (name is not null)
                {
                    parent.AsObject()[name] = value;
                }
                else
                {
                    parent.AsArray()[index] = value;
                }

                try
                {
                    Assert.NotNull(Same.Write(Same.Read<Account>(root.ToJsonString())));
                    read++;
                }
                catch (SeatPolicyJsonException exception)
                {
                    Assert.StartsWith("$", exception.Member, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(read > 0, "some spoils (a description, an explanation) still read");
    }

    private static List<(JsonNode Parent, string? Name, int Index)> Places(JsonNode root)
    {
        var places = new List<(JsonNode Parent, string? Name, int Index)>();
        void Collect(JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj.ToList())
                    {
                        places.Add((obj, name, -1));
                        if (child is not null)
                        {
                            Collect(child);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var index = 0; index < array.Count; index++)
                    {
                        places.Add((array, null, index));
                        if (array[index] is { } child)
                        {
                            Collect(child);
                        }
                    }

                    break;
            }
        }

        Collect(root);
        return places;
    }

    private static string ExampleFile(string name)
    {
        for (var folder = new System.IO.DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = System.IO.Path.Combine(folder.FullName, "tests", "scenarios", "examples", name);
            if (System.IO.File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"tests/scenarios/examples/{name} not found above {AppContext.BaseDirectory}");
    }
}
