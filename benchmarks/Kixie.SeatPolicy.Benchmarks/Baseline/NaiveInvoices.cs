namespace Kixie.SeatPolicy.Benchmarks.Baseline;

// The invoices a team writes by hand: every seat ever created in a List with DateTime dates, and for
// each bill date a loop over all of them; add invoices from a List of adds; decimal money. It lives
// here only so that the engine's invoices are measured against it in the same run.

public sealed class NaiveBilledSeat
{
    public string Id = "";
    public DateTime Created = DateTime.MinValue; // initial seats: always there
    public DateTime? Deleted;
}

public sealed class NaiveAdd
{
    public string Seat = "";
    public DateTime Date;
    public decimal Charge;
}

public sealed class NaiveLine
{
    public string Seat = "";
    public decimal Amount;
    public DateTime PeriodStart;
    public DateTime PeriodEnd;
}

public sealed class NaiveInvoice
{
    public DateTime Date;
    public bool IsBill;
    public List<NaiveLine> Lines = new();
    public decimal Total;
}

public static class NaiveInvoices
{
    /// <summary>Every invoice dated in [from, through]: a bill per bill date (a loop over every seat ever), an invoice per add; sorted by date.</summary>
    public static List<NaiveInvoice> Between(List<NaiveBilledSeat> seats, List<NaiveAdd> adds, DateTime anchor, decimal price, DateTime from, DateTime through)
    {
        var invoices = new List<NaiveInvoice>();
        var k = 0;
        while (anchor.AddMonths(k) >= from)
        {
            k--;
        }

        for (; anchor.AddMonths(k) <= through; k++)
        {
            var bill = anchor.AddMonths(k);
            if (bill < from)
            {
                continue;
            }

            var invoice = new NaiveInvoice { Date = bill, IsBill = true };
            var end = anchor.AddMonths(k + 1);
            foreach (var seat in seats)
            {
                if (seat.Created < bill && !(seat.Deleted < bill))
                {
                    invoice.Lines.Add(new NaiveLine { Seat = seat.Id, Amount = price, PeriodStart = bill, PeriodEnd = end });
                    invoice.Total += price;
                }
            }

            invoices.Add(invoice);
        }

        foreach (var add in adds)
        {
            if (add.Date >= from && add.Date <= through)
            {
                var invoice = new NaiveInvoice { Date = add.Date, Lines = { new NaiveLine { Seat = add.Seat, Amount = add.Charge } }, Total = add.Charge };
                invoices.Add(invoice);
            }
        }

        return invoices.OrderBy(invoice => invoice.Date).ThenBy(invoice => invoice.IsBill ? 0 : 1).ToList();
    }

    /// <summary>One bill: a loop over a List of seats, one line each.</summary>
    public static NaiveInvoice Bill(List<NaiveSeat> seats, DateTime anchor, decimal price, DateTime asOf)
    {
        var k = 0;
        while (anchor.AddMonths(k) <= asOf)
        {
            k++;
        }

        var date = anchor.AddMonths(k);
        var end = anchor.AddMonths(k + 1);
        var invoice = new NaiveInvoice { Date = date, IsBill = true, Lines = new List<NaiveLine>(seats.Count) };
        foreach (var seat in seats)
        {
            invoice.Lines.Add(new NaiveLine { Seat = seat.Id, Amount = price, PeriodStart = date, PeriodEnd = end });
            invoice.Total += price;
        }

        return invoice;
    }
}
