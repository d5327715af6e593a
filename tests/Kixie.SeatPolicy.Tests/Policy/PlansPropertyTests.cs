using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// The laws of rulebook §13 over generated histories on plans (<see cref="EngineGenerators.ScenarioWithPlans"/>:
/// four plans, one dearer with price changes, adds on plans, upgrades, same-price moves, downgrades, and the
/// scheduled deletions and cancels that meet them; every convention, Kill Bill's and Lago's included). The
/// prices are checked against an oracle written here from the rulebook's words, not against the engine's own
/// price lookup.
/// </summary>
public sealed class PlansPropertyTests
{
    [SeatPolicyProperty]
    public Property An_upgrades_charge_is_the_new_plans_proration_less_the_old_plans_within_one_minor_unit(PlansScenario scenario)
    {
        var (_, before, decisions) = scenario.Play();
        var upgrades = 0;
        for (var i = 0; i < decisions.Length; i++)
        {
            if (decisions[i].IsReplay || decisions[i].Outcome.Case is not PlanUpgraded upgraded)
            {
                continue;
            }

            upgrades++;
            var account = before[i];
            var date = account.LocalDateOf(upgraded.At);
            var p = ListedPrice(account, account.FindPlan(upgraded.From)!, date, forCharge: true);
            var q = ListedPrice(account, account.FindPlan(upgraded.To)!, date, forCharge: true);
            var newRest = Proration.Prorate(q, account.Billing, upgraded.At, account.TimeZone, account.Proration).Amount;
            var oldRest = Proration.Prorate(p, account.Billing, upgraded.At, account.TimeZone, account.Proration).Amount;

            Assert.True(q > p, $"an upgrade from {p} to {q}");
            Assert.False(upgraded.Charge.Amount.IsNegative);
            Assert.True(
                Math.Abs(upgraded.Charge.Amount.MinorUnits + oldRest.MinorUnits - newRest.MinorUnits) <= 1,
                $"{upgraded.Charge.Amount} + {oldRest} vs {newRest} ({upgraded.Charge.Proration.Explain()})");
        }

        return true.Classify(upgrades > 0, "an upgrade");
    }

    [SeatPolicyProperty]
    public Property Every_bill_line_is_the_price_in_effect_of_the_plan_the_seat_is_on(PlansScenario scenario)
    {
        var (account, _, _) = scenario.Play();
        var first = account.History.Count == 0 ? account.Billing.Anchor : account.LocalDateOf(account.History[0].At);
        var through = TimeEdgeGenerators.PlusDays(first, 200);
        through = through > account.Billing.SupportedThrough ? account.Billing.SupportedThrough : through;
        if (through < first)
        {
            return true.Classify(true, "at the end of time");
        }

        var lines = 0;
        foreach (var bill in account.Invoices(first, through).Where(invoice => invoice.Kind == InvoiceKind.Bill))
        {
            // The account as its history stood at the end of the day before the bill, with what is due on the bill date in
            // effect: the events dated before it, when they are a prefix of the history (a resent command can append an
            // event dated earlier than the one before it; such a bill is left to the examples).
            var before = account.History.TakeWhile(change => account.LocalDateOf(change.At) < bill.Date).ToList();
            if (before.Count != account.History.Count(change => account.LocalDateOf(change.At) < bill.Date))
            {
                continue;
            }

            var upToThen = account.AtOpening().Apply(before).AsOf(bill.Date);
            foreach (var line in bill.Lines.Where(line => line.Kind == InvoiceLineKind.Seat))
            {
                lines++;
                Assert.Equal(upToThen.FindSeat(line.Seat)?.Plan, line.Plan);
                Assert.Equal(ListedPrice(account, account.FindPlan(line.Plan)!, bill.Date, forCharge: false), line.Amount);
            }
        }

        return true.Classify(lines > 0, "seat lines").Classify(account.HasPriceChanges, "with price changes");
    }

    [SeatPolicyProperty]
    public Property No_command_changes_an_invoice_dated_before_its_day_and_a_downgrade_none_dated_on_it(PlansScenario scenario)
    {
        var (_, before, decisions) = scenario.Play();
        var downgrades = 0;
        for (var i = 0; i < decisions.Length; i++)
        {
            if (!decisions[i].Outcome.IsAccepted || decisions[i].IsReplay)
            {
                continue;
            }

            var account = before[i];
            var change = decisions[i].Events[0];
            var day = account.LocalDateOf(change.At);
            var dated = change is DowngradeScheduled ? day : day.PlusDays(-1);
            var from = TimeEdgeGenerators.PlusDays(day, -100);
            if (dated < from)
            {
                continue;
            }

            downgrades += change is DowngradeScheduled ? 1 : 0;
            Assert.Equal(account.Invoices(from, dated), decisions[i].ApplyTo(account).Invoices(from, dated));
            Assert.False(decisions[i].Outcome.ChargedAmount(account.Currency).IsNegative);
        }

        return true.Classify(downgrades > 0, "a downgrade");
    }

    [SeatPolicyProperty]
    public Property Replay_rebuilds_an_account_on_plans(PlansScenario scenario)
    {
        var (account, _, _) = scenario.Play();

        Assert.Equal(account, account.AtOpening().Apply(account.History));
        Assert.Equal(account, account.History.Aggregate(account.AtOpening(), (replayed, change) => replayed.Apply(change)));
        return true.Classify(account.History.Any(change => change is PlanUpgraded or PlanChanged or DowngradeScheduled), "with plan changes");
    }

    [Fact]
    public void Generator_TwoHundredSamples_ReachEveryPlanOutcome()
    {
        var outcomes = EngineGenerators.ScenarioWithPlans.Sample(200)
            .SelectMany(scenario => new PlansScenario(scenario).Play().Decisions)
            .Select(decision => decision.Outcome.Case)
            .ToList();

        var reached = new Dictionary<string, int>
        {
            ["upgraded"] = outcomes.Count(outcome => outcome is PlanUpgraded),
            ["changed"] = outcomes.Count(outcome => outcome is PlanChanged),
            ["downgrade scheduled"] = outcomes.Count(outcome => outcome is DowngradeScheduled),
            ["downgrade blocked"] = outcomes.Count(outcome => outcome is DowngradeBlocked),
            ["added on a plan"] = outcomes.Count(outcome => outcome is Added { Plan: not "Basic" }),
            ["unknown plan"] = outcomes.Count(outcome => outcome is InvalidCommand { Field: "plan" }),
        };

        Assert.All(reached, pair => Assert.True(pair.Value >= 3, $"{pair.Key}: {pair.Value} in 200 samples"));
    }

    /// <summary>
    /// The rulebook's price, written out here: the plan's price in effect on the bill date (a bill) or on the
    /// first day of the charge's period (an add or upgrade); inside a contract term, on the term's first day.
    /// </summary>
    private static Money ListedPrice(Account account, Plan plan, LocalDate day, bool forCharge)
    {
        var standing = account.Contract?.StandingOn(day);
        var priceDay = standing is { Phase: ContractPhase.LockedIn or ContractPhase.ExitWindow } inTerm
            ? inTerm.TermStart
            : forCharge ? account.Billing.PeriodContaining(day).Start : day;
        var price = plan.SeatPrice;
        foreach (var later in plan.LaterPrices.Where(later => later.From <= priceDay))
        {
            price = later.SeatPrice;
        }

        return price;
    }
}
