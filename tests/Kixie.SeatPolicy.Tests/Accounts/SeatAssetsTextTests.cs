using Xunit;
using static Kixie.SeatPolicy.Tests.Generators.EngineFixtures;

namespace Kixie.SeatPolicy.Tests.Accounts;

/// <summary><see cref="SeatAssets.Describe"/>: the assets in words, in a fixed order.</summary>
public sealed class SeatAssetsTextTests
{
    [Fact]
    public void Describe_EveryAsset_ListsNumberCallerIdRingGroupsAndDevicesInOrder() =>
        Assert.Equal(
            "+14155550102, caller ID +14155550100, ring groups sales/after-hours, devices desk-102/softphone-jimmy",
            JimmysAssets.Describe());

    [Fact]
    public void Describe_CallerIdSameAsTheDirectNumber_IsNotRepeated() =>
        Assert.Equal("+14155550100", new SeatAssets { DirectNumber = "+14155550100", CallerId = "+14155550100" }.Describe());

    [Fact]
    public void Describe_CallerIdWithoutANumber_IsNamed() =>
        Assert.Equal("caller ID +14155550100", new SeatAssets { CallerId = "+14155550100" }.Describe());

    [Fact]
    public void Describe_NoAssets_IsEmpty()
    {
        Assert.Equal(string.Empty, SeatAssets.None.Describe());
        Assert.Equal(string.Empty, new SeatAssets { RingGroups = default, Devices = default }.Describe());
    }
}
