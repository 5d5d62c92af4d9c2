using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Accounts;

namespace PinpointAggregator.Grains.Tests.Accounts;

public sealed class RegionCapTests
{
    private const string Prefix = "trail/AWSLogs/o-abcdefghij/111122223333/CloudTrail/";

    private static readonly IngestionOptions Options = new() { MaxRegionsPerAccount = 2, Regions = ["eu-central-1"] };

    private static AccountState Started(params string[] regions)
    {
        var state = new AccountState();
        foreach (var region in regions)
        {
            state.Prefixes.Add(Prefix + region + "/");
        }

        return state;
    }

    [Fact]
    public void BelowTheCap_NoRegionIsRefused()
    {
        Assert.False(RegionCap.Refuses(Started("us-east-1"), Options, "eu-west-1"));
    }

    [Fact]
    public void AtTheCap_ANewRegionIsRefused_AndAHintForItStartsNoRound()
    {
        Assert.True(RegionCap.Full(Started("us-east-1", "us-west-2"), Options, "eu-west-1"));
        Assert.True(RegionCap.Refuses(Started("us-east-1", "us-west-2"), Options, "eu-west-1"));
    }

    [Fact]
    public void AtTheCap_AConfiguredRegion_OrOneAlreadyKnown_IsNotRefused()
    {
        Assert.False(RegionCap.Refuses(Started("us-east-1", "us-west-2"), Options, "eu-central-1"));
        Assert.False(RegionCap.Refuses(Started("us-east-1", "us-west-2"), Options, "us-west-2"));
    }

    [Fact]
    public void ARegionRefusedBefore_IsRefused_EvenBelowTheCap()
    {
        var state = Started("us-east-1");
        state.RegionsIgnored.Add("xx-hostile-1");

        Assert.True(RegionCap.Refuses(state, Options, "xx-hostile-1"));
    }

    [Fact]
    public void ARegionWhoseNameEndsLikeAnother_IsNotTakenForIt()
    {
        // "east-1" is not "us-east-1": the match is on the whole folder name.
        Assert.True(RegionCap.Refuses(Started("us-east-1", "us-west-2"), Options, "east-1"));
    }
}
