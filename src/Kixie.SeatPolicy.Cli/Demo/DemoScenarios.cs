using System.Collections.Immutable;
using System.IO;
using System.Text;
using Kixie.SeatPolicy.Cli.Rendering;
using Kixie.SeatPolicy.Json;
using NodaTime;

namespace Kixie.SeatPolicy.Cli.Demo;

/// <summary>
/// The built-in story of <c>seatpolicy demo</c>: the help article on managing agent turnover, end to
/// end, as two scenario files embedded in the tool (<c>Demo/*.json</c>, ordinary scenarios that
/// <c>seatpolicy simulate</c> also runs).
/// </summary>
internal static class DemoScenarios
{
    /// <summary>What the demo is about, printed before the table format.</summary>
    public static string Introduction { get; } = ReportText.Embedded("introduction.txt");

    /// <summary>The advice chapter's introduction (rulebook §11), printed after the two stories.</summary>
    public static string AdviceChapter { get; } = ReportText.Embedded("advice-chapter.txt");

    /// <summary>When the agent leaves in the advice chapter: 2026-03-10 09:00 in Los Angeles (18:00 in Berlin).</summary>
    public static Instant Leaves { get; } = Instant.FromUtc(2026, 3, 10, 17, 0);

    /// <summary>When Maria starts, five weeks later.</summary>
    public static Instant MariaStarts { get; } = Instant.FromUtc(2026, 4, 14, 16, 0);

    /// <summary>The advice chapter's horizon.</summary>
    public static LocalDate Horizon { get; } = new(2026, 12, 31);

    /// <summary>The advice chapter's cases: the scenario whose opening account is advised on, the leaving agent's seat, the acting Admin.</summary>
    public static ImmutableArray<(string Scenario, string Seat, string Actor)> AdviceCases { get; } =
        [("contract-account.json", "s2", "ada@acme.test"), ("non-contract-account.json", "s2", "hana@globex.test")];

    /// <summary>The embedded scenario files, in the order the demo runs them.</summary>
    public static ImmutableArray<string> All { get; } = ["contract-account.json", "non-contract-account.json"];

    /// <summary>Writes the advice chapter (table format): its introduction, then each case's advice.</summary>
    /// <param name="output">Where to write.</param>
    public static void WriteAdviceChapter(TextWriter output)
    {
        TableReport.WriteRuleBetween(true, output);
        output.WriteLine(AdviceChapter);
        foreach (var (name, seat, actor) in AdviceCases)
        {
            var opening = Read(name);
            var advice = TurnoverAdvisor.Advise(
                opening.Account, new SeatId(seat), Leaves, new Actor(actor), Horizon, MariaStarts, "Maria Santos", "maria.santos@example.test");
            output.WriteLine();
            output.WriteLine(opening.Title);
            AdviceReport.WriteTable(advice, output);
        }
    }

    /// <summary>Reads one of the embedded scenarios.</summary>
    /// <param name="name">A name from <see cref="All"/>.</param>
    /// <returns>The scenario.</returns>
    public static Scenario Read(string name) => Scenario.Read(Encoding.UTF8.GetBytes(ReportText.Embedded("Demo." + name)));
}
