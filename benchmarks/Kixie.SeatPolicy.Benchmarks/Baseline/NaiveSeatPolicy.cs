namespace Kixie.SeatPolicy.Benchmarks.Baseline;

// The straightforward version a team writes by hand: DateTime, decimal, and a List<Seat> copied on
// every change. It lives here only so the engine's speed is measured against it in the same run.

public sealed class NaiveSeat
{
    public string Id = "";
    public string? Name;
    public string? Email;
    public string Role = "Agent";
    public string? DirectNumber;
}

public sealed class NaiveAccount
{
    public List<NaiveSeat> Seats = new();
    public decimal Price;
    public DateTime Anchor;
    public int CycleMonths = 1;
    public string TimeZoneId = "America/Los_Angeles";
    public int Version;
}

public static class NaiveSeatPolicy
{
    public static NaiveAccount FromFixture(int seats)
    {
        var account = new NaiveAccount { Price = 30.00m, Anchor = new DateTime(2026, 1, 31) };
        for (var i = 0; i < seats; i++)
        {
            account.Seats.Add(new NaiveSeat
            {
                Id = $"s{i}",
                Name = i == seats - 1 && i > 0 ? null : $"Agent {i}",
                Email = i == seats - 1 && i > 0 ? null : Fixtures.Email(i),
                Role = i == 0 ? "Admin" : "Agent",
                DirectNumber = "+14155550100",
            });
        }

        return account;
    }

    public static decimal Prorate(NaiveAccount account, DateTime utc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(account.TimeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone).Date;
        var k = 0;
        while (account.Anchor.AddMonths((k + 1) * account.CycleMonths) <= local)
        {
            k++;
        }

        while (account.Anchor.AddMonths(k * account.CycleMonths) > local)
        {
            k--;
        }

        var start = account.Anchor.AddMonths(k * account.CycleMonths);
        var end = account.Anchor.AddMonths((k + 1) * account.CycleMonths);
        var remaining = (decimal)(end - local).TotalDays;
        var total = (decimal)(end - start).TotalDays;
        return Math.Round(account.Price * remaining / total, 2, MidpointRounding.AwayFromZero);
    }

    public static (NaiveAccount Account, decimal Charge) Add(NaiveAccount account, string actor, string name, string email, DateTime utc)
    {
        Authorize(account, actor);
        if (account.Seats.Any(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException("email in use");
        }

        var charge = Prorate(account, utc);
        var seats = new List<NaiveSeat>(account.Seats) { new() { Id = $"seat-{account.Seats.Count + 1}", Name = name, Email = email } };
        return (Next(account, seats), charge);
    }

    public static NaiveAccount Replace(NaiveAccount account, string actor, string seatId, string name, string email)
    {
        Authorize(account, actor);
        var index = account.Seats.FindIndex(s => s.Id == seatId);
        if (index < 0 || account.Seats.Any(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException("cannot replace");
        }

        var seats = new List<NaiveSeat>(account.Seats);
        var old = seats[index];
        seats[index] = new NaiveSeat { Id = old.Id, Name = name, Email = email, Role = old.Role, DirectNumber = old.DirectNumber };
        return Next(account, seats);
    }

    public static NaiveAccount Deactivate(NaiveAccount account, string actor, string seatId)
    {
        Authorize(account, actor);
        var seats = new List<NaiveSeat>(account.Seats);
        var index = seats.FindIndex(s => s.Id == seatId);
        var old = seats[index];
        seats[index] = new NaiveSeat { Id = old.Id, Role = old.Role, DirectNumber = old.DirectNumber };
        return Next(account, seats);
    }

    public static NaiveAccount Update(NaiveAccount account, string actor, string seatId, string name)
    {
        Authorize(account, actor);
        var seats = new List<NaiveSeat>(account.Seats);
        var index = seats.FindIndex(s => s.Id == seatId);
        var old = seats[index];
        seats[index] = new NaiveSeat { Id = old.Id, Name = name, Email = old.Email, Role = old.Role, DirectNumber = old.DirectNumber };
        return Next(account, seats);
    }

    public static NaiveAccount Delete(NaiveAccount account, string seatId)
    {
        var seats = new List<NaiveSeat>(account.Seats);
        seats.RemoveAt(seats.FindIndex(s => s.Id == seatId));
        return Next(account, seats);
    }

    public static (DateTime Date, decimal Total) NextBill(NaiveAccount account, DateTime local)
    {
        var k = 0;
        while (account.Anchor.AddMonths(k * account.CycleMonths) <= local)
        {
            k++;
        }

        return (account.Anchor.AddMonths(k * account.CycleMonths), account.Seats.Count * account.Price);
    }

    private static void Authorize(NaiveAccount account, string actor)
    {
        var seat = account.Seats.FirstOrDefault(s => string.Equals(s.Email, actor, StringComparison.OrdinalIgnoreCase));
        if (actor != "support" && (seat is null || seat.Role == "Agent"))
        {
            throw new UnauthorizedAccessException(actor);
        }
    }

    private static NaiveAccount Next(NaiveAccount account, List<NaiveSeat> seats) => new()
    {
        Seats = seats,
        Price = account.Price,
        Anchor = account.Anchor,
        CycleMonths = account.CycleMonths,
        TimeZoneId = account.TimeZoneId,
        Version = account.Version + 1,
    };
}
