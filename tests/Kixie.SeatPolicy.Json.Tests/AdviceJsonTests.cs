using System;
using System.Linq;
using System.Text.Json.Nodes;
using NodaTime;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>Turnover advice in the dialect: written, never read (docs/json.md, "Advice").</summary>
public sealed class AdviceJsonTests
{
    private static TurnoverAdvice Advice() =>
        TurnoverAdvisor.Advise(Acme.Opened(), new SeatId("s2"), Acme.Noon(2026, 3, 10), Acme.Ada, new LocalDate(2026, 6, 30), Acme.Noon(2026, 4, 15), "Maria Lopez", "maria@acme.test");

    [Fact]
    public void Write_TurnoverAdvice_IsTheDialectsMoneyCommandsAndDecisions()
    {
        var json = JsonNode.Parse(Same.Write(Advice()))!;

        Assert.Equal(
            ["seat", "leaves", "from", "until", "hire", "currency", "recommended", "plans"],
            json.AsObject().Select(member => member.Key));
        Assert.Equal("2026-03-10", (string?)json["from"]);
        var first = json["plans"]![0]!;
        Assert.Equal((string?)json["recommended"], (string?)first["plan"]);
        Assert.Equal("USD", (string?)first["total"]!["currency"]);
        Assert.Equal("DeactivateAgent", (string?)first["steps"]![0]!["command"]!["type"]);
        Assert.Equal("Deactivated", (string?)first["steps"]![0]!["decision"]!["outcome"]!["outcome"]);
    }

    [Fact]
    public void Write_InfeasiblePlan_HasBlockedByAndNoTotal()
    {
        var advice = TurnoverAdvisor.Advise(Acme.Opened(), new SeatId("s9"), Acme.Noon(2026, 3, 10), Acme.Ada, new LocalDate(2026, 6, 30));
        var json = JsonNode.Parse(Same.Write(advice))!;

        Assert.Null((string?)json["recommended"]);
        var plan = json["plans"]![0]!.AsObject();
        Assert.False(plan.ContainsKey("total"));
        Assert.Equal("SeatNotFound", (string?)plan["blockedBy"]!["outcome"]);
    }

    [Fact]
    public void Read_TurnoverAdvice_IsRefusedBecauseOnlyTheAdvisorAdvises()
    {
        var exception = Assert.Throws<SeatPolicyJsonException>(() => Same.Read<TurnoverAdvice>(Same.Write(Advice())));

        Assert.StartsWith("a TurnoverAdvice is written, never read", exception.Problem, StringComparison.Ordinal);
    }
}
