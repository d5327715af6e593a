using System.Collections.Immutable;
using System.IO;
using System.Text;
using Kixie.SeatPolicy.Cli.Rendering;
using Kixie.SeatPolicy.Json;
using NodaTime;

namespace Kixie.SeatPolicy.Cli.Demo;

/// <summary>
/// The built-in story of <c>seatpolicy demo</c>: the help article on managing agent turnover, end to
/// end, as three scenario files embedded in the tool (<c>Demo/*.json</c>, ordinary scenarios that
/// <c>seatpolicy simulate</c> also runs).
/// </summary>
internal static class DemoScenarios
{
    /// <summary>What the demo is about, printed before the table format.</summary>
    public static string Introduction { get; } = ReportText.Embedded("introduction.txt");

    /// <summary>The embedded scenario files, in the order the demo runs them.</summary>
    public static ImmutableArray<string> All { get; } = ["contract-account.json", "non-contract-account.json", "scheduled-deletion.json"];

    /// <summary>
    /// Writes the advice chapter (rulebook §11, table format): its introduction, then the advice on each
    /// scenario's opening account when seat s2's agent leaves on 2026-03-10 at 09:00 in Los Angeles (18:00 in
    /// Berlin), asked by the scenario's Admin, Maria starting five weeks later, totals until 2026-12-31.
    /// </summary>
    public static void WriteAdviceChapter(TextWriter output)
    {
        TableReport.WriteRuleBetween(true, output);
        output.WriteLine(ReportText.Embedded("advice-chapter.txt"));
        foreach (var (name, admin) in new[] { ("contract-account.json", "ada@acme.test"), ("non-contract-account.json", "hana@globex.test") })
        {
            var opening = Read(name);
            var advice = TurnoverAdvisor.Advise(
                opening.Account, new SeatId("s2"), Instant.FromUtc(2026, 3, 10, 17, 0), new Actor(admin), new LocalDate(2026, 12, 31), Instant.FromUtc(2026, 4, 14, 16, 0), "Maria Santos", "maria.santos@example.test");
            output.WriteLine();
            output.WriteLine(opening.Title);
            AdviceReport.WriteTable(advice, output);
        }
    }

    /// <summary>Reads one of the embedded scenarios, by a name from <see cref="All"/>.</summary>
    public static Scenario Read(string name) => Scenario.Read(Encoding.UTF8.GetBytes(ReportText.Embedded("Demo." + name)));
}
