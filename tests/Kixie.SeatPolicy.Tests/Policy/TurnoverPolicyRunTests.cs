using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary><see cref="CommandRuns.Run"/>: commands in order, one result each, replays counted once.</summary>
public sealed class TurnoverPolicyRunTests
{
    private static AddAgent AddOmar(string id = "c1") =>
        new(Cmd(id), Noon(2026, 3, 17), Ada, "Omar Diaz", "omar@acme.test", Role.Agent);

    [Fact]
    public void Run_SameAddSentTwice_IsChargedOnceAndShowsTheReplayWithTheOriginalCharge()
    {
        var run = Engine.Run(Acme(), [AddOmar(), AddOmar()]);

        Assert.Equal([false, true], run.Results.Select(result => result.Replayed));
        Assert.Equal(run.Results[0].Charge, run.Results[1].Charge);
        Assert.False(run.Results[0].Charge.IsZero);
        Assert.Equal(run.Results[0].Charge, run.Charged);
        Assert.Equal(5, run.Account.SeatCount);
        Assert.Equal(AddOmar(), run.Results[1].Command);
    }

    [Fact]
    public void Run_Results_NameTheNewSeatForAnAddTheCommandsSeatOtherwiseAndNoneForABlankOne()
    {
        var run = Engine.Run(
            Acme(),
            [
                AddOmar(),
                new DeactivateAgent(Cmd("c2"), Noon(2026, 3, 18), Ada, S2),
                new MalformedCommand(Cmd("c3"), Noon(2026, 3, 19), Ada, "seat", "unreadable", Seat: new SeatId(" ")),
            ]);

        Assert.Equal([new SeatId("seat-5"), S2, null], run.Results.Select(result => result.Seat));
        Assert.Equal([OutcomeKind.Added, OutcomeKind.Deactivated, OutcomeKind.InvalidCommand], run.Results.Select(result => result.Outcome.Kind));
        Assert.Equal(new LocalDate(2026, 3, 18), run.Results[1].Date);
    }

    [Fact]
    public void Run_NoCommands_LooksFromTheAnchorWithNoInvoicesAndNothingCharged()
    {
        var account = Acme();

        var run = Engine.Run(account, []);

        Assert.Same(account, run.Opening);
        Assert.Same(account, run.Account);
        Assert.Equal(MonthlyOnThe1st.Anchor, run.BillAsOf);
        Assert.Equal(new LocalDate(2026, 4, 1), run.NextBill.Date);
        Assert.Empty(run.Invoices);
        Assert.True(run.Charged.IsZero);
    }

    [Fact]
    public void Run_Invoices_AreThoseFromTheFirstCommandsDateThroughTheLast()
    {
        var later = new DeactivateAgent(Cmd("c2"), Noon(2026, 5, 3), Ada, S2);

        var run = Engine.Run(Acme(), [AddOmar(), later]);

        Assert.Equal(new LocalDate(2026, 5, 3), run.BillAsOf);
        var expected = run.Account.Invoices(new LocalDate(2026, 3, 17), run.BillAsOf);
        Assert.Equal(expected.Select(Facts), run.Invoices.Select(Facts));
        Assert.Equal(new LocalDate(2026, 6, 1), run.NextBill.Date);
    }

    private static (LocalDate, InvoiceKind, Money, int) Facts(Invoice invoice) =>
        (invoice.Date, invoice.Kind, invoice.Total, invoice.Lines.Length);

    [Fact]
    public void Run_AsOfGiven_IsTheDateTheNextBillIsLookedUpFrom()
    {
        var run = Engine.Run(Acme(), [AddOmar()], new LocalDate(2026, 4, 15));

        Assert.Equal(new LocalDate(2026, 4, 15), run.BillAsOf);
        Assert.Equal(new LocalDate(2026, 5, 1), run.NextBill.Date);
        Assert.Equal([InvoiceKind.Add, InvoiceKind.Bill], run.Invoices.Select(invoice => invoice.Kind));
    }

    [Fact]
    public void Run_AsOfWithNoNextBillWithinTime_IsRefusedOnAsOf()
    {
        var refused = Assert.Throws<ValueRefusedException>(() => Engine.Run(Acme(), [], new LocalDate(9999, 12, 15)));

        Assert.Equal("asOf", refused.Member);
        Assert.Equal(new LocalDate(9999, 12, 15), refused.Value);
        Assert.StartsWith("9999-12-15 has no next bill", refused.Reason, StringComparison.Ordinal);
        Assert.EndsWith("can be looked up from -9998-02-01 through 9999-10-31", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AsOfTheLastDateNamedInTheRefusal_HasANextBillAndTheDayAfterHasNone()
    {
        Assert.Equal(new LocalDate(9999, 11, 1), Engine.Run(Acme(), [], new LocalDate(9999, 10, 31)).NextBill.Date);

        var refused = Assert.Throws<ValueRefusedException>(() => Engine.Run(Acme(), [], new LocalDate(9999, 11, 1)));
        Assert.Equal("asOf", refused.Member);
    }

    [Fact]
    public void Run_LastCommandInTheLastPeriodOfTime_LooksFromTheLastDateWithANextBill()
    {
        var billing = new BillingCalendar(BillingCycle.Monthly, new LocalDate(9999, 1, 1));
        var account = Acme(billing: billing);
        var late = new DeactivateAgent(Cmd("c1"), Instant.FromUtc(9999, 12, 20, 12, 0), Ada, S2);

        var run = Engine.Run(account, [late]);

        Assert.True(run.BillAsOf < run.NextBill.Date);
        Assert.Equal(Facts(run.Account.PreviewNextInvoice(run.BillAsOf)), Facts(run.NextBill));
    }

    [Fact]
    public void Run_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Engine.Run(null!, []));
        Assert.Throws<ArgumentNullException>(() => Engine.Run(Acme(), null!));
    }

    [SeatPolicyProperty]
    public Property A_run_counts_every_accepted_add_once_however_often_it_is_sent(EngineScenario scenario)
    {
        var (_, issued) = ModelRun.Play(scenario);
        var opening = scenario.Account.Open();

        var run = scenario.Policy.Run(opening, [.. issued, .. issued]);

        var sent = run.Results.Where(result => !result.Replayed).Aggregate(Money.Zero(opening.Currency), (sum, result) => sum + result.Charge);
        return (run.Results.Length == 2 * issued.Count
                && run.Charged == run.Account.AddChargesAfter(0)
                && run.Charged == sent)
            .Label("charged once: the sum of the adds' events and of the results that are not replays");
    }
}
