using System;
using System.Linq;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Invoices;

/// <summary>
/// Rulebook §10, one example per sentence: what each invoice of an account holds, line by line, and
/// in which order. Acme is billed 30.00 USD a seat on the 1st of every month and has four seats
/// (s1 Ada, s2 Jimmy, s3 Mia, s4 vacant).
/// </summary>
public sealed class InvoiceTests
{
    private static readonly SeatId S5 = new("s5");
    private static readonly SeatId S6 = new("s6");

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static AddAgent Add(string id, Instant at, SeatId seat, string name = "Bo Li", string? email = null) =>
        new(Cmd(id), at, Ada, name, email ?? $"{seat}@acme.test", Role.Agent, seat);

    private static string[] Seats(Invoice invoice, InvoiceLineKind kind = InvoiceLineKind.Seat) =>
        [.. invoice.Lines.Where(line => line.Kind == kind).Select(line => line.Seat.Value)];

    private static string[] Summary(Account account, LocalDate from, LocalDate through) =>
        [.. account.Invoices(from, through).Select(invoice => FormattableString.Invariant($"{invoice.Date:uuuu-MM-dd} {invoice.Kind} {invoice.Total}"))];

    [Fact]
    public void Invoices_AddOnABillDate_PaysTheFullPriceOnItsOwnInvoiceAndIsOnTheNextBillOnly()
    {
        var (_, after) = Run(Acme(), Add("c1", Noon(2026, 4, 1), S5));

        var invoices = after.Invoices(D(2026, 4, 1), D(2026, 5, 1)).ToList();

        Assert.Equal(["2026-04-01 Bill 120.00", "2026-04-01 Add 30.00", "2026-05-01 Bill 150.00"], Summary(after, D(2026, 4, 1), D(2026, 5, 1)));
        Assert.Equal(["s1", "s2", "s3", "s4"], Seats(invoices[0]));
        var add = Assert.Single(invoices[1].Lines);
        Assert.Equal((InvoiceLineKind.Add, S5, Usd("30.00")), (add.Kind, add.Seat, add.Amount));
        Assert.Equal("30 of 30 days left in 2026-04-01..2026-05-01: 30.00 × 30/30 = 30.000 → 30.00", add.Explain());
        Assert.Equal((D(2026, 4, 1), Cmd("c1")), (add.AddedOn, add.Command));
        Assert.Equal(["s1", "s2", "s3", "s4", "s5"], Seats(invoices[2]));
    }

    [Fact]
    public void Invoices_DeletionOnABillDate_IsOnThatBillAndGoneFromTheNext()
    {
        var (decision, after) = Run(Acme(), new DeleteAgent(Cmd("c1"), Noon(2026, 4, 1), Support, S4));

        var bills = after.Invoices(D(2026, 4, 1), D(2026, 5, 1)).ToList();

        Assert.Equal(D(2026, 5, 1), Assert.IsType<Deleted>(decision.Outcome.Case).OffBillFrom);
        Assert.Equal(["s1", "s2", "s3", "s4"], Seats(bills[0]));
        Assert.Equal(["s1", "s2", "s3"], Seats(bills[1]));
        Assert.Equal([Usd("120.00"), Usd("90.00")], bills.Select(bill => bill.Total));
    }

    [Fact]
    public void Invoices_DeletionTheDayBeforeABillDate_IsNotOnThatBill()
    {
        var (_, after) = Run(Acme(), new DeleteAgent(Cmd("c1"), Noon(2026, 3, 31), Support, S4));

        var bill = Assert.Single(after.Invoices(D(2026, 4, 1), D(2026, 4, 1)));

        Assert.Equal(["s1", "s2", "s3"], Seats(bill));
        Assert.Equal(Usd("90.00"), bill.Total);
        // …and it was on the bill of 1 March, when it still existed.
        Assert.Equal(4, after.Invoices(D(2026, 3, 1), D(2026, 3, 1)).Single().SeatLineCount);
    }

    [Fact]
    public void Invoices_VacantSeats_AreBilledInFull()
    {
        var (_, after) = Run(Acme(), new DeactivateAgent(Cmd("c1"), Noon(2026, 3, 17), Ada, S2));

        var bill = Assert.Single(after.Invoices(D(2026, 4, 1), D(2026, 4, 1)));

        Assert.True(after.FindSeat(S2)!.IsVacant && after.FindSeat(S4)!.IsVacant);
        Assert.Equal(["s1", "s2", "s3", "s4"], Seats(bill));
        Assert.All(bill.Lines, line => Assert.Equal((Usd("30.00"), "2026-04-01..2026-05-01"), (line.Amount, line.Explain())));
        Assert.Equal(Usd("120.00"), bill.Total);
    }

    [Fact]
    public void Invoices_RetriedAdd_IsBilledOnce()
    {
        var add = Add("c1", Noon(2026, 3, 17), S5);
        var (decisions, after) = RunAll(Acme(), add, add);

        var invoices = after.Invoices(D(2026, 3, 2), D(2026, 4, 1)).ToList();

        Assert.True(decisions[1].IsReplay);
        Assert.Equal(["2026-03-17 Add 14.52", "2026-04-01 Bill 150.00"], Summary(after, D(2026, 3, 2), D(2026, 4, 1)));
        Assert.Equal(["s1", "s2", "s3", "s4", "s5"], Seats(invoices[1]));
        Assert.Equal(Usd("14.52"), after.AddChargesAfter(0));
    }

    [Fact]
    public void Invoices_AddAtHalfPastMidnightLocalOnABillDateUnderOnNextBill_IsCollectedByTheFollowingBill()
    {
        // 00:30 on 1 April in Tokyo is 15:30 UTC on 31 March: the local date decides, and it is a bill date.
        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        var account = Account.Open(
            "nippon",
            tokyo,
            Usd("30.00"),
            MonthlyOnThe1st,
            [InitialSeat.Occupied(S1, "Ada Park", "ada@acme.test", Role.Admin)],
            addCharges: AddChargeBilling.OnNextBill);
        var at = new LocalDateTime(2026, 4, 1, 0, 30).InZoneStrictly(tokyo).ToInstant();
        var (_, after) = Run(account, Add("c1", at, S2));

        var invoices = after.Invoices(D(2026, 3, 1), D(2026, 5, 1)).ToList();

        Assert.Equal(D(2026, 3, 31), at.InUtc().Date);
        Assert.All(invoices, invoice => Assert.Equal(InvoiceKind.Bill, invoice.Kind));
        Assert.Equal(["2026-03-01 Bill 30.00", "2026-04-01 Bill 30.00", "2026-05-01 Bill 90.00"], Summary(after, D(2026, 3, 1), D(2026, 5, 1)));
        Assert.Equal(["s1"], Seats(invoices[1]));
        Assert.Empty(Seats(invoices[1], InvoiceLineKind.Add));
        Assert.Equal(["s1", "s2"], Seats(invoices[2]));
        var collected = invoices[2].Lines[^1];
        Assert.Equal((InvoiceLineKind.Add, S2, Usd("30.00"), D(2026, 4, 1)), (collected.Kind, collected.Seat, collected.Amount, collected.AddedOn));
        Assert.Equal("2026-04-01..2026-05-01", collected.Period.ToString());
    }

    [Fact]
    public void Invoices_OnNextBill_CollectsThePeriodsAddsAfterTheSeatLinesInHistoryOrder()
    {
        // c2 is sent after c1 but carries an earlier instant: add lines follow the history, not the clock.
        var (_, after) = RunAll(
            Acme(addCharges: AddChargeBilling.OnNextBill),
            Add("c1", Noon(2026, 3, 20), S5),
            Add("c2", Noon(2026, 3, 10), S6, "Cy Ho"),
            Add("c3", Noon(2026, 4, 1), new SeatId("s7"), "Di Wu"));

        var bill = Assert.Single(after.Invoices(D(2026, 3, 2), D(2026, 4, 1)));

        Assert.Equal(["s1", "s2", "s3", "s4", "s5", "s6"], Seats(bill));
        Assert.Equal(["s5", "s6"], Seats(bill, InvoiceLineKind.Add));
        Assert.Equal([Usd("11.61"), Usd("21.29")], bill.Lines.Where(line => line.Kind == InvoiceLineKind.Add).Select(line => line.Amount));
        Assert.Equal(Usd("180.00") + Usd("11.61") + Usd("21.29"), bill.Total);
        Assert.Equal(after.PreviewNextInvoice(D(2026, 3, 31)), bill);
    }

    [Fact]
    public void Invoices_SeveralOnOneDate_BillFirstThenAddInvoicesInHistoryOrder()
    {
        var (_, after) = RunAll(
            Acme(),
            Add("c1", Noon(2026, 3, 31), S5),
            Add("c2", Noon(2026, 4, 1) + Duration.FromHours(3), S6, "Cy Ho"),
            Add("c3", Noon(2026, 4, 1) - Duration.FromHours(3), new SeatId("s7"), "Di Wu"));

        var invoices = after.Invoices(D(2026, 3, 31), D(2026, 4, 1)).ToList();

        Assert.Equal([InvoiceKind.Add, InvoiceKind.Bill, InvoiceKind.Add, InvoiceKind.Add], invoices.Select(invoice => invoice.Kind));
        Assert.Equal([D(2026, 3, 31), D(2026, 4, 1), D(2026, 4, 1), D(2026, 4, 1)], invoices.Select(invoice => invoice.Date));
        Assert.Equal(["s5", "s6", "s7"], invoices.Where(invoice => invoice.Kind == InvoiceKind.Add).Select(invoice => invoice.Lines.Single().Seat.Value));
        Assert.Equal(["s1", "s2", "s3", "s4", "s5"], Seats(invoices[1]));
    }

    [Fact]
    public void Invoices_DeletionDatedBeforeItsAdd_NeverPutsTheSeatOnABillButItsChargeStays()
    {
        // Out-of-order instants: the deletion is accepted after the add but carries an earlier instant.
        var (decisions, after) = RunAll(
            Acme(),
            Add("c1", Noon(2026, 3, 20), S5),
            new DeleteAgent(Cmd("c2"), Noon(2026, 3, 10), Support, S5));

        var invoices = after.Invoices(D(2026, 3, 1), D(2026, 6, 1)).ToList();

        Assert.Equal(OutcomeKind.Deleted, decisions[1].Outcome.Kind);
        Assert.All(invoices.Where(invoice => invoice.Kind == InvoiceKind.Bill), bill => Assert.DoesNotContain("s5", Seats(bill)));
        Assert.Equal(Usd("11.61"), invoices.Single(invoice => invoice.Kind == InvoiceKind.Add).Total);
    }

    [Fact]
    public void Invoices_QuarterlyCalendar_BillsEachSeatForTheQuarterFromTheClampedBillDate()
    {
        var quarterly = new BillingCalendar(BillingCycle.Quarterly, D(2026, 1, 31));
        var (_, after) = Run(Acme(billing: quarterly), Add("c1", Noon(2026, 3, 17), S5));

        var invoices = after.Invoices(D(2026, 2, 1), D(2026, 10, 30)).ToList();

        Assert.Equal(["2026-03-17 Add 14.83", "2026-04-30 Bill 150.00", "2026-07-31 Bill 150.00"], Summary(after, D(2026, 2, 1), D(2026, 10, 30)));
        Assert.Equal("44 of 89 days left in 2026-01-31..2026-04-30: 30.00 × 44/89 = 14.831… → 14.83", invoices[0].Lines.Single().Explain());
        Assert.All(invoices[1].Lines, line => Assert.Equal("2026-04-30..2026-07-31", line.Explain()));
        Assert.All(invoices[2].Lines, line => Assert.Equal("2026-07-31..2026-10-31", line.Explain()));
    }

    [Fact]
    public void Invoices_AnnualCalendarFromTheLeapDay_BillsOnTheClampedAnniversaries()
    {
        var annual = new BillingCalendar(BillingCycle.Annual, D(2024, 2, 29));

        var invoices = Acme(billing: annual).Invoices(D(2025, 1, 1), D(2028, 12, 31)).ToList();

        Assert.Equal([D(2025, 2, 28), D(2026, 2, 28), D(2027, 2, 28), D(2028, 2, 29)], invoices.Select(invoice => invoice.Date));
        Assert.All(invoices, invoice => Assert.Equal(Usd("120.00"), invoice.Total));
        Assert.Equal("2027-02-28..2028-02-29", invoices[2].Lines[0].Explain());
        Assert.Equal("2028-02-29..2029-02-28", invoices[3].Lines[0].Explain());
    }

    [Fact]
    public void Invoices_JpyAccount_BillsWholeYen()
    {
        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        var yen = Money.Parse("3000", Currency.Jpy);
        var account = Account.Open("nippon", tokyo, yen, MonthlyOnThe1st, [InitialSeat.Occupied(S1, "Ada Park", "ada@acme.test", Role.Admin)]);
        var at = new LocalDateTime(2026, 3, 17, 12, 0).InZoneStrictly(tokyo).ToInstant();
        var (_, after) = Run(account, Add("c1", at, S2));

        var invoices = after.Invoices(D(2026, 3, 17), D(2026, 4, 1)).ToList();

        Assert.All(invoices, invoice => Assert.Equal(Currency.Jpy, invoice.Currency));
        Assert.Equal(Money.Parse("1452", Currency.Jpy), invoices[0].Total);
        Assert.Equal("15 of 31 days left in 2026-03-01..2026-04-01: 3000 × 15/31 = 1451.6… → 1452", invoices[0].Lines.Single().Explain());
        Assert.Equal(Money.Parse("6000", Currency.Jpy), invoices[1].Total);
        Assert.Equal("6000", invoices[1].Total.ToString());
    }

    [Fact]
    public void Invoices_KwdAccountOnNextBill_BillsFils()
    {
        var kuwait = DateTimeZoneProviders.Tzdb["Asia/Kuwait"];
        var dinars = Money.Parse("10.000", Currency.Kwd);
        var account = Account.Open(
            "kuwait",
            kuwait,
            dinars,
            MonthlyOnThe1st,
            [InitialSeat.Occupied(S1, "Ada Park", "ada@acme.test", Role.Admin)],
            addCharges: AddChargeBilling.OnNextBill);
        var at = new LocalDateTime(2026, 3, 17, 12, 0).InZoneStrictly(kuwait).ToInstant();
        var (_, after) = Run(account, Add("c1", at, S2));

        var bill = Assert.Single(after.Invoices(D(2026, 3, 2), D(2026, 4, 1)));

        Assert.Equal(Currency.Kwd, bill.Currency);
        Assert.Equal([Money.Parse("10.000", Currency.Kwd), Money.Parse("10.000", Currency.Kwd), Money.Parse("4.839", Currency.Kwd)], bill.Lines.Select(line => line.Amount));
        Assert.Equal("24.839", bill.Total.ToString());
        Assert.Equal("15 of 31 days left in 2026-03-01..2026-04-01: 10.000 × 15/31 = 4.8387… → 4.839", bill.Lines[2].Explain());
    }

    [Fact]
    public void Invoices_ScenarioFormatExample_AreTheSpecsInvoices()
    {
        var account = Account.Open(
            "acme",
            LosAngeles,
            Usd("30.00"),
            new BillingCalendar(BillingCycle.Monthly, D(2026, 1, 31)),
            [InitialSeat.Occupied(S1, "Ada Park", "ada@acme.test", Role.Admin), InitialSeat.Vacant(S2)],
            new ContractTerm(D(2026, 1, 1), D(2026, 12, 31)));
        var (decisions, after) = RunAll(
            account,
            new AddAgent(Cmd("c1"), Instant.FromUtc(2026, 3, 17, 18, 0), Ada, "Bo Li", "bo@acme.test", Role.Agent, S3),
            new ReplaceAgent(Cmd("c2"), Instant.FromUtc(2026, 3, 18, 18, 0), Ada, S2, "Cy Ho", "cy@acme.test"),
            new DeactivateAgent(Cmd("c3"), Instant.FromUtc(2026, 3, 19, 18, 0), Ada, S3),
            new DeleteAgent(Cmd("c4"), Instant.FromUtc(2026, 3, 20, 18, 0), Support, S3, 3));

        var invoices = after.Invoices(D(2026, 3, 17), D(2026, 3, 31)).ToList();

        Assert.Equal(OutcomeKind.DeletionBlocked, decisions[3].Outcome.Kind);
        Assert.Equal(["2026-03-17 Add 13.55", "2026-03-31 Bill 90.00"], Summary(after, D(2026, 3, 17), D(2026, 3, 31)));
        Assert.Equal(
            "14 of 31 days left in 2026-02-28..2026-03-31: 30.00 × 14/31 = 13.548… → 13.55",
            invoices[0].Lines.Single().Explain());
        Assert.Equal(
            ["Seat s1 30.00: 2026-03-31..2026-04-30", "Seat s2 30.00: 2026-03-31..2026-04-30", "Seat s3 30.00: 2026-03-31..2026-04-30"],
            invoices[1].Lines.Select(line => line.ToString()));
    }

    [Fact]
    public void Invoices_ThroughBeforeFrom_ThrowsAtOnceNamingTheEndWithBothDates()
    {
        var account = Acme();

        var thrown = Assert.Throws<ReversedDateRangeException>(() => account.Invoices(D(2026, 4, 1), D(2026, 3, 31)));

        Assert.IsAssignableFrom<ArgumentOutOfRangeException>(thrown);
        Assert.Equal("through", thrown.ParamName);
        Assert.Equal((D(2026, 4, 1), D(2026, 3, 31)), (thrown.From, thrown.Through));
        Assert.Equal(D(2026, 3, 31), thrown.ActualValue);
    }

    [Fact]
    public void Invoices_OneDayThatIsNoBillDate_IsEmpty()
    {
        Assert.Empty(Acme().Invoices(D(2026, 3, 17), D(2026, 3, 17)));
    }

    [Fact]
    public void Invoices_RangeToTheEndOfTime_StreamsAndStopsAtTheLastWholePeriod()
    {
        var invoices = Acme().Invoices(D(2026, 3, 1), LocalDate.MaxIsoValue);

        Assert.Equal([D(2026, 3, 1), D(2026, 4, 1), D(2026, 5, 1)], invoices.Take(3).Select(invoice => invoice.Date));
        // 9999-12-01's period would end in the year 10000, which NodaTime cannot represent.
        Assert.Equal(D(9999, 11, 1), invoices.Last().Date);
    }

    [Fact]
    public void PreviewNextInvoice_OnNextBill_IsTheBillWithItsAddLinesAndPreviewNextBillSumsIt()
    {
        var (_, after) = Run(Acme(addCharges: AddChargeBilling.OnNextBill), Add("c1", Noon(2026, 3, 17), S5));

        var preview = after.PreviewNextInvoice(D(2026, 3, 17));

        Assert.Equal(after.Invoices(D(2026, 4, 1), D(2026, 4, 1)).Single(), preview);
        Assert.Equal((InvoiceKind.Bill, 5, 6), (preview.Kind, preview.SeatLineCount, preview.Lines.Length));
        Assert.Equal(new NextBill(D(2026, 4, 1), 5, Usd("30.00"), Usd("164.52")), after.PreviewNextBill(D(2026, 3, 17)));
    }

    [Fact]
    public void PreviewNextBill_AsOfADateBeforeAnAdd_BillsTheSeatsThatExistedThen()
    {
        var (_, after) = Run(Acme(), Add("c1", Noon(2026, 3, 17), S5));

        Assert.Equal(new NextBill(D(2026, 3, 1), 4, Usd("30.00"), Usd("120.00")), after.PreviewNextBill(D(2026, 2, 20)));
        Assert.Equal(new NextBill(D(2026, 4, 1), 5, Usd("30.00"), Usd("150.00")), after.PreviewNextBill(D(2026, 3, 17)));
    }

    [Fact]
    public void NextBillFromInvoice_AddInvoiceOrOtherCurrency_Throws()
    {
        var (_, after) = Run(Acme(), Add("c1", Noon(2026, 3, 17), S5));
        var add = after.Invoices(D(2026, 3, 17), D(2026, 3, 17)).Single();
        var bill = after.PreviewNextInvoice(D(2026, 3, 17));

        Assert.Equal("bill", Assert.Throws<ArgumentException>(() => NextBill.FromInvoice(add, Usd("30.00"))).ParamName);
        Assert.Equal("seatPrice", Assert.Throws<ArgumentException>(() => NextBill.FromInvoice(bill, Money.Parse("30", Currency.Jpy))).ParamName);
        Assert.Throws<ArgumentNullException>(() => NextBill.FromInvoice(null!, Usd("30.00")));
    }

    [Fact]
    public void AddChargesAfter_AVersion_SumsTheAddsAcceptedSinceAndRejectsVersionsOutsideTheHistory()
    {
        var add = Add("c1", Noon(2026, 3, 17), S5);
        var (_, after) = RunAll(
            Acme(),
            add,
            new DeactivateAgent(Cmd("c2"), Noon(2026, 3, 18), Ada, S2),
            add,
            Add("c3", Noon(2026, 4, 1), S6, "Cy Ho"));

        Assert.Equal(3, after.Version);
        Assert.Equal(Usd("44.52"), after.AddChargesAfter(0));
        Assert.Equal(Usd("30.00"), after.AddChargesAfter(1));
        Assert.Equal(Usd("0.00"), after.AddChargesAfter(3));
        Assert.Equal("version", Assert.Throws<ArgumentOutOfRangeException>(() => after.AddChargesAfter(-1)).ParamName);
        Assert.Equal("version", Assert.Throws<ArgumentOutOfRangeException>(() => after.AddChargesAfter(4)).ParamName);
    }

    [Fact]
    public void AddCharges_SetAtOpening_IsKeptThroughReplayAndCountsForEquality()
    {
        var (_, immediately) = Run(Acme(), Add("c1", Noon(2026, 3, 17), S5));
        var (_, onNextBill) = Run(Acme(addCharges: AddChargeBilling.OnNextBill), Add("c1", Noon(2026, 3, 17), S5));

        Assert.Equal(AddChargeBilling.Immediately, Acme().AddCharges);
        Assert.Equal(AddChargeBilling.OnNextBill, onNextBill.AtOpening().AddCharges);
        Assert.Equal(onNextBill, onNextBill.AtOpening().Apply(onNextBill.History));
        Assert.NotEqual(immediately, onNextBill);
        Assert.Equal(onNextBill, immediately.WithAddCharges(AddChargeBilling.OnNextBill));
        Assert.Same(immediately, immediately.WithAddCharges(AddChargeBilling.Immediately));
    }

    [Fact]
    public void Open_UndefinedAddChargeBilling_ThrowsNamingIt()
    {
        var thrown = Assert.Throws<ValueRefusedException>(() => Acme(addCharges: (AddChargeBilling)2));

        Assert.Equal(("addCharges", "addCharges", (object?)(AddChargeBilling)2), (thrown.ParamName, thrown.Member, thrown.Value));
    }

    [Fact]
    public void Create_FromAnInvoicesOwnLines_IsEqualToItAndTotalsTheLines()
    {
        var (_, after) = Run(Acme(), Add("c1", Noon(2026, 3, 17), S5));
        var invoices = after.Invoices(D(2026, 3, 17), D(2026, 4, 1)).ToList();

        foreach (var invoice in invoices)
        {
            var rebuilt = Invoice.Create(invoice.Date, invoice.Kind, invoice.Currency, invoice.Lines);
            Assert.Equal(invoice, rebuilt);
            Assert.True(invoice.Equals((object)rebuilt));
            Assert.Equal(invoice.Lines.Aggregate(Money.Zero(Currency.Usd), (total, line) => total + line.Amount), rebuilt.Total);
        }

        Assert.Equal(Money.Zero(Currency.Usd), Invoice.Create(D(2026, 4, 1), InvoiceKind.Bill, Currency.Usd, []).Total);
    }

    [Fact]
    public void Create_WithAnotherDateKindOrLine_IsUnequal()
    {
        var bill = Acme().Invoices(D(2026, 4, 1), D(2026, 4, 1)).Single();
        var lines = bill.Lines;

        Assert.NotEqual(bill, Invoice.Create(D(2026, 4, 2), bill.Kind, bill.Currency, lines));
        Assert.NotEqual(bill, Invoice.Create(bill.Date, InvoiceKind.Add, bill.Currency, lines));
        Assert.NotEqual(bill, Invoice.Create(bill.Date, bill.Kind, bill.Currency, lines.RemoveAt(3)));
        Assert.NotEqual(bill, Invoice.Create(bill.Date, bill.Kind, bill.Currency, lines.Reverse()));
        Assert.False(bill.Equals(null));
    }

    [Fact]
    public void Create_AnUndefinedKind_IsRefusedNamingTheKind()
    {
        var refused = Assert.Throws<ValueRefusedException>(() => Invoice.Create(D(2026, 4, 1), (InvoiceKind)7, Currency.Usd, []));

        Assert.Equal(("kind", "kind", (object?)(InvoiceKind)7), (refused.ParamName, refused.Member, refused.Value));
    }

    [Fact]
    public void Create_ALineInAnotherCurrency_IsRefusedNamingTheLine()
    {
        var bill = Acme().Invoices(D(2026, 4, 1), D(2026, 4, 1)).Single();
        var euros = InvoiceLine.SeatLine(S5, Money.Parse("30.00", Currency.Eur), bill.Lines[0].Period);

        var refused = Assert.Throws<ValueRefusedException>(() => Invoice.Create(bill.Date, bill.Kind, Currency.Usd, bill.Lines.Insert(1, euros)));

        Assert.Equal(("lines", "lines[1]", (object?)euros.Amount), (refused.ParamName, refused.Member, refused.Value));
        Assert.Throws<ArgumentNullException>("lines", () => Invoice.Create(bill.Date, bill.Kind, Currency.Usd, null!));
    }

    [Fact]
    public void SeatLine_RebuiltFromItsFacts_EqualsTheBillsLineAndANegativePriceIsRefused()
    {
        var line = Acme().Invoices(D(2026, 4, 1), D(2026, 4, 1)).Single().Lines[0];

        var rebuilt = InvoiceLine.SeatLine(line.Seat, line.Amount, line.Period);
        var other = InvoiceLine.SeatLine(S5, line.Amount, line.Period);
        var refused = Assert.Throws<ValueRefusedException>(() => InvoiceLine.SeatLine(line.Seat, Usd("-0.01"), line.Period));

        Assert.True(rebuilt == line && !(rebuilt != line));
        Assert.True(other != line && !(other == line));
        Assert.Equal(("price", "price", (object?)Usd("-0.01")), (refused.ParamName, refused.Member, refused.Value));
        Assert.Equal(Money.Zero(Currency.Usd), InvoiceLine.SeatLine(line.Seat, Money.Zero(Currency.Usd), line.Period).Amount); // zero is allowed
    }
}
