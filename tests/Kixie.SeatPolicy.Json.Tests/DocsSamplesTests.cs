using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>
/// docs/json.md tells the truth: every JSON block marked <c>&lt;!-- sample: Type --&gt;</c> reads as that type and
/// writes back as the same JSON, and every block marked <c>&lt;!-- fails: Type | message --&gt;</c> fails with
/// a <see cref="SeatPolicyJsonException"/> whose message starts with that message.
/// </summary>
public sealed partial class DocsSamplesTests
{
    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        ["Account"] = typeof(Account),
        ["SeatCommand"] = typeof(SeatCommand),
        ["SeatEvent"] = typeof(SeatEvent),
        ["TurnoverOutcome"] = typeof(TurnoverOutcome),
        ["OutcomeCase"] = typeof(OutcomeCase),
        ["Decision"] = typeof(Decision),
        ["Money"] = typeof(Money),
        ["InitialSeat"] = typeof(InitialSeat),
        ["NextBill"] = typeof(NextBill),
        ["FormerOccupant"] = typeof(FormerOccupant),
    };

    public static TheoryData<int, string, string> Samples => Blocks("sample");

    public static TheoryData<int, string, string> Failures => Blocks("fails");

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_ReadsAsItsTypeAndWritesBackTheSame(int line, string type, string json)
    {
        var value = JsonSerializer.Deserialize(json, Types[type], SeatPolicyJson.Options);

        var written = JsonSerializer.Serialize(value, Types[type], SeatPolicyJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"docs/json.md line {line}: {written}");
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void ErrorSample_FailsWithTheMessageShown(int line, string typeAndMessage, string json)
    {
        var (type, message) = (typeAndMessage[..typeAndMessage.IndexOf(" | ", StringComparison.Ordinal)], typeAndMessage[(typeAndMessage.IndexOf(" | ", StringComparison.Ordinal) + 3)..]);

        var exception = Assert.Throws<SeatPolicyJsonException>(() => JsonSerializer.Deserialize(json, Types[type], SeatPolicyJson.Options));

        Assert.True(exception.Message.StartsWith(message, StringComparison.Ordinal), $"docs/json.md line {line}: {exception.Message}");
        Assert.Equal($"{exception.Member}: {exception.Problem}", exception.Message);
    }

    [Fact]
    public void Docs_HaveSamplesOfEveryKind()
    {
        Assert.True(Samples.Count >= 10, "docs/json.md lost its samples");
        Assert.True(Failures.Count >= 3, "docs/json.md lost its error samples");
    }

    private static TheoryData<int, string, string> Blocks(string marker)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "json.md"));
        var data = new TheoryData<int, string, string>();
        for (var index = 0; index < lines.Length; index++)
        {
            var match = Marker().Match(lines[index]);
            if (!match.Success || match.Groups["kind"].Value != marker)
            {
                continue;
            }

            Assert.Equal("```json", lines[index + 1]);
            var end = Array.IndexOf(lines, "```", index + 2);
            data.Add(index + 1, match.Groups["what"].Value, string.Join('\n', lines[(index + 2)..end]));
        }

        return data;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Kixie.SeatPolicy.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Kixie.SeatPolicy.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^<!-- (?<kind>sample|fails): (?<what>.+) -->$")]
    private static partial Regex Marker();
}
