using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>
/// Found by the invoice laws on edge-weighted scenarios (InvoiceLawTests, "Billing adds on the next bill
/// moves their charges … but not their sum"): quarterly from 9999-03-15, an add on 9999-10-22 billed on the
/// next bill was accepted with its charge, but that bill (9999-12-15) covers a period ending on 10000-03-15,
/// which NodaTime cannot represent, so no invoice ever carried the charge. Such an add is now refused naming
/// <c>at</c>; billed immediately, it is still accepted and invoiced on its day.
/// </summary>
public sealed class AddChargesAtTheEndOfTimeTests
{
    private static readonly BillingCalendar QuarterlyFromMarch15 = new(BillingCycle.Quarterly, new LocalDate(9999, 3, 15));

    private static readonly Instant InTheLastPeriod = Instant.FromUtc(9999, 10, 22, 12, 0);

    private static Account Acme9999(AddChargeBilling addCharges) =>
        Account.Open("acme", DateTimeZone.Utc, Usd("30.00"), QuarterlyFromMarch15, AcmeSeats(), addCharges: addCharges);

    private static AddAgent AddOmar(Instant at) => new(Cmd("c1"), at, Ada, "Omar Diaz", "omar@acme.test", Role.Agent);

    [Fact]
    public void Decide_AnAddOnTheNextBillInTheLastPeriod_IsInvalidNamingAt()
    {
        var account = Acme9999(AddChargeBilling.OnNextBill);

        var decision = Engine.Decide(account, AddOmar(InTheLastPeriod));

        Assert.True(account.CanBillAt(InTheLastPeriod));
        Assert.False(account.TryPreviewNextInvoice(new LocalDate(9999, 10, 22), out _));
        var invalid = Assert.IsType<InvalidCommand>(decision.Outcome.Case);
        Assert.Equal("at", invalid.Field);
        Assert.Contains("9999-12-15", invalid.Reason, System.StringComparison.Ordinal);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Decide_AnAddBilledImmediatelyInTheLastPeriod_IsAddedAndInvoicedOnItsDay()
    {
        var account = Acme9999(AddChargeBilling.Immediately);

        var (decision, after) = Run(account, AddOmar(InTheLastPeriod));

        var added = Assert.IsType<Added>(decision.Outcome.Case);
        var invoice = Assert.Single(after.Invoices(new LocalDate(9999, 10, 22), LocalDate.MaxIsoValue));
        Assert.Equal(InvoiceKind.Add, invoice.Kind);
        Assert.Equal(added.Charge.Amount, invoice.Total);
    }

    [Fact]
    public void Decide_AnAddOnTheNextBillInThePeriodBefore_IsOnTheLastBill()
    {
        var account = Acme9999(AddChargeBilling.OnNextBill);

        var (decision, after) = Run(account, AddOmar(Instant.FromUtc(9999, 8, 1, 12, 0)));

        var added = Assert.IsType<Added>(decision.Outcome.Case);
        var bill = Assert.Single(after.Invoices(new LocalDate(9999, 9, 15), LocalDate.MaxIsoValue));
        Assert.Equal(new LocalDate(9999, 9, 15), bill.Date);
        Assert.Equal(added.Charge.Amount, Assert.Single(bill.Lines, line => line.Kind == InvoiceLineKind.Add).Amount);
    }
}
