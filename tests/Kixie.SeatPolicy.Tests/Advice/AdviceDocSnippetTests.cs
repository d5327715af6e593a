using System;
using NodaTime;
using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Advice;

/// <summary>The C# snippet of docs/advice.md, compiled and run (<see cref="DocSnippetTests"/> keeps it identical to the page).</summary>
public sealed class AdviceDocSnippetTests
{
    [Fact]
    public void AdviceSnippet_AsWritten_RecommendsDeleteAndAddOnANonContractAccount()
    {
        var account = Acme();

        // snippet:begin
        TurnoverAdvice advice = TurnoverAdvisor.Advise(
            account, new SeatId("s2"),
            leaves: Instant.FromUtc(2026, 3, 10, 17, 0),
            actor: new Actor("ada@acme.test"),
            until: new LocalDate(2026, 12, 31),
            hireAt: Instant.FromUtc(2026, 4, 14, 16, 0), hireName: "Maria Santos", hireEmail: "maria@acme.test");

        AdvicePlan? best = advice.Recommended;          // the first feasible plan, or null
        foreach (AdvicePlan plan in advice.Plans)       // rank order; each step has its Command and the policy's Decision
        {
            Console.WriteLine($"{plan.Kind}: {plan.Total} saves {plan.Saving}, keeps assets {plan.KeepsAssets}, blocked by {plan.BlockedBy?.Kind}");
        }
        // snippet:end

        Assert.Equal(AdvicePlanKind.DeleteAndAdd, best!.Kind);
    }
}
