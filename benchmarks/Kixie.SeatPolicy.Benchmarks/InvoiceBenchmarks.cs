using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Kixie.SeatPolicy.Benchmarks.Baseline;
using NodaTime;

namespace Kixie.SeatPolicy.Benchmarks;

/// <summary>
/// Invoices (rulebook §10), each beside the hand-written baseline on the same input: a year of monthly
/// invoices for a 1,000-seat account with 5,000 events (adds, replacements, edits, deactivations,
/// deletions spread over the year), and the next bill of a 100,000-seat account.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InvoiceBenchmarks
{
    private static readonly LocalDate YearStart = new(2026, 1, 1);
    private static readonly LocalDate YearEnd = new(2026, 12, 31);
    private static readonly LocalDate AsOf = new(2026, 3, 17);

    private Account _year = null!;
    private Account _yearOnNextBill = null!;
    private List<NaiveBilledSeat> _naiveSeats = null!;
    private List<NaiveAdd> _naiveAdds = null!;
    private Account _large = null!;
    private NaiveAccount _naiveLarge = null!;

    [GlobalSetup]
    public void Setup()
    {
        _year = Fixtures.YearOfTurnover(1_000, 5_000);
        _yearOnNextBill = _year.WithAddCharges(AddChargeBilling.OnNextBill);
        (_naiveSeats, _naiveAdds) = Naive(_year);
        _large = Fixtures.Account(100_000);
        _naiveLarge = NaiveSeatPolicy.FromFixture(100_000);

        var engine = _year.Invoices(YearStart, YearEnd).Sum(invoice => invoice.Total.MinorUnits);
        var baseline = NaiveInvoices.Between(_naiveSeats, _naiveAdds, ToDateTime(Fixtures.Anchor), 30.00m, ToDateTime(YearStart), ToDateTime(YearEnd)).Sum(invoice => invoice.Total);
        if (_year.History.Count != 5_000 || engine != (long)(baseline * 100))
        {
            throw new InvalidOperationException($"The engine ({engine} cents, {_year.History.Count} events) and the baseline ({baseline}) disagree.");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("YearOf1000Seats5000Events")]
    public decimal YearBaseline() =>
        NaiveInvoices.Between(_naiveSeats, _naiveAdds, ToDateTime(Fixtures.Anchor), 30.00m, ToDateTime(YearStart), ToDateTime(YearEnd)).Sum(invoice => invoice.Total);

    [Benchmark, BenchmarkCategory("YearOf1000Seats5000Events")]
    public long Year() => Total(_year.Invoices(YearStart, YearEnd));

    [Benchmark, BenchmarkCategory("YearOf1000Seats5000Events")]
    public long YearOnNextBill() => Total(_yearOnNextBill.Invoices(YearStart, YearEnd));

    [Benchmark(Baseline = true), BenchmarkCategory("BillAt100000Seats")]
    public decimal BillBaseline() => NaiveInvoices.Bill(_naiveLarge.Seats, _naiveLarge.Anchor, _naiveLarge.Price, new DateTime(2026, 3, 17)).Total;

    [Benchmark, BenchmarkCategory("BillAt100000Seats")]
    public Invoice Bill() => _large.PreviewNextInvoice(AsOf);

    private static long Total(IEnumerable<Invoice> invoices)
    {
        long total = 0;
        foreach (var invoice in invoices)
        {
            total += invoice.Total.MinorUnits;
        }

        return total;
    }

    private static DateTime ToDateTime(LocalDate date) => new(date.Year, date.Month, date.Day);

    /// <summary>The baseline's lists from the same account: every seat ever with its dates, every add with its charge.</summary>
    private static (List<NaiveBilledSeat> Seats, List<NaiveAdd> Adds) Naive(Account account)
    {
        var deleted = account.History.OfType<Deleted>().ToDictionary(change => change.Seat.Value, change => ToDateTime(account.LocalDateOf(change.At)));
        var seats = account.InitialSeats.Select(seat => new NaiveBilledSeat { Id = seat.Seat.Value, Deleted = deleted.TryGetValue(seat.Seat.Value, out var on) ? on : null }).ToList();
        var adds = new List<NaiveAdd>();
        foreach (var added in account.History.OfType<Added>())
        {
            var date = ToDateTime(account.LocalDateOf(added.At));
            seats.Add(new NaiveBilledSeat { Id = added.Seat.Value, Created = date, Deleted = deleted.TryGetValue(added.Seat.Value, out var on) ? on : null });
            adds.Add(new NaiveAdd { Seat = added.Seat.Value, Date = date, Charge = added.Charge.Amount.MinorUnits / 100m });
        }

        return (seats, adds);
    }
}
