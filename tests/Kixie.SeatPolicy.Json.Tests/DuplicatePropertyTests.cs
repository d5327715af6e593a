using System.Text.Json;
using Xunit;

namespace Kixie.SeatPolicy.Json.Tests;

/// <summary>Ambiguous JSON is refused: a property given twice is a <see cref="JsonException"/>, never one of the two values (issue 17).</summary>
public sealed class DuplicatePropertyTests
{
    [Theory]
    [InlineData("""{"type":"DeactivateAgent","id":"c1","id":"c2","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","seat":"s2"}""")]
    [InlineData("""{"type":"DeactivateAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","seat":"s2","seat":"s3"}""")]
    [InlineData("""{"type":"DeactivateAgent","type":"DeleteAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","seat":"s2"}""")]
    public void Deserialize_ACommandWithARepeatedProperty_IsRefused(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SeatCommand>(json, SeatPolicyJson.Options));
    }

    [Fact]
    public void Deserialize_TheSameCommandWithoutTheRepeat_IsRead()
    {
        var command = JsonSerializer.Deserialize<SeatCommand>(
            """{"type":"DeactivateAgent","id":"c1","at":"2026-03-17T18:00:00Z","actor":"ada@acme.test","seat":"s2"}""", SeatPolicyJson.Options);

        Assert.Equal(new SeatId("s2"), Assert.IsType<DeactivateAgent>(command).Seat);
    }
}
