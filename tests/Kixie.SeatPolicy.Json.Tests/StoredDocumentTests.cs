using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Kixie.SeatPolicy.Testing.Stored;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>
/// Documents written by the library of 2026-12-07 (tests/data/stored/, from <see cref="StoredHistories"/>)
/// are read, forever after, as the facts today's engine decides for the same histories. Each stored
/// document is read, then written again with today's writer beside the value computed now, so a shape
/// that gains members later still compares; values with their own equality are compared as values too.
/// </summary>
public sealed class StoredDocumentTests
{
    private static IEnumerable<StoredHistory> Histories => StoredHistories.All;

    [Fact]
    public void Openings_ReadAsTheAccountsOpenedToday()
    {
        var stored = StoredFiles.Lines("openings");

        Assert.Equal(Histories.Select(history => history.Opening), stored.Select(Same.Read<Account>));
    }

    [Fact]
    public void Commands_ReadAsTheCommandsRunToday()
    {
        var stored = StoredFiles.Lines("commands");

        Assert.Equal(Histories.SelectMany(history => history.Commands), stored.Select(Same.Read<SeatCommand>));
    }

    [Fact]
    public void Decisions_ReadAsTheDecisionsMadeToday()
    {
        var expected = Histories.SelectMany(history => history.Decisions()).ToList();
        var stored = StoredFiles.Lines("decisions").Select(line => JsonDocument.Parse(line).RootElement).ToList();

        // A decision is written, never read whole: its events, its refusal and its replay flag are read.
        // An accepted change is its event; the outcome document beside it predates the merge of outcome
        // and event (it lacks the version and command), so the change is read from the events.
        Assert.Equal(expected.Count, stored.Count);
        Assert.All(expected.Zip(stored), pair =>
        {
            var (decision, document) = pair;
            Assert.Equal(decision.Events, Same.Read<SeatEvent[]>(document.GetProperty("events").GetRawText()));
            Assert.Equal(decision.IsReplay, document.GetProperty("isReplay").GetBoolean());
            if (!decision.Outcome.IsAccepted)
            {
                Assert.True(Same.Case(decision.Outcome.Case, Same.Read<TurnoverOutcome>(document.GetProperty("outcome").GetRawText()).Case), decision.ToString());
            }
        });
    }

    [Fact]
    public void Outcomes_OfRefusals_ReadAsTheRefusalsOfToday_AllTenKinds()
    {
        var expected = Histories.SelectMany(history => history.Decisions()).Select(decision => decision.Outcome).ToList();
        var stored = StoredFiles.Lines("outcomes");

        Assert.Equal(expected.Count, stored.Length);
        var refusals = expected.Zip(stored).Where(pair => !pair.First.IsAccepted).ToList();
        Assert.Equal(10, refusals.Select(pair => pair.First.Kind).Distinct().Count());
        Assert.All(refusals, pair => Assert.True(Same.Case(pair.First.Case, Same.Read<TurnoverOutcome>(pair.Second).Case), pair.Second));
    }

    [Fact]
    public void Outcomes_OfAcceptedChanges_WrittenBeforeTheyWereEvents_AreRefusedNamingWhatNoLongerFits()
    {
        // An accepted outcome of 2026-12-07 had the change's facts but not its version or command, which the
        // change (now the event itself) needs; a replacement also said whom the setup guide went to (now the
        // new agent's email, derived) and a deletion its refund (always zero, gone). Such replies were never stored by the library (its store keeps
        // events), and the decisions that carried them are read through their events above.
        var accepted = Histories.SelectMany(history => history.Decisions()).Select(decision => decision.Outcome)
            .Zip(StoredFiles.Lines("outcomes")).Where(pair => pair.First.IsAccepted).ToList();

        Assert.Equal(5, accepted.Select(pair => pair.First.Kind).Distinct().Count());
        Assert.All(accepted, pair =>
        {
            var refused = Assert.IsType<SeatPolicyJsonException>(Record.Exception(() => Same.Read<TurnoverOutcome>(pair.Second)));
            Assert.Contains(refused.FullPath, (string[])["$.version", "$.setupGuideSentTo", "$.refund"]);
        });
    }

    [Fact]
    public void Events_ReadAsTheHistoryOfToday()
    {
        var expected = Histories.SelectMany(history => history.Final().History).ToList();
        var stored = StoredFiles.Lines("events").Select(Same.Read<SeatEvent>).ToList();

        Assert.Equal(expected, stored);
        Assert.Equal(5, stored.Select(change => change.GetType()).Distinct().Count());
    }

    [Fact]
    public void Accounts_ReadAsTheAccountsTheCommandsLeaveToday()
    {
        var stored = StoredFiles.Lines("accounts");

        Assert.Equal(Histories.Select(history => history.Final()), stored.Select(Same.Read<Account>));
    }

    [Fact]
    public void Invoices_ReadAsTheInvoicesOfToday()
    {
        var expected = Histories.SelectMany(history => history.Final().Invoices(history.InvoicesFrom, history.InvoicesThrough)).ToList();
        var stored = StoredFiles.Lines("invoices").Select(Same.Read<Invoice>).ToList();

        Assert.Equal(expected, stored);
        Assert.Equal(expected.Select(Same.Write), stored.Select(Same.Write));
    }

    [Fact]
    public void NextBills_ReadAsTheNextBillsOfToday()
    {
        var expectedBills = Histories.Select(history => history.Final().PreviewNextBill(history.InvoicesThrough));
        var expectedInvoices = Histories.Select(history => history.Final().PreviewNextInvoice(history.InvoicesThrough));

        Assert.Equal(expectedBills.Select(Same.Write), StoredFiles.Lines("next-bills").Select(Same.Read<NextBill>).Select(Same.Write));
        Assert.Equal(expectedInvoices, StoredFiles.Lines("next-invoices").Select(Same.Read<Invoice>));
    }

    [Fact]
    public void PostgresRows_PayloadsReadAsTheOpeningsAndEventsOfToday()
    {
        var rows = StoredFiles.Lines("postgres-rows").Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var expected = Histories.SelectMany(history => new object[] { history.Opening }.Concat(history.Final().History)).ToList();

        Assert.Equal(expected.Count, rows.Count);
        Assert.All(expected.Zip(rows), pair =>
        {
            var payload = pair.Second.GetProperty("payload").GetString()!;
            object read = pair.First is Account ? Same.Read<Account>(payload) : Same.Read<SeatEvent>(payload);
            Assert.Equal(pair.First, read);
        });
    }

    [Fact]
    public void PlanOrSchedule_EachCase_ReadsBackAsItself()
    {
        var account = StoredHistories.All[0].Opening;
        var at = account.History.Count == 0 ? NodaTime.Instant.FromUtc(2026, 3, 10, 20, 0) : account.History[^1].At;
        var scheduled = TurnoverPolicy.Default.Decide(account, new DeleteAgent(new CommandId("s1"), at, Actor.Support, new SeatId("s2"), Effective: DeletionEffective.TermEnd));
        var nothing = TurnoverPolicy.Default.Decide(account, new CancelScheduledChange(new CommandId("s2"), at, Actor.Support, new SeatId("s2")));

        foreach (var decision in new[] { scheduled, nothing })
        {
            var scheduling = Assert.IsType<PlanOrSchedule>(decision.Outcome.Value);
            Assert.True(Same.Case(scheduling.Case, Same.RoundTrip(scheduling).Case), decision.ToString());
        }
    }
}
