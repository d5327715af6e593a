using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Policy;

/// <summary>What a Manager may not do: touch an Admin's seat, or make anyone Admin.</summary>
public sealed partial class TurnoverPolicyTests
{
    public static TheoryData<string> ManagerOnAnAdminsSeat() => new() { "replace", "deactivate", "update", "delete" };

    [Theory]
    [MemberData(nameof(ManagerOnAnAdminsSeat))]
    public void Decide_ManagerOnAnAdminsSeat_IsUnauthorized(string command)
    {
        var at = Noon(2026, 3, 17);
        SeatCommand attempt = command switch
        {
            "replace" => new ReplaceAgent(Cmd("c1"), at, Mia, S1, "Nina Lee", "nina@acme.test", Role.Agent),
            "deactivate" => new DeactivateAgent(Cmd("c1"), at, Mia, S1),
            "update" => new UpdateAgent(Cmd("c1"), at, Mia, S1, Name: "Ada P."),
            _ => new DeleteAgent(Cmd("c1"), at, Mia, S1),
        };

        var decision = Engine.Decide(Acme(), attempt);

        Assert.Equal(Mia, Assert.IsType<Unauthorized>(decision.Outcome.Case).Actor);
    }

    public static TheoryData<string> ManagerGrantingAdmin() => new() { "add", "update", "replace", "replace a vacant seat last held by an Admin" };

    [Theory]
    [MemberData(nameof(ManagerGrantingAdmin))]
    public void Decide_ManagerGrantingAdmin_IsUnauthorized(string command)
    {
        var at = Noon(2026, 3, 17);
        var seats = AcmeSeats().Add(InitialSeat.Vacant(new SeatId("s5"), Role.Admin));
        SeatCommand attempt = command switch
        {
            "add" => new AddAgent(Cmd("c1"), at, Mia, "Nina Lee", "nina@acme.test", Role.Admin),
            "update" => new UpdateAgent(Cmd("c1"), at, Mia, S2, Role: Role.Admin),
            "replace" => new ReplaceAgent(Cmd("c1"), at, Mia, S2, "Nina Lee", "nina@acme.test", Role.Admin),
            _ => new ReplaceAgent(Cmd("c1"), at, Mia, new SeatId("s5"), "Nina Lee", "nina@acme.test"),
        };

        var decision = Engine.Decide(Acme(seats: seats), attempt);

        Assert.Equal(OutcomeKind.Unauthorized, decision.Outcome.Kind);
    }

    [Fact]
    public void Decide_ManagerOnAnAgentsOrManagersSeat_IsAllowed()
    {
        var at = Noon(2026, 3, 17);
        var (decisions, _) = RunAll(
            Acme(),
            new UpdateAgent(Cmd("c1"), at, Mia, S2, Role: Role.Manager),
            new ReplaceAgent(Cmd("c2"), at, Mia, S4, "Nina Lee", "nina@acme.test", Role.Manager),
            new DeactivateAgent(Cmd("c3"), at, Mia, S2),
            new AddAgent(Cmd("c4"), at, Mia, "Omar Diaz", "omar@acme.test", Role.Agent));

        Assert.Equal([OutcomeKind.Updated, OutcomeKind.Replaced, OutcomeKind.Deactivated, OutcomeKind.Added], Kinds(decisions));
    }

    [Fact]
    public void Decide_ManagerDemotingThemself_IsUpdatedAndTheyLoseAccess()
    {
        var at = Noon(2026, 3, 17);
        var (decisions, _) = RunAll(
            Acme(),
            new UpdateAgent(Cmd("c1"), at, Mia, S3, Role: Role.Agent),
            new DeactivateAgent(Cmd("c2"), at, Mia, S2));

        Assert.Equal([OutcomeKind.Updated, OutcomeKind.Unauthorized], Kinds(decisions));
    }
}
