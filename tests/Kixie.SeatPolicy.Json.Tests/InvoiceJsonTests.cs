using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kixie.SeatPolicy.Json.Tests.Generators;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>Invoices in the one dialect: the format spec's invoice with its currency and each line's facts; read back equal.</summary>
public sealed class InvoiceJsonTests
{
    [SeatPolicyJsonProperty]
    public void Every_invoice_of_an_accounts_history_reads_back_equal_and_writes_the_same_text(AccountRun run)
    {
        var account = run.Final;
        var anchor = account.Billing.Anchor;
        foreach (var terms in (ReadOnlySpan<AddChargeBilling>)[AddChargeBilling.Immediately, AddChargeBilling.OnNextBill])
        {
            foreach (var invoice in account.WithAddCharges(terms).Invoices(anchor.PlusMonths(-2), anchor.PlusMonths(14)))
            {
                var json = Same.Write(invoice);

                var read = Same.Read<Invoice>(json);

                Assert.Equal(invoice, read);
                Assert.Equal(json, Same.Write(read));
            }
        }
    }

    [Fact]
    public void Write_Bill_IsTheFormatSpecsInvoiceWithItsCurrencyAndPeriods()
    {
        var bill = Acme.WithHistory().PreviewNextInvoice(new LocalDate(2026, 3, 17));

        var json = JsonNode.Parse(JsonSerializer.Serialize(bill, SeatPolicyJson.Options))!;

        Assert.Equal("Bill", (string?)json["kind"]);
        Assert.Equal("USD", (string?)json["currency"]);
        Assert.Equal(bill.Total.ToString(), (string?)json["total"]);
        var line = json["lines"]![0]!;
        Assert.Equal(["kind", "seat", "amount", "detail", "period"], line.AsObject().Select(member => member.Key));
        Assert.Equal(bill.Lines[0].Explain(), (string?)line["detail"]);
    }

    [Fact]
    public void Read_TotalThatIsNotTheSumOfTheLines_NamesTheTotal()
    {
        var bill = Acme.WithHistory().PreviewNextInvoice(new LocalDate(2026, 3, 17));
        var json = JsonNode.Parse(JsonSerializer.Serialize(bill, SeatPolicyJson.Options))!;
        json["total"] = "999.99";

        var thrown = Assert.Throws<SeatPolicyJsonException>(() => JsonSerializer.Deserialize<Invoice>(json.ToJsonString(), SeatPolicyJson.Options));

        Assert.Equal("$.total", thrown.Member);
    }

    [Fact]
    public void Read_SeatLineAmountThatIsNotItsPrice_NamesTheAmount()
    {
        var bill = Acme.WithHistory().PreviewNextInvoice(new LocalDate(2026, 3, 17));
        var json = JsonNode.Parse(JsonSerializer.Serialize(bill, SeatPolicyJson.Options))!;
        json["lines"]![0]!["amount"] = "-1.00";

        var thrown = Assert.Throws<SeatPolicyJsonException>(() => JsonSerializer.Deserialize<Invoice>(json.ToJsonString(), SeatPolicyJson.Options));

        Assert.Equal("$.lines[0].amount", thrown.Member);
    }
}
