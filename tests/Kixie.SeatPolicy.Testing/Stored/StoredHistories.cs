using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Kixie.SeatPolicy.Testing.Stored;

/// <summary>
/// The accounts and commands whose JSON documents and PostgreSQL rows, as the library wrote them on
/// 2026-12-07 (commit 9080347, before the names were made explicit), are committed under
/// <c>tests/data/stored/</c>. The stored-rows tests read those files and compare what they read with
/// these values, decided again by today's engine: a document or row once written must be read as the
/// same facts forever after, whatever the library's types come to be called.
/// </summary>
/// <remarks>
/// Between them the four accounts cover every event, every outcome (a replay too), every command type,
/// both add-charge billings, every proration option and both conventions. Change nothing here: the
/// files were written from exactly these values.
/// </remarks>
public static class StoredHistories
{
    /// <summary>The four accounts, each with the commands run on it and the dates of the views stored for it.</summary>
    public static ImmutableArray<StoredHistory> All { get; } =
    [
        LosAngelesContract(),
        TokyoKillBill(),
        KuwaitLago(),
        BerlinSeconds(),
    ];

    private static Instant At(DateTimeZone zone, int year, int month, int day, int hour = 12) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneLeniently(zone).ToInstant();

    /// <summary>A renewing contract in Los Angeles, every outcome of the rulebook in sixteen commands (the last a replay).</summary>
    private static StoredHistory LosAngelesContract()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        var ada = new Actor("ada@acme.test");
        var opening = Account.Open(
            "acme-la",
            zone,
            Money.Parse("30.00", Currency.Usd),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 1, 31)),
            [
                InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin, new SeatAssets
                {
                    DirectNumber = "+14155550100",
                    CallerId = "+14155550199",
                    RingGroups = ["sales", "support"],
                    Devices = ["desk-101"],
                }),
                InitialSeat.Occupied(new SeatId("s2"), "Jimmy Doe", "jimmy@acme.test", Role.Agent, new SeatAssets { DirectNumber = "+14155550101" }),
                InitialSeat.Vacant(new SeatId("s3"), Role.Manager),
            ],
            new ContractTerm(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), autoRenew: true));
        var add = new AddAgent(new CommandId("c1"), At(zone, 2026, 3, 17), ada, "Bo Li", "bo@acme.test", Role.Agent, new SeatId("s4"),
            new SeatAssets { DirectNumber = "+14155550104", Devices = ["softphone"] });
        var december = At(zone, 2026, 12, 5);
        var later = At(zone, 2026, 12, 6);
        return new StoredHistory(
            opening,
            [
                add,
                new ReplaceAgent(new CommandId("c2"), At(zone, 2026, 3, 18), ada, new SeatId("s2"), "Nina Lee", "nina@acme.test"),
                new DeactivateAgent(new CommandId("c3"), At(zone, 2026, 3, 19), ada, new SeatId("s4")),
                new UpdateAgent(new CommandId("c4"), At(zone, 2026, 3, 20), ada, new SeatId("s2"), Role: Role.Manager, ExpectedVersion: 3),
                new DeleteAgent(new CommandId("c5"), At(zone, 2026, 4, 1), ada, new SeatId("s3")),
                new DeleteAgent(new CommandId("c6"), december, ada, new SeatId("s3")),
                new DeleteAgent(new CommandId("c7"), december, Actor.Support, new SeatId("s3")),
                new DeactivateAgent(new CommandId("c8"), later, new Actor("stranger@elsewhere.test"), new SeatId("s2")),
                new DeactivateAgent(new CommandId("c9"), later, ada, new SeatId("s1")),
                new UpdateAgent(new CommandId("c10"), later, ada, new SeatId("s2"), "Nina Park", "nina.park@acme.test"),
                new AddAgent(new CommandId("c11"), later, ada, "Ada Again", "ADA@acme.test", Role.Agent),
                new DeactivateAgent(new CommandId("c12"), later, ada, new SeatId("s99")),
                new DeactivateAgent(new CommandId("c13"), later, ada, new SeatId("s4")),
                new AddAgent(new CommandId("c14"), later, ada, "Cy Ho", "not-an-email", Role.Agent),
                new ReplaceAgent(new CommandId("c15"), later, ada, new SeatId("s4"), "Cy Ho", "cy@acme.test", ExpectedVersion: 1),
                add,
            ],
            InvoicesFrom: new LocalDate(2026, 3, 17),
            InvoicesThrough: new LocalDate(2027, 1, 31));
    }

    /// <summary>A non-contract account in Tokyo (JPY, no minor digits), Kill Bill's proration, add charges on the next bill.</summary>
    private static StoredHistory TokyoKillBill()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        var kenji = new Actor("kenji@example.jp");
        var opening = Account.Open(
            "tokyo",
            zone,
            Money.Parse("3100", Currency.FromCode("JPY")),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2025, 1, 31)),
            [
                InitialSeat.Occupied(new SeatId("t1"), "Kenji Sato", "kenji@example.jp", Role.Admin),
                InitialSeat.Occupied(new SeatId("t2"), "Aiko Mori", "aiko@example.jp", Role.Manager),
            ],
            proration: ProrationConvention.KillBill,
            addCharges: AddChargeBilling.OnNextBill);
        return new StoredHistory(
            opening,
            [
                new AddAgent(new CommandId("k1"), At(zone, 2025, 2, 15), kenji, "Yui Ito", "yui@example.jp", Role.Agent),
                new AddAgent(new CommandId("k2"), At(zone, 2025, 2, 28, 9), new Actor("aiko@example.jp"), "Ren Abe", "ren@example.jp", Role.Agent),
                new DeleteAgent(new CommandId("k3"), At(zone, 2025, 3, 3), kenji, new SeatId("seat-3")),
                new DeleteAgent(new CommandId("k4"), At(zone, 2025, 3, 3, 13), Actor.Support, new SeatId("seat-3")),
                new UpdateAgent(new CommandId("k5"), At(zone, 2025, 3, 4), kenji, new SeatId("t2"), Email: "aiko.mori@example.jp"),
            ],
            InvoicesFrom: new LocalDate(2025, 2, 15),
            InvoicesThrough: new LocalDate(2025, 4, 30));
    }

    /// <summary>A quarterly account in Kuwait (KWD, three minor digits) with Lago's proration.</summary>
    private static StoredHistory KuwaitLago()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Kuwait"];
        var huda = new Actor("huda@example.kw");
        var opening = Account.Open(
            "kuwait",
            zone,
            Money.Parse("10.000", Currency.FromCode("KWD")),
            new BillingCalendar(BillingCycle.Quarterly, new LocalDate(2026, 1, 15)),
            [InitialSeat.Occupied(new SeatId("k1"), "Huda Ali", "huda@example.kw", Role.Admin)],
            proration: ProrationConvention.Lago);
        return new StoredHistory(
            opening,
            [
                new AddAgent(new CommandId("q1"), At(zone, 2026, 2, 20), huda, "Omar Saleh", "omar@example.kw", Role.Manager),
                new ReplaceAgent(new CommandId("q2"), At(zone, 2026, 3, 2), new Actor("omar@example.kw"), new SeatId("seat-2"), "Mona Aziz", "mona@example.kw", Role.Agent),
                new AddAgent(new CommandId("q3"), At(zone, 2026, 4, 15), huda, "Sami Noor", "sami@example.kw", Role.Agent, new SeatId("sami")),
            ],
            InvoicesFrom: new LocalDate(2026, 2, 20),
            InvoicesThrough: new LocalDate(2026, 7, 15));
    }

    /// <summary>A non-renewing contract in Berlin prorated by the second (a DST day has 23 hours), rounding half to even.</summary>
    private static StoredHistory BerlinSeconds()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var lena = new Actor("lena@example.de");
        var opening = Account.Open(
            "berlin",
            zone,
            Money.Parse("45.00", Currency.FromCode("EUR")),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1)),
            [
                InitialSeat.Occupied(new SeatId("b1"), "Lena Vogel", "lena@example.de", Role.Admin),
                InitialSeat.Vacant(new SeatId("b2")),
            ],
            new ContractTerm(new LocalDate(2026, 3, 1), new LocalDate(2026, 8, 31), lockInDays: 20),
            new ProrationConvention { Granularity = ProrationGranularity.Second, Rounding = RoundingMode.HalfToEven });
        return new StoredHistory(
            opening,
            [
                new AddAgent(new CommandId("b-1"), At(zone, 2026, 3, 29, 1), lena, "Jonas Braun", "jonas@example.de", Role.Agent),
                new ReplaceAgent(new CommandId("b-2"), At(zone, 2026, 3, 30), lena, new SeatId("b2"), "Mia Koch", "mia@example.de"),
                new DeleteAgent(new CommandId("b-3"), At(zone, 2026, 8, 20), Actor.Support, new SeatId("b2")),
                new DeleteAgent(new CommandId("b-4"), At(zone, 2026, 9, 2), lena, new SeatId("seat-3")),
                new DeleteAgent(new CommandId("b-5"), At(zone, 2026, 9, 2, 13), Actor.Support, new SeatId("seat-3")),
            ],
            InvoicesFrom: new LocalDate(2026, 3, 29),
            InvoicesThrough: new LocalDate(2026, 10, 1));
    }
}

/// <summary>One stored account: its opening, the commands run on it in order, and the dates of its stored views.</summary>
/// <param name="Opening">The account at version 0.</param>
/// <param name="Commands">The commands, decided and applied one after another.</param>
/// <param name="InvoicesFrom">The first date of the stored invoices.</param>
/// <param name="InvoicesThrough">The last date of the stored invoices and the as-of date of the stored next bill.</param>
public sealed record StoredHistory(
    Account Opening,
    ImmutableArray<SeatCommand> Commands,
    LocalDate InvoicesFrom,
    LocalDate InvoicesThrough)
{
    /// <summary>The account's id.</summary>
    public string Id => Opening.Id;

    /// <summary>Each command's decision, on the account as the commands before it left it.</summary>
    public ImmutableArray<Decision> Decisions()
    {
        var account = Opening;
        var decisions = ImmutableArray.CreateBuilder<Decision>(Commands.Length);
        foreach (var command in Commands)
        {
            var decision = TurnoverPolicy.Default.Decide(account, command);
            decisions.Add(decision);
            account = decision.ApplyTo(account);
        }

        return decisions.MoveToImmutable();
    }

    /// <summary>The account after every command.</summary>
    public Account Final() => Decisions().Aggregate(Opening, (account, decision) => decision.ApplyTo(account));
}
