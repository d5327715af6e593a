using Xunit;

namespace Kixie.SeatPolicy.Tests;

/// <summary>The edges of the email and E.164 checks, one side each.</summary>
public sealed class ValidationBoundaryTests
{
    [Theory]
    [InlineData("a@b.co", true)]
    [InlineData("!a@b.co", true)]
    [InlineData("a.b@c.co", true)]
    [InlineData("a-b@c-d.co", true)]
    [InlineData(".a@b.co", false)]
    [InlineData("a.@b.co", false)]
    [InlineData("a..b@c.co", false)]
    [InlineData("@b.co", false)]
    [InlineData("a@@b.co", false)]
    [InlineData("a@b@c.co", false)]
    [InlineData("a b@c.co", false)]
    [InlineData("a@bco", false)]
    [InlineData("a@.b.co", false)]
    [InlineData("a@b.co.", false)]
    [InlineData("a@b..co", false)]
    [InlineData("a@-b.co", false)]
    [InlineData("a@b-.co", false)]
    [InlineData("a@b_c.co", false)]
    [InlineData("a(@b.co", false)]
    [InlineData(null, false)]
    public void IsEmail_Address_IsJudgedByItsShape(string? email, bool valid) =>
        Assert.Equal(valid, Validation.IsEmail(email));

    [Fact]
    public void IsEmail_LengthLimits_AreInclusive()
    {
        var local64 = new string('a', 64);
        var label63 = new string('b', 63);
        var longest = $"{local64}@{label63}.{label63}.{new string('c', 61)}";

        Assert.Equal(254, longest.Length);
        Assert.True(Validation.IsEmail(longest));
        Assert.False(Validation.IsEmail(longest + "c"));
        Assert.True(Validation.IsEmail($"{local64}@b.co"));
        Assert.False(Validation.IsEmail($"{local64}a@b.co"));
        Assert.True(Validation.IsEmail($"a@{label63}.co"));
        Assert.False(Validation.IsEmail($"a@{label63}b.co"));
    }

    [Theory]
    [InlineData("+1234567", true)]
    [InlineData("+123456789012345", true)]
    [InlineData("+9123456", true)]
    [InlineData("+123456", false)]
    [InlineData("+1234567890123456", false)]
    [InlineData("+0123456", false)]
    [InlineData("12345678", false)]
    [InlineData("+12345a7", false)]
    [InlineData(null, false)]
    public void IsE164_Number_HasAPlusAFirstDigitOneToNineAndSevenToFifteenDigits(string? number, bool valid) =>
        Assert.Equal(valid, Validation.IsE164(number));

    [Fact]
    public void AssetsProblem_EachMalformedMember_IsNamedWithItsReason()
    {
        Assert.Null(Validation.AssetsProblem(null));
        Assert.Null(Validation.AssetsProblem(new SeatAssets { DirectNumber = "+14155550100", CallerId = "+14155550100", RingGroups = ["sales"], Devices = ["desk"] }));
        Assert.Equal<(string, string?, string)?>(("directNumber", "555", "'555' is not an E.164 phone number (+, a digit 1-9, 7 to 15 digits)"), Validation.AssetsProblem(new SeatAssets { DirectNumber = "555" }));
        Assert.Equal<(string, string?, string)?>(("callerId", "555", "'555' is not an E.164 phone number (+, a digit 1-9, 7 to 15 digits)"), Validation.AssetsProblem(new SeatAssets { CallerId = "555" }));
        Assert.Equal<(string, string?, string)?>(("ringGroups", null, "a ring group name is blank"), Validation.AssetsProblem(new SeatAssets { RingGroups = ["sales", " "] }));
        Assert.Equal<(string, string?, string)?>(("devices", null, "a device name is blank"), Validation.AssetsProblem(new SeatAssets { Devices = [""] }));
    }
}
