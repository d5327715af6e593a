using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Kixie.SeatPolicy.Cli.Tests;

/// <summary>
/// The format spec's worked examples (tests/scenarios/examples/, copied from the shared spec):
/// <c>seatpolicy simulate NAME.json --format json --as-of 2026-12-31</c> gives every field of
/// <c>NAME.expected.json</c> with its value, and every array exactly the elements shown, in order; an
/// object may hold more fields (as the README beside them says).
/// </summary>
public sealed class WorkedExampleTests
{
    [Theory]
    [InlineData("scheduled-deletion")]
    [InlineData("plans-upgrade-downgrade")]
    public async Task Simulate_WorkedExample_GivesTheExpectedFacts(string name)
    {
        var run = await SeatPolicyTool.RunAsync("simulate", $"tests/scenarios/examples/{name}.json", "--format", "json", "--as-of", "2026-12-31");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeatPolicyTool.RepositoryRoot, "tests", "scenarios", "examples", $"{name}.expected.json")));
        using var actual = JsonDocument.Parse(run.Stdout);

        var differences = new List<string>();
        Compare(expected.RootElement, actual.RootElement, "$", differences);

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void Compare_AFieldMissingOrDifferentOrAnArrayOfOtherLength_IsADifference()
    {
        using var expected = JsonDocument.Parse("""{"a":1,"b":[{"c":"x"}],"d":"y"}""");
        using var actual = JsonDocument.Parse("""{"a":2,"b":[{"c":"x","more":true},{"c":"z"}],"e":"y"}""");
        var differences = new List<string>();

        Compare(expected.RootElement, actual.RootElement, "$", differences);

        Assert.Equal(["$.a: expected 1, got 2", "$.b: expected 1 elements, got 2", "$.d: missing"], differences);
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object when actual.ValueKind == JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (actual.TryGetProperty(property.Name, out var value))
                    {
                        Compare(property.Value, value, $"{path}.{property.Name}", differences);
                    }
                    else
                    {
                        differences.Add($"{path}.{property.Name}: missing");
                    }
                }

                break;
            case JsonValueKind.Array when actual.ValueKind == JsonValueKind.Array:
                var (wanted, got) = (expected.EnumerateArray().ToList(), actual.EnumerateArray().ToList());
                if (wanted.Count != got.Count)
                {
                    differences.Add($"{path}: expected {wanted.Count} elements, got {got.Count}");
                    break;
                }

                for (var i = 0; i < wanted.Count; i++)
                {
                    Compare(wanted[i], got[i], $"{path}[{i}]", differences);
                }

                break;
            default:
                if (!JsonElement.DeepEquals(expected, actual))
                {
                    differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
        }
    }
}
