using System.Collections.Immutable;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>Roles on replacement, emails in use, seat ids of adds, and the last Admin.</summary>
public sealed partial class TurnoverPolicyTests
{
    private static readonly Instant Apr2 = Noon(2026, 4, 2);

    [Fact]
    public void ReplaceAgent_WithARole_GivesTheNewAgentTheCommandsRole()
    {
        var decision = Engine.Decide(Acme(), new ReplaceAgent(Cmd("c1"), Apr2, Ada, S2, "Nina Lee", "nina@acme.test", Role.Manager));

        Assert.Equal(Role.Manager, Assert.IsType<Replaced>(decision.Outcome.Case).NewAgent.Role);
    }

    [Fact]
    public void ReplaceAgent_WithoutARole_GivesTheNewAgentTheSeatsLastRole()
    {
        var (decisions, _) = RunAll(
            Acme(),
            new DeactivateAgent(Cmd("c1"), Apr2, Ada, S3),
            new ReplaceAgent(Cmd("c2"), Apr2, Ada, S3, "Noor Ali", "noor@acme.test"));

        Assert.Equal(Role.Manager, Assert.IsType<Replaced>(decisions[1].Outcome.Case).NewAgent.Role);
    }

    [Fact]
    public void ReplaceAgent_WithoutARoleOnANeverOccupiedSeat_GivesTheNewAgentTheAgentRole()
    {
        var decision = Engine.Decide(Acme(), new ReplaceAgent(Cmd("c1"), Apr2, Ada, S4, "Nina Lee", "nina@acme.test"));

        Assert.Equal(Role.Agent, Assert.IsType<Replaced>(decision.Outcome.Case).NewAgent.Role);
    }

    [Fact]
    public void ReplaceAgent_TheLastAdminWithoutARole_KeepsAnAdminInTheSeat()
    {
        var (decision, after) = Run(Acme(), new ReplaceAgent(Cmd("c1"), Apr2, Ada, S1, "Ben Ode", "ben@acme.test"));

        Assert.Equal(Role.Admin, Assert.IsType<Replaced>(decision.Outcome.Case).NewAgent.Role);
        Assert.Equal(1, after.OccupiedAdminCount);
    }

    [Fact]
    public void ReplaceAgent_TheLastAdminWithALesserRole_IsLastAdminProtected()
    {
        var decision = Engine.Decide(Acme(), new ReplaceAgent(Cmd("c1"), Apr2, Ada, S1, "Ben Ode", "ben@acme.test", Role.Manager));

        Assert.Equal(OutcomeKind.LastAdminProtected, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_RemovingOneOfTwoAdmins_IsAllowedAndTheLastOneIsProtected()
    {
        var (decisions, after) = RunAll(
            Acme(),
            new UpdateAgent(Cmd("c1"), Apr2, Ada, S3, Role: Role.Admin),
            new DeactivateAgent(Cmd("c2"), Apr2, Ada, S3),
            new UpdateAgent(Cmd("c3"), Apr2, Ada, S1, Role: Role.Manager),
            new DeleteAgent(Cmd("c4"), Apr2, Support, S1));

        Assert.Equal([OutcomeKind.Updated, OutcomeKind.Deactivated, OutcomeKind.LastAdminProtected, OutcomeKind.LastAdminProtected], Kinds(decisions));
        Assert.Equal(1, after.OccupiedAdminCount);
    }

    [Fact]
    public void AddAgent_EmailInUseInAnotherCase_IsEmailInUse()
    {
        var decision = Engine.Decide(Acme(), new AddAgent(Cmd("c1"), Apr2, Ada, "Jim Two", "JIMMY@Acme.Test", Role.Agent));

        Assert.Equal(S2, Assert.IsType<EmailInUse>(decision.Outcome.Case).HeldBy);
    }

    [Fact]
    public void ReplaceAgent_WithTheOutgoingAgentsOwnEmail_IsEmailInUse()
    {
        var decision = Engine.Decide(Acme(), new ReplaceAgent(Cmd("c1"), Apr2, Ada, S2, "Jimmy Doe", "jimmy@acme.test"));

        Assert.Equal(S2, Assert.IsType<EmailInUse>(decision.Outcome.Case).HeldBy);
    }

    [Fact]
    public void UpdateAgent_WithTheEditedAgentsOwnEmailInAnotherCase_IsUpdated()
    {
        var (decision, after) = Run(Acme(), new UpdateAgent(Cmd("c1"), Apr2, Ada, S2, "Jimmy D.", "Jimmy@Acme.test"));

        Assert.Equal(OutcomeKind.Updated, decision.Outcome.Kind);
        Assert.Equal(S2, after.FindSeatOf("jimmy@acme.test")?.Id);
    }

    [Fact]
    public void UpdateAgent_OnlyTheEmailsCase_IsUpdatedAndThePersonKeepsActingUnderAnyCase()
    {
        var initial = Acme();
        var (decisions, after) = RunAll(
            initial,
            new UpdateAgent(Cmd("c1"), Apr2, Ada, S3, Email: "MIA@Acme.test"),
            new DeactivateAgent(Cmd("c2"), Apr2, Mia, S2),
            new AddAgent(Cmd("c3"), Apr2, Ada, "Mia Two", "mia@ACME.test", Role.Agent));

        Assert.Equal([OutcomeKind.Updated, OutcomeKind.Deactivated, OutcomeKind.EmailInUse], Kinds(decisions));
        Assert.Equal("MIA@Acme.test", after.FindSeat(S3)?.Occupant?.Email);
        Assert.Equal(S3, after.FindSeatOf("mia@acme.test")?.Id);
        Assert.Equal(after, initial.Apply(after.History));
    }

    [Fact]
    public void UpdateAgent_WithAnotherOccupantsEmail_IsEmailInUse()
    {
        var decision = Engine.Decide(Acme(), new UpdateAgent(Cmd("c1"), Apr2, Ada, S2, Email: "mia@acme.test"));

        Assert.Equal(S3, Assert.IsType<EmailInUse>(decision.Outcome.Case).HeldBy);
    }

    [Fact]
    public void AddAgent_WithTheEmailOfAFormerOccupant_IsAdded()
    {
        var (decisions, _) = RunAll(
            Acme(),
            new DeactivateAgent(Cmd("c1"), Apr2, Ada, S2),
            new AddAgent(Cmd("c2"), Apr2, Ada, "Jimmy Doe", "jimmy@acme.test", Role.Agent));

        Assert.Equal([OutcomeKind.Deactivated, OutcomeKind.Added], Kinds(decisions));
    }

    [Fact]
    public void AddAgent_WithoutASeatId_GetsSeatNNumberedFromTheSeatsEverCreated()
    {
        var (decisions, after) = RunAll(
            Acme(),
            new DeleteAgent(Cmd("c1"), Apr2, Support, S2),
            new AddAgent(Cmd("c2"), Apr2, Ada, "Omar Diaz", "omar@acme.test", Role.Agent),
            new AddAgent(Cmd("c3"), Apr2, Ada, "Pia Ray", "pia@acme.test", Role.Agent));

        Assert.Equal(new SeatId("seat-5"), Assert.IsType<Added>(decisions[1].Outcome.Case).Seat);
        Assert.Equal(new SeatId("seat-6"), Assert.IsType<Added>(decisions[2].Outcome.Case).Seat);
        Assert.Equal(6, after.SeatsEverCreated);
        Assert.Equal(5, after.SeatCount);
    }

    [Fact]
    public void AddAgent_WithTheSeatIdOfADeletedSeat_IsInvalidCommand()
    {
        var (decisions, _) = RunAll(
            Acme(),
            new DeleteAgent(Cmd("c1"), Apr2, Support, S2),
            new AddAgent(Cmd("c2"), Apr2, Ada, "Omar Diaz", "omar@acme.test", Role.Agent, S2));

        Assert.Equal("seat", Assert.IsType<InvalidCommand>(decisions[1].Outcome.Case).Field);
    }

    [Fact]
    public void AddAgent_WithTheSeatIdOfAnExistingSeat_IsInvalidCommand()
    {
        var decision = Engine.Decide(Acme(), new AddAgent(Cmd("c1"), Apr2, Ada, "Omar Diaz", "omar@acme.test", Role.Agent, S4));

        Assert.Equal("seat", Assert.IsType<InvalidCommand>(decision.Outcome.Case).Field);
    }

    [Fact]
    public void AddAgent_WithAFreshSeatIdAndAssets_CreatesThatSeatWithThem()
    {
        var assets = new SeatAssets { DirectNumber = "+442071838750", RingGroups = ["london"] };

        var (decision, after) = Run(Acme(), new AddAgent(Cmd("c1"), Apr2, Ada, "Omar Diaz", "omar@acme.test", Role.Agent, new SeatId("ldn-1"), assets));

        Assert.Equal(new SeatId("ldn-1"), Assert.IsType<Added>(decision.Outcome.Case).Seat);
        Assert.Equal(assets, after.FindSeat(new SeatId("ldn-1"))?.Assets);
    }

    public static TheoryData<string> InvalidAddFields() => new() { "name", "email", "role", "directNumber", "callerId", "ringGroups" };

    [Theory]
    [MemberData(nameof(InvalidAddFields))]
    public void AddAgent_WithAMalformedField_IsInvalidCommandNamingIt(string field)
    {
        var add = new AddAgent(Cmd("c1"), Apr2, Ada, "Omar Diaz", "omar@acme.test", Role.Agent);
        add = field switch
        {
            "name" => add with { Name = " " },
            "email" => add with { Email = "omar@acme" },
            "role" => add with { Role = null },
            "directNumber" => add with { Assets = new SeatAssets { DirectNumber = "+0155501234" } },
            "callerId" => add with { Assets = new SeatAssets { CallerId = "4155550100" } },
            _ => add with { Assets = new SeatAssets { RingGroups = ImmutableArray.Create("sales", "") } },
        };

        var decision = Engine.Decide(Acme(), add);

        Assert.Equal(field, Assert.IsType<InvalidCommand>(decision.Outcome.Case).Field);
    }

    [Fact]
    public void UpdateAgent_WithNothingToChange_IsInvalidCommand()
    {
        var decision = Engine.Decide(Acme(), new UpdateAgent(Cmd("c1"), Apr2, Ada, S2));

        Assert.Equal(OutcomeKind.InvalidCommand, decision.Outcome.Kind);
    }

    [Fact]
    public void MalformedCommand_FromAnAdmin_IsInvalidCommandNamingTheField()
    {
        var decision = Engine.Decide(Acme(), new MalformedCommand(Cmd("c1"), Apr2, Ada, "role", "'Owner' is not a role"));

        var invalid = Assert.IsType<InvalidCommand>(decision.Outcome.Case);
        Assert.Equal(("role", "'Owner' is not a role"), (invalid.Field, invalid.Reason));
    }

    [Fact]
    public void MalformedCommand_FromAStranger_IsUnauthorized()
    {
        var decision = Engine.Decide(Acme(), new MalformedCommand(Cmd("c1"), Apr2, Stranger, "role", "'Owner' is not a role"));

        Assert.Equal(OutcomeKind.Unauthorized, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_CommandWithoutAnId_IsInvalidCommand()
    {
        var decision = Engine.Decide(Acme(), new DeactivateAgent(default, Apr2, Ada, S2));

        Assert.Equal("id", Assert.IsType<InvalidCommand>(decision.Outcome.Case).Field);
    }

    [Fact]
    public void Decide_DefaultActor_IsUnauthorized()
    {
        var decision = Engine.Decide(Acme(), new DeactivateAgent(Cmd("c1"), Apr2, default, S2));

        Assert.Equal(OutcomeKind.Unauthorized, decision.Outcome.Kind);
    }
}
