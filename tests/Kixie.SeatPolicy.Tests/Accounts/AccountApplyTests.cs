using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using Kixie.SeatPolicy.Tests.Generators;
using Kixie.SeatPolicy.Tests.Policy;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests.Accounts;

/// <summary>
/// <see cref="Account.Apply(SeatEvent)"/> and <see cref="Account.Apply(IEnumerable{SeatEvent})"/> have
/// one meaning: events applied one at a time and as one batch leave the same state, every field of it
/// (the email index included), and <see cref="Account.Equals(Account)"/> compares all of it.
/// </summary>
public sealed class AccountApplyTests
{
    /// <summary>The fields an account keeps; <c>_historyList</c> is a cache of <c>_accepted</c> built on first read.</summary>
    private static readonly ImmutableArray<FieldInfo> StateFields =
    [
        .. typeof(Account).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(field => field.Name != "_historyList"),
    ];

    private static readonly string[] KnownFields =
    [
        "_terms", "_seats", "_seatByEmail", "_deletedSeats", "_pending", "_accepted", "<OccupiedSeatCount>k__BackingField",
        "<OccupiedAdminCount>k__BackingField", "<SeatsEverCreated>k__BackingField", "<AgentsEverCreated>k__BackingField",
    ];

    [SeatPolicyProperty]
    public Property Applying_events_one_at_a_time_or_as_one_batch_gives_accounts_equal_in_every_field(EngineScenario scenario, NonNegativeInt split)
    {
        var (played, _) = ModelRun.Play(scenario);
        var opening = played.AtOpening();
        var history = played.History;
        var oneAtATime = history.Aggregate(opening, (account, change) => account.Apply(change));
        var batch = opening.Apply(history);

        // A batch onto an account that already has a history edits the accepted commands in place
        // instead of building them at the end: split the history between the two ways.
        var cut = history.Count == 0 ? 0 : split.Get % (history.Count + 1);
        var prefix = history.Take(cut).Aggregate(opening, (account, change) => account.Apply(change));
        var mixed = prefix.Apply(history.Skip(cut).ToList());

        return (oneAtATime.Equals(batch) && batch.Equals(oneAtATime)).Label("Equals: one at a time = batch")
            .And((oneAtATime.Equals(played) && mixed.Equals(played)).Label("Equals: the decisions' own application and a split batch agree"))
            .And((DifferingField(oneAtATime, batch) is null).Label($"every field equal, batch from the opening (differs: {DifferingField(oneAtATime, batch)})"))
            .And((DifferingField(oneAtATime, mixed) is null).Label($"every field equal, batch on a history (differs: {DifferingField(oneAtATime, mixed)})"))
            .And((DifferingField(oneAtATime, played) is null).Label($"every field equal, decisions applied (differs: {DifferingField(oneAtATime, played)})"))
            .And(EveryEmailFoundAlike(history, opening, oneAtATime, batch).Label("FindSeatOf agrees for every email the account ever had"))
            .And(new[] { oneAtATime, batch, mixed }.All(IndexesEveryOccupantAndFewWhoLeft).Label("the email index holds every occupant's email and at most max(occupants, 8) of people who left"))
            .Classify(history.Count == 0, "nothing accepted")
            .Classify(history.Any(change => change is Replaced or Deactivated or Deleted), "someone left");
    }

    [Fact]
    public void Equals_AccountsDifferingInAnyOneField_AreUnequal()
    {
        var states = States();
        var baseAccount = states[^1];
        var checkedFields = new List<string>();
        foreach (var field in StateFields)
        {
            var other = states.FirstOrDefault(state => !SameFieldValue(field.GetValue(baseAccount), field.GetValue(state)));
            Assert.True(other is not null, $"no account in the fixture differs from the last in {field.Name}");

            var hybrid = WithField(baseAccount, field, field.GetValue(other));
            Assert.False(baseAccount.Equals(hybrid), $"an account differing only in {field.Name} must be unequal");
            Assert.False(hybrid.Equals(baseAccount), $"an account differing only in {field.Name} must be unequal (other side)");
            Assert.True(WithField(baseAccount, field, field.GetValue(baseAccount)).Equals(baseAccount), $"a copy of every field is equal ({field.Name})");
            checkedFields.Add(field.Name);
        }

        // The fields the account keeps today; a new one must be added to Equals and to this list.
        Assert.Equal(
            KnownFields.Order(),
            checkedFields.Order());
    }

    [Fact]
    public void Apply_AnEventDatedWhereTheCalendarCannotBill_IsRefusedAtItsInstantOneAtATimeAndInABatch()
    {
        // The policy never decides such an event (the command is InvalidCommand naming "at"); only a hand-built or stored one reaches Apply.
        var opening = EngineFixtures.Acme();
        var (_, after) = EngineFixtures.Run(opening, new DeactivateAgent(EngineFixtures.Cmd("c1"), EngineFixtures.Noon(2026, 3, 17), EngineFixtures.Ada, EngineFixtures.S2));
        var decided = Assert.Single(after.History);
        var late = Instant.FromUtc(9999, 12, 31, 12, 0);
        var outOfTime = decided with { Command = ((DeactivateAgent)decided.Command) with { At = late } };

        var single = Assert.Throws<ValueRefusedException>(() => opening.Apply(outOfTime));
        var batch = Assert.Throws<ValueRefusedException>(() => opening.Apply([outOfTime]));

        Assert.All(new[] { single, batch }, refused => Assert.Equal(("at", (object)late), (refused.Member, refused.Value)));
    }

    [Fact]
    public void Apply_OneEventOrABatch_KeepsTheLeaversEmailInTheIndexAndNeitherBelievesIt()
    {
        var start = EngineFixtures.Acme();
        var (_, after) = EngineFixtures.RunAll(
            start,
            new ReplaceAgent(EngineFixtures.Cmd("r"), EngineFixtures.Noon(2026, 3, 5), EngineFixtures.Ada, EngineFixtures.S2, "Cy Ho", "cy@acme.test"),
            new DeactivateAgent(EngineFixtures.Cmd("d"), EngineFixtures.Noon(2026, 3, 6), EngineFixtures.Ada, EngineFixtures.S3));
        var batch = start.Apply(after.History);

        foreach (var account in new[] { after, batch })
        {
            Assert.Equal(Emails("ada@acme.test", "cy@acme.test", "jimmy@acme.test", "mia@acme.test"), EmailIndexKeys(account));
            Assert.Null(account.FindSeatOf("jimmy@acme.test"));
            Assert.Null(account.FindSeatOf("mia@acme.test"));
            Assert.Equal(EngineFixtures.S2, account.FindSeatOf("CY@acme.test")?.Id);
        }

        Assert.Equal(after, batch);
    }

    [Fact]
    public void Apply_OneEventOrABatch_DropsTheLeaversEntriesAtTheEventThatMakesThemOutnumberTheOccupantsAndEight()
    {
        // Acme has three occupants: the entries of up to eight people who left stay; the ninth drops all nine.
        var start = EngineFixtures.Acme();
        var replacements = Enumerable.Range(1, 9)
            .Select(i => (SeatCommand)new ReplaceAgent(EngineFixtures.Cmd($"r{i}"), EngineFixtures.Noon(2026, 3, i), EngineFixtures.Ada, EngineFixtures.S2, $"Temp {i}", $"temp{i}@acme.test"))
            .ToArray();
        var (_, after) = EngineFixtures.RunAll(start, replacements);
        var history = after.History;

        var eighth = start.Apply(history.Take(8));
        var ninth = start.Apply(history);
        var ninthOneAtATime = history.Aggregate(start, (account, change) => account.Apply(change));

        Assert.Equal(3 + 8, EmailIndexKeys(eighth).Length);
        Assert.Equal(Emails("ada@acme.test", "mia@acme.test", "temp9@acme.test"), EmailIndexKeys(ninth));
        Assert.Equal(ninth, ninthOneAtATime);
        Assert.Equal(after, ninth);
        Assert.Equal(ninth, eighth.Apply(history[8]));
        Assert.Equal(ninth, eighth.Apply(history.Skip(8))); // a batch that starts with entries left behind before it
        Assert.Equal(ninth, history.Take(5).Aggregate(start, (account, change) => account.Apply(change)).Apply(history.Skip(5)));
        Assert.Equal(EngineFixtures.S2, ninth.FindSeatOf("temp9@acme.test")?.Id);
        Assert.Null(ninth.FindSeatOf("temp8@acme.test"));
    }

    [Fact]
    public void Apply_LeaversWhoComeBackAroundTheDrops_KeepTheirEntryWhereverTheBatchStarts()
    {
        // Jimmy leaves S2 and comes back before the first drop; r3 is dropped there and comes back (a new
        // seat) before the second. Whatever a batch starts from (nothing left behind, or entries left by
        // single events before it), it must drop the same entries and keep theirs.
        var start = EngineFixtures.Acme();
        var commands = new List<SeatCommand>
        {
            Replace(1, EngineFixtures.S2, "temp1"),
            Replace(2, EngineFixtures.S2, "jimmy"),
        };
        commands.AddRange(Enumerable.Range(1, 8).Select(i => Replace(2 + i, EngineFixtures.S3, $"r{i}"))); // the eighth tips the first drop
        commands.Add(new AddAgent(EngineFixtures.Cmd("back"), EngineFixtures.Noon(2026, 3, 11), EngineFixtures.Ada, "R Three", "r3@acme.test", Role.Agent));
        commands.AddRange(Enumerable.Range(9, 9).Select(i => Replace(3 + i, EngineFixtures.S3, $"r{i}"))); // the last tips the second drop
        var (_, after) = EngineFixtures.RunAll(start, [.. commands]);
        var history = after.History;
        Assert.Equal(commands.Count, history.Count);

        foreach (var batch in SingleEventsThenABatchAtEverySplit(start, history))
        {
            Assert.Equal(after, batch);
            Assert.Equal(EngineFixtures.S2, batch.FindSeatOf("jimmy@acme.test")?.Id);
            Assert.NotNull(batch.FindSeatOf("r3@acme.test"));
        }

        Assert.Equal(Emails("ada@acme.test", "jimmy@acme.test", "r17@acme.test", "r3@acme.test"), EmailIndexKeys(after));

        static SeatCommand Replace(int day, SeatId seat, string who) =>
            new ReplaceAgent(EngineFixtures.Cmd($"c{day}-{who}"), EngineFixtures.Noon(2026, 3, day), EngineFixtures.Ada, seat, who, $"{who}@acme.test");
    }

    [Fact]
    public void Apply_OccupiedSeatsDeletedPastTheDrop_LeaveTheSameIndexOneAtATimeOrInABatch()
    {
        // Nine agents added, then their seats deleted by support: the ninth deletion tips the drop.
        var start = EngineFixtures.Acme();
        var commands = Enumerable.Range(1, 9)
            .Select(i => (SeatCommand)new AddAgent(EngineFixtures.Cmd($"a{i}"), EngineFixtures.Noon(2026, 3, i), EngineFixtures.Ada, $"New {i}", $"n{i}@acme.test", Role.Agent, new SeatId($"n{i}")))
            .Concat(Enumerable.Range(1, 9).Select(i => (SeatCommand)new DeleteAgent(EngineFixtures.Cmd($"d{i}"), EngineFixtures.Noon(2026, 3, 10 + i), Actor.Support, new SeatId($"n{i}"))))
            .ToArray();
        var (_, after) = EngineFixtures.RunAll(start, commands);
        var history = after.History;
        Assert.Equal(commands.Length, history.Count);

        Assert.All(SingleEventsThenABatchAtEverySplit(start, history), batch => Assert.Equal(after, batch));

        Assert.Equal(Emails("ada@acme.test", "jimmy@acme.test", "mia@acme.test"), EmailIndexKeys(after));
    }

    [Fact]
    public void Apply_EmailKeptInAnotherCase_KeepsOneEntryAndFindsTheSeatEitherWay()
    {
        var start = EngineFixtures.Acme();
        var jimmy = start.ListSeats().First(seat => seat.IsOccupied && seat.Occupant!.Email.StartsWith("jimmy", StringComparison.Ordinal));
        var (_, after) = EngineFixtures.Run(
            start,
            new UpdateAgent(EngineFixtures.Cmd("u"), EngineFixtures.Noon(2026, 3, 5), EngineFixtures.Ada, jimmy.Id, Email: "JIMMY@acme.test"));
        var batch = start.Apply(after.History);

        Assert.Equal(after, batch);
        Assert.Equal(start.OccupiedSeatCount, EmailIndexKeys(after).Length);
        Assert.Equal(jimmy.Id, after.FindSeatOf("jimmy@acme.test")?.Id);
        Assert.Equal("JIMMY@acme.test", after.FindSeatOf("Jimmy@Acme.Test")?.Occupant?.Email);
    }

    /// <summary>Accounts along one history and one opened otherwise: together they differ from the last in every field.</summary>
    private static List<Account> States()
    {
        var start = EngineFixtures.Acme();
        var at = EngineFixtures.Noon(2026, 3, 5);
        var (_, after) = EngineFixtures.RunAll(
            start,
            new AddAgent(EngineFixtures.Cmd("a"), at, EngineFixtures.Ada, "Bo Li", "bo@acme.test", Role.Admin),
            new ReplaceAgent(EngineFixtures.Cmd("r"), at, EngineFixtures.Ada, EngineFixtures.S2, "Cy Ho", "cy@acme.test"),
            new DeleteAgent(EngineFixtures.Cmd("x"), at, Actor.Support, EngineFixtures.S4),
            new DeleteAgent(EngineFixtures.Cmd("s"), at, Actor.Support, EngineFixtures.S3, Effective: DeletionEffective.NextBill));
        Assert.Equal(4, after.Version);
        var other = EngineFixtures.Acme(billing: new BillingCalendar(BillingCycle.Quarterly, new LocalDate(2026, 1, 1)));
        return [other, start, .. after.History.Select((_, i) => start.Apply(after.History.Take(i + 1).ToList()))];
    }

    private static Account WithField(Account source, FieldInfo changed, object? value)
    {
        var copy = (Account)RuntimeHelpers.GetUninitializedObject(typeof(Account));
        foreach (var field in StateFields)
        {
            field.SetValue(copy, field == changed ? value : field.GetValue(source));
        }

        return copy;
    }

    /// <summary>The first field in which two accounts differ, compared without <see cref="Account.Equals(Account)"/>; null when none does.</summary>
    private static string? DifferingField(Account left, Account right) =>
        StateFields.FirstOrDefault(field => !SameFieldValue(field.GetValue(left), field.GetValue(right)))?.Name;

    /// <summary>Maps and sets by their values (as multisets), everything else by its own equality.</summary>
    private static bool SameFieldValue(object? left, object? right)
    {
        if (left is IEnumerable leftValues && right is IEnumerable rightValues && left is not string)
        {
            var counts = new Dictionary<object, int>();
            foreach (var value in leftValues)
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }

            foreach (var value in rightValues)
            {
                if (counts.GetValueOrDefault(value) == 0)
                {
                    return false;
                }

                counts[value]--;
            }

            return counts.Values.All(count => count == 0);
        }

        return Equals(left, right);
    }

    private static string[] Emails(params string[] emails) => emails;

    /// <summary>The account after a history split at every event: the events before the cut one at a time, the rest as one batch.</summary>
    private static IEnumerable<Account> SingleEventsThenABatchAtEverySplit(Account start, IReadOnlyList<SeatEvent> history)
    {
        for (var cut = 0; cut < history.Count; cut++)
        {
            var prefix = history.Take(cut).Aggregate(start, (account, change) => account.Apply(change));
            yield return prefix.Apply(history.Skip(cut));
        }
    }

    private static bool IndexesEveryOccupantAndFewWhoLeft(Account account)
    {
        var indexed = EmailIndexKeys(account);
        var occupants = account.ListSeats().Where(seat => seat.IsOccupied).Select(seat => seat.Occupant!.Email).ToList();
        return occupants.All(email => indexed.Contains(email, StringComparer.OrdinalIgnoreCase))
            && indexed.Length - occupants.Count <= Math.Max(occupants.Count, 8);
    }

    private static string[] EmailIndexKeys(Account account) =>
        [.. ((IEnumerable<Seat>)typeof(Account).GetField("_seatByEmail", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(account)!)
            .Select(seat => seat.Occupant!.Email)
            .Order(StringComparer.OrdinalIgnoreCase)];

    private static bool EveryEmailFoundAlike(IReadOnlyList<SeatEvent> history, Account opening, Account left, Account right)
    {
        var emails = opening.ListSeats().Where(seat => seat.IsOccupied).Select(seat => seat.Occupant!.Email)
            .Concat(history.OfType<Added>().Select(added => added.Agent.Email))
            .Concat(history.OfType<Replaced>().Select(replaced => replaced.NewAgent.Email))
            .Concat(history.OfType<Updated>().Select(updated => updated.After.Email));
        return emails.All(email =>
            Equals(left.FindSeatOf(email), right.FindSeatOf(email))
            && Equals(left.FindSeatOf(email.ToUpperInvariant()), left.FindSeatOf(email))
            && (left.FindSeatOf(email) is not { } seat || seat.Occupant!.Email.Equals(email, StringComparison.OrdinalIgnoreCase)));
    }
}
