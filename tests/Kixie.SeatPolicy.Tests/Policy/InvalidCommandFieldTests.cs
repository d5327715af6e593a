using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests;

/// <summary>Each InvalidCommand names the first field at fault, in the order name, email, role, seat, assets.</summary>
public sealed class InvalidCommandFieldTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 5, 12, 0);

    public static TheoryData<SeatCommand, string, string> Cases => new()
    {
        { new DeactivateAgent(new CommandId(" "), At, Ada, S2), "id", "the command has no id" },
        { new DeactivateAgent(Id(), At, Ada, S2, ExpectedVersion: -1), "expectedVersion", "-1 is not a version (versions start at 0)" },
        { new DeactivateAgent(Id(), At, Ada, default), "seat", "the seat id is missing" },
        { new DeleteAgent(Id(), At, Ada, new SeatId("")), "seat", "the seat id is missing" },
        { new AddAgent(Id(), At, Ada, " ", "bad", null), "name", "the name is missing or blank" },
        { new AddAgent(Id(), At, Ada, "Bo", "bad", null), "email", "'bad' is not a valid email address" },
        { new AddAgent(Id(), At, Ada, "Bo", null, (Role)9), "email", "the email is missing" },
        { new AddAgent(Id(), At, Ada, "Bo", "bo@acme.test", null), "role", "the role is missing" },
        { new AddAgent(Id(), At, Ada, "Bo", "bo@acme.test", (Role)9), "role", "unknown role (9); a role is Admin, Manager or Agent" },
        { new AddAgent(Id(), At, Ada, "Bo", "bo@acme.test", Role.Agent, new SeatId(" ")), "seat", "the seat id is blank" },
        { new AddAgent(Id(), At, Ada, "Bo", "bo@acme.test", Role.Agent, S2), "seat", "seat id 's2' was already used by a seat of this account" },
        { new AddAgent(Id(), At, Ada, "Bo", "bo@acme.test", Role.Agent, null, new SeatAssets { CallerId = "1" }), "callerId", "'1' is not an E.164 phone number (+, a digit 1-9, 7 to 15 digits)" },
        { new ReplaceAgent(Id(), At, Ada, default, null, "bad", (Role)9), "seat", "the seat id is missing" },
        { new ReplaceAgent(Id(), At, Ada, S2, null, "bad", (Role)9), "name", "the name is missing or blank" },
        { new ReplaceAgent(Id(), At, Ada, S2, "Cy", "bad", (Role)9), "email", "'bad' is not a valid email address" },
        { new ReplaceAgent(Id(), At, Ada, S2, "Cy", "cy@acme.test", (Role)9), "role", "unknown role (9); a role is Admin, Manager or Agent" },
        { new UpdateAgent(Id(), At, Ada, S2), "update", "nothing to change: give a name, an email or a role" },
        { new UpdateAgent(Id(), At, Ada, S2, " ", "bad", (Role)9), "name", "the name is missing or blank" },
        { new UpdateAgent(Id(), At, Ada, S2, null, "bad", (Role)9), "email", "'bad' is not a valid email address" },
        { new UpdateAgent(Id(), At, Ada, S2, null, null, (Role)9), "role", "unknown role (9); a role is Admin, Manager or Agent" },
        { new MalformedCommand(Id(), At, Ada, "ringGroups", "expected an array"), "ringGroups", "expected an array" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_InvalidField_NamesTheFirstFieldAtFault(SeatCommand command, string field, string reason)
    {
        var decision = TurnoverPolicy.Default.Decide(Acme(), command);

        Assert.Equal(new InvalidCommand(field, reason), decision.Outcome.Case);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Decide_ReusedIdForOtherContent_SaysTheIdWasUsed()
    {
        var account = Acme();
        var first = new DeactivateAgent(new CommandId("c1"), At, Ada, S2);
        account = TurnoverPolicy.Default.Decide(account, first).ApplyTo(account);

        var again = TurnoverPolicy.Default.Decide(account, first with { At = At.PlusTicks(1) });

        Assert.Equal(new InvalidCommand("id", "command id 'c1' was already used for a different command"), again.Outcome.Case);
    }

    [Fact]
    public void Decide_Stranger_IsToldOnlyThatTheyAreNoOccupant()
    {
        var decision = TurnoverPolicy.Default.Decide(Acme(), new DeactivateAgent(Id(), At, new Actor("eve@evil.test"), S2));

        Assert.Equal(new Unauthorized(new Actor("eve@evil.test"), "'eve@evil.test' is not a current occupant of this account or support"), decision.Outcome.Case);
    }

    [Fact]
    public void Decide_ManagerLimits_SayWhichLimit()
    {
        var manager = new Actor("mia@acme.test");
        var onAdmin = TurnoverPolicy.Default.Decide(Acme(), new DeactivateAgent(Id(), At, manager, new SeatId("s1")));
        var granting = TurnoverPolicy.Default.Decide(Acme(), new AddAgent(Id(), At, manager, "Bo", "bo@acme.test", Role.Admin));
        var grantingByEdit = TurnoverPolicy.Default.Decide(Acme(), new UpdateAgent(Id(), At, manager, S2, Role: Role.Admin));

        Assert.Equal("a Manager cannot act on an Admin's seat (s1)", onAdmin.Outcome.Case.Describe());
        Assert.Equal("a Manager cannot grant the Admin role", granting.Outcome.Case.Describe());
        Assert.Equal("a Manager cannot grant the Admin role", grantingByEdit.Outcome.Case.Describe());
    }

    private static CommandId Id() => new("c9");
}
