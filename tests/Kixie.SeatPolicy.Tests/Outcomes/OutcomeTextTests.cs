using System.Collections.Immutable;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>
/// The sentences reports print (the command line's <c>detail</c>): pinned, so a changed word is a
/// deliberate change.
/// </summary>
public sealed class OutcomeTextTests
{
    private static readonly SeatId S2 = new("s2");
    private static readonly Agent Jo = new(new AgentId(2), "Jo Park", "jo@acme.test", Role.Agent);
    private static readonly Agent Cy = new(new AgentId(3), "Cy Ho", "cy@acme.test", Role.Manager);
    private static readonly SeatCommand Command = new DeactivateAgent(new CommandId("c1"), Instant.FromUtc(2026, 3, 17, 18, 0), new Actor("ada@acme.test"), S2);

    public static TheoryData<OutcomeCase, string> Sentences => new()
    {
        { new Replaced(Command, 1, S2, Cy, Jo, SeatAssets.None), "Cy Ho replaces Jo Park in s2; its number, caller ID, ring groups and devices stay with the seat; setup guide sent to cy@acme.test; nothing charged" },
        { new Replaced(Command, 1, S2, Cy, null, SeatAssets.None), "vacant seat s2 filled by Cy Ho; its number, caller ID, ring groups and devices stay with the seat; setup guide sent to cy@acme.test; nothing charged" },
        { new Deactivated(Command, 1, S2, Jo, SeatAssets.None), "Jo Park lost access; s2 held vacant and still billed" },
        { new Updated(Command, 1, S2, Jo, Cy), "Cy Ho (cy@acme.test, Manager) updated in s2" },
        { new Deleted(Command, 1, S2, Jo, SeatAssets.None, new LocalDate(2026, 4, 1)), "s2 deleted; off the bill from 2026-04-01; no refund" },
        { new DeletionBlocked(S2, "contract lock-in", new LocalDate(2026, 12, 2), ImmutableArray<TurnoverAlternative>.Empty), "contract lock-in; deletion allowed from 2026-12-02; replace or deactivate instead" },
        { new DeletionRequiresSupport(S2, "call us"), "deleting s2 goes through support: call us" },
        { new Unauthorized(new Actor("x@y.co"), "no"), "no" },
        { new LastAdminProtected(S2), "s2 holds the last Admin; make someone else Admin first" },
        { new EditLooksLikeReplacement(S2), "name and email both change: that is a new person, use Save & Replace (ReplaceAgent)" },
        { new EmailInUse("jo@acme.test", S2), "jo@acme.test is in use by the occupant of s2" },
        { new SeatNotFound(S2), "no seat s2" },
        { new SeatAlreadyVacant(S2), "s2 is already vacant; fill it with ReplaceAgent" },
        { new InvalidCommand("email", "bad"), "email: bad" },
        { new VersionConflict(3, 4), "expected version 3, account is at 4" },
        { new DeletionScheduled(Command, 1, S2, new LocalDate(2026, 3, 31), null), "s2 will be deleted after 2026-03-31, its last day: billed through then, on no bill after; no refund" },
        { new DeletionScheduled(Command, 1, S2, new LocalDate(2026, 12, 31), PendingChange.Deletion(new LocalDate(2026, 3, 31))), "s2 will be deleted after 2026-12-31, its last day: billed through then, on no bill after; no refund; replaces the deletion after 2026-03-31" },
        { new ScheduleCancelled(Command, 1, S2, PendingChange.Deletion(new LocalDate(2026, 3, 31))), "the deletion after 2026-03-31 of s2 is cancelled; the seat stays" },
        { new NothingScheduled(S2), "s2 has no pending change to cancel" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Describe_EachCase_SaysWhatHappenedInOneSentence(OutcomeCase outcome, string sentence) =>
        Assert.Equal(sentence, outcome.Describe());

    [Fact]
    public void ToString_OutcomeAndDecision_NameTheKindAndMarkReplays()
    {
        var account = Account.Open(
            "acme",
            DateTimeZoneProviders.Tzdb["Europe/Paris"],
            Money.Parse("30.00", Currency.Eur),
            new BillingCalendar(BillingCycle.Monthly, new LocalDate(2026, 3, 1)),
            [InitialSeat.Occupied(new SeatId("s1"), "Ada Park", "ada@acme.test", Role.Admin), InitialSeat.Occupied(S2, "Jo Park", "jo@acme.test", Role.Agent)]);
        var command = new DeactivateAgent(new CommandId("c1"), Instant.FromUtc(2026, 3, 5, 12, 0), new Actor("ada@acme.test"), S2);
        var decision = TurnoverPolicy.Default.Decide(account, command);
        var replay = TurnoverPolicy.Default.Decide(decision.ApplyTo(account), command);

        Assert.Equal("Deactivated: Jo Park lost access; s2 held vacant and still billed", decision.ToString());
        Assert.Equal("Deactivated: Jo Park lost access; s2 held vacant and still billed (replayed)", replay.ToString());
        Assert.Equal("ask your account manager or the support team (live chat, or email support@kixie.com)", PolicyOptions.Default.SupportContact);
        Assert.Equal("acme v0: 2 seats (2 occupied)", account.ToString());
    }
}
