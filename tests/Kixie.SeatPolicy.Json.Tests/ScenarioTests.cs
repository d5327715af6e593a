using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>
/// <see cref="Scenario.Read"/>: a scenario document in the package's dialect (an account, its commands read
/// leniently, a title and a description), and every way a document is unusable as data: where and why.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly string Account = JsonSerializer.Serialize(Acme.Opened(), SeatPolicyJson.Options);

    private static readonly string Commands = JsonSerializer.Serialize(Acme.Commands.ToArray(), SeatPolicyJson.Options);

    [Fact]
    public void Read_AnAccountAndItsCommands_GivesThemAsWrittenAndIgnoresOtherTopLevelProperties()
    {
        var scenario = Scenario.Read(Encoding.UTF8.GetBytes(
            $$"""{"title":"Acme","description":"five commands","account":{{Account}},"commands":{{Commands}},"notes":[1,2]}"""));

        Assert.Equal(Acme.Opened(), scenario.Account);
        Assert.Equal(Commands, JsonSerializer.Serialize(scenario.Commands.ToArray(), SeatPolicyJson.Options));
        Assert.Equal("Acme", scenario.Title);
        Assert.Equal("five commands", scenario.Description);
    }

    [Fact]
    public void Read_WithAByteOrderMarkAndNoTitle_GivesTheSameScenario()
    {
        var scenario = Scenario.Read([.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes($$"""{"account":{{Account}},"commands":[]}""")]);

        Assert.Equal(Acme.Opened(), scenario.Account);
        Assert.Empty(scenario.Commands);
        Assert.Null(scenario.Title);
        Assert.Null(scenario.Description);
    }

    [Fact]
    public void Read_ACommandWithAnUnknownRole_IsAMalformedCommandTheScenarioKeeps()
    {
        var scenario = Scenario.Read(Encoding.UTF8.GetBytes($$"""
            {"account":{{Account}},"commands":[
              {"type":"AddAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","name":"Bo Li","email":"bo@acme.test","role":"Boss"}]}
            """));

        var malformed = Assert.IsType<MalformedCommand>(Assert.Single(scenario.Commands));
        Assert.Equal("role", malformed.Field);
        Assert.Equal(new CommandId("c1"), malformed.Id);
    }

    [Theory]
    [InlineData("""{"commands":[]}""", "$.account", "the required property is missing")]
    [InlineData("""{"account":ACCOUNT}""", "$.commands", "the required property is missing")]
    [InlineData("""null""", "$", "expected an object with \"account\" and \"commands\", got null")]
    [InlineData("""{"account":ACCOUNT,"commands":[null]}""", "$.commands[0]", "expected a command object, got null")]
    [InlineData("""{"account":ACCOUNT,"commands":[],"commands":[]}""", "$", "the property 'commands' appears twice")]
    [InlineData("""{"account":ACCOUNT,"commands":[{"type":"DeactivateAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","seat":"s2","seat":"s3"}]}""", "$.commands[0]", "the property 'seat' appears twice")]
    [InlineData("""{"account":ACCOUNT,"commands":[{"type":"FireAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test"}]}""", "$.commands[0].type", "unknown command type 'FireAgent'")]
    [InlineData("""{"account":{"id":"acme"},"commands":[]}""", "$.account.timeZone", "the required property is missing")]
    public void Read_AnUnusableDocument_SaysWhereAndWhy(string json, string path, string problem)
    {
        var refused = Assert.Throws<SeatPolicyJsonException>(() => Scenario.Read(Encoding.UTF8.GetBytes(json.Replace("ACCOUNT", Account, StringComparison.Ordinal))));

        Assert.Equal(path, refused.FullPath);
        Assert.StartsWith(problem, refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextThatIsNotJson_KeepsSystemTextJsonsPathAndLineAsTheInnerException()
    {
        var refused = Assert.Throws<SeatPolicyJsonException>(() => Scenario.Read("{\n  \"account\": Acme\n}"u8));

        var reader = Assert.IsAssignableFrom<JsonException>(refused.InnerException);
        Assert.Equal("$.account", refused.FullPath);
        Assert.Equal(1, reader.LineNumber);
        Assert.Equal(reader.Message.ReplaceLineEndings(" "), refused.Problem);
    }

    [Fact]
    public void Read_ATopLevelNameThatIsNotText_IsRefusedAsJsonNotThrownAsABug()
    {
        var refused = Assert.Throws<SeatPolicyJsonException>(() => Scenario.Read(Encoding.UTF8.GetBytes($$"""{"\ud800":1,"account":{{Account}},"commands":[]}""")));

        Assert.IsAssignableFrom<JsonException>(refused.InnerException);
    }

    [Fact]
    public void Read_CommandsOfTheWrongKind_IsRefusedAtTheirPath()
    {
        var refused = Assert.Throws<SeatPolicyJsonException>(() => Scenario.Read(Encoding.UTF8.GetBytes($$"""{"account":{{Account}},"commands":5}""")));

        Assert.Equal("$.commands", refused.FullPath);
        Assert.IsAssignableFrom<JsonException>(refused.InnerException);
    }
}
