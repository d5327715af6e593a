using System;
using System.Linq;
using System.Text.Json.Nodes;
using Kixie.SeatPolicy.Json.Tests.Generators;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>
/// Round trips: whatever the engine produces reads back equal to itself, and writing it again gives the
/// same text. Accounts carry random histories made by the real policy, so the commands, events and
/// outcomes are the ones services store and send.
/// </summary>
public sealed class RoundTripTests
{
    [SeatPolicyJsonProperty]
    public void An_account_read_back_equals_the_account_written(AccountRun run)
    {
        var json = Same.Write(run.Final);

        var read = Same.Read<Account>(json);

        Assert.True(read.Equals(run.Final), json);
        Assert.Equal(run.Final.Version, read.Version);
        Assert.Equal(json, Same.Write(read));
    }

    [SeatPolicyJsonProperty]
    public void An_opened_account_read_back_equals_the_account_opened(AccountRun run)
    {
        var read = Same.RoundTrip(run.Opened);

        Assert.True(read.Equals(run.Opened));
        Assert.Empty(read.History);
    }

    [SeatPolicyJsonProperty]
    public void Every_command_reads_back_equal_as_a_command_and_as_its_own_type(AccountRun run)
    {
        foreach (var command in run.Commands)
        {
            var json = Same.Write<SeatCommand>(command);

            Assert.Equal(command, Same.Read<SeatCommand>(json));
            Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(command, command.GetType(), SeatPolicyJson.Options));
            Assert.Equal(command, System.Text.Json.JsonSerializer.Deserialize(json, command.GetType(), SeatPolicyJson.Options));
        }
    }

    [SeatPolicyJsonProperty]
    public void Every_event_reads_back_equal_as_an_event_and_as_its_own_type(AccountRun run)
    {
        foreach (var change in run.Final.History)
        {
            var json = Same.Write<SeatEvent>(change);

            Assert.Equal(change, Same.Read<SeatEvent>(json));
            Assert.Equal(change, System.Text.Json.JsonSerializer.Deserialize(json, change.GetType(), SeatPolicyJson.Options));
        }

        Assert.Equal(run.Final.History, Same.RoundTrip(run.Final.History.ToArray()));
    }

    [SeatPolicyJsonProperty]
    public void Every_outcome_of_a_real_decision_reads_back_the_same(AccountRun run)
    {
        foreach (var decision in run.Decisions)
        {
            var outcome = Same.RoundTrip(decision.Outcome);
            var outcomeCase = Same.RoundTrip(decision.Outcome.Case);
            var typedCase = System.Text.Json.JsonSerializer.Deserialize(
                Same.Write(decision.Outcome.Case), decision.Outcome.Case.GetType(), SeatPolicyJson.Options);

            Assert.Equal(decision.Outcome.Kind, outcome.Kind);
            Assert.True(Same.Case(decision.Outcome.Case, outcome.Case), Same.Write(decision.Outcome));
            Assert.True(Same.Case(decision.Outcome.Case, outcomeCase));
            Assert.True(Same.Case(decision.Outcome.Case, (OutcomeCase)typedCase!));
            Assert.Equal(decision.Outcome.IsT7, outcome.IsT7);
            if (decision.Outcome.TryPickT7(out var rejection, out _))
            {
                Assert.True(Same.Case(rejection.Case, Same.RoundTrip(rejection).Case));
            }
        }
    }

    [SeatPolicyJsonProperty]
    public void Writing_a_decision_gives_its_outcome_and_events_which_read_back_equal(AccountRun run)
    {
        foreach (var decision in run.Decisions)
        {
            var json = Same.Write(decision);
            var written = JsonNode.Parse(json)!.AsObject();

            var outcome = Same.Read<TurnoverOutcome>(written["outcome"]!.ToJsonString());
            var events = Same.Read<SeatEvent[]>(written["events"]!.ToJsonString());

            Assert.Equal(decision.Outcome.Kind, outcome.Kind);
            Assert.True(Same.Case(decision.Outcome.Case, outcome.Case), json);
            Assert.Equal(decision.Events, events);
            Assert.Equal(decision.IsReplay, (bool)written["isReplay"]!);
        }
    }

    [SeatPolicyJsonProperty]
    public void Initial_seats_with_flat_assets_read_back_equal_and_a_vacant_seat_says_so(AccountRun run)
    {
        var seats = JsonNode.Parse(Same.Write(run.Opened))!["seats"]!.AsArray();

        Assert.Equal(run.Opened.InitialSeats.Length, seats.Count);
        for (var index = 0; index < seats.Count; index++)
        {
            var seat = seats[index]!.AsObject();
            Assert.False(seat.ContainsKey("assets"));
            Assert.Equal(run.Opened.InitialSeats[index].IsVacant, seat.ContainsKey("vacant"));
            Assert.Equal(run.Opened.InitialSeats[index], Same.Read<InitialSeat>(seat.ToJsonString()));
        }
    }

    [SeatPolicyJsonProperty]
    public void Money_reads_back_with_every_digit_in_every_currency(Money money)
    {
        var json = Same.Write(money);

        Assert.Equal(money, Same.Read<Money>(json));
        Assert.Contains($"\"amount\":\"{money}\"", json, StringComparison.Ordinal);
        Assert.Equal(money.Currency, Same.RoundTrip(money.Currency));
    }

    [SeatPolicyJsonProperty]
    public void A_prorated_charge_reads_back_equal_with_its_period_and_convention(ProratedCharge charge)
    {
        Assert.Equal(charge, Same.RoundTrip(charge));
        Assert.Equal(charge.Period, Same.RoundTrip(charge.Period));
        Assert.Equal(charge.Convention, Same.RoundTrip(charge.Convention));
        var incurred = new ChargeIncurred(new SeatId("s9"), charge);
        Assert.Equal(incurred, Same.RoundTrip(incurred));
    }

    [SeatPolicyJsonProperty]
    public void A_contract_term_and_its_calendar_read_back_equal(ContractTerm term)
    {
        Assert.Equal(term, Same.RoundTrip(term));
        var calendar = new BillingCalendar(BillingCycle.Quarterly, term.End);
        Assert.Equal(calendar, Same.RoundTrip(calendar));
    }

    [SeatPolicyJsonProperty]
    public void What_an_account_tells_about_itself_reads_back_equal(AccountRun run)
    {
        var bill = run.Final.PreviewNextBill(run.Plan.Anchor);
        Assert.Equal(bill, Same.RoundTrip(bill));
        foreach (var former in run.Final.FormerOccupants())
        {
            Assert.Equal(former, Same.RoundTrip(former));
        }

        foreach (var seat in run.Final.InitialSeats)
        {
            Assert.Equal(seat, Same.RoundTrip(seat));
        }
    }
}
