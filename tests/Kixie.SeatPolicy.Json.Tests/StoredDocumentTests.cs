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

        // A decision is written, never read whole: its outcome and events are read, and its replay flag.
        Assert.Equal(expected.Count, stored.Count);
        Assert.All(expected.Zip(stored), pair =>
        {
            var (decision, document) = pair;
            Assert.True(Same.Case(decision.Outcome.Case, Same.Read<TurnoverOutcome>(document.GetProperty("outcome").GetRawText()).Case), decision.ToString());
            Assert.Equal(decision.Events, Same.Read<SeatEvent[]>(document.GetProperty("events").GetRawText()));
            Assert.Equal(decision.IsReplay, document.GetProperty("isReplay").GetBoolean());
        });
    }

    [Fact]
    public void Outcomes_ReadAsTheOutcomesOfToday_AllFifteenKinds()
    {
        var expected = Histories.SelectMany(history => history.Decisions()).Select(decision => decision.Outcome).ToList();
        var stored = StoredFiles.Lines("outcomes").Select(Same.Read<TurnoverOutcome>).ToList();

        Assert.Equal(15, stored.Select(outcome => outcome.Kind).Distinct().Count());
        Assert.Equal(expected.Select(outcome => outcome.Kind), stored.Select(outcome => outcome.Kind));
        Assert.All(expected.Zip(stored), pair => Assert.True(Same.Case(pair.First.Case, pair.Second.Case), $"{pair.First} was stored as {pair.Second}"));
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
}
