using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Accounts;

namespace PinpointAggregator.Grains.Tests.Accounts;

public sealed class RegionCapTests
{
    private const string Prefix = "trail/AWSLogs/o-abcdefghij/111122223333/CloudTrail/";

    private static readonly IngestionOptions Options = new() { MaxRegionsPerAccount = 2, Regions = ["xx-configured-1"] };

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
    public void AtTheCap_AMadeUpRegionIsRefused_AndAHintForItStartsNoRound()
    {
        Assert.True(RegionCap.Full(Started("aa-hidden-1", "ab-hidden-1"), Options, "ac-hidden-1"));
        Assert.True(RegionCap.Refuses(Started("aa-hidden-1", "ab-hidden-1"), Options, "ac-hidden-1"));
    }

    [Fact]
    public void AtTheCap_ARegionAwsPublishes_IsNeverRefused()
    {
        // Made-up folders sorted before the real ones filled the cap first: the real regions are read all the same.
        Assert.False(RegionCap.Full(Started("aa-hidden-1", "ab-hidden-1"), Options, "us-east-1"));
        Assert.False(RegionCap.Refuses(Started("aa-hidden-1", "ab-hidden-1"), Options, "eu-west-1"));
    }

    [Fact]
    public void AtTheCap_AConfiguredRegion_OrOneAlreadyKnown_IsNotRefused()
    {
        Assert.False(RegionCap.Refuses(Started("aa-hidden-1", "ab-hidden-1"), Options, "xx-configured-1"));
        Assert.False(RegionCap.Refuses(Started("aa-hidden-1", "ab-hidden-1"), Options, "ab-hidden-1"));
    }

    [Fact]
    public void ARegionWhoseNameEndsLikeAnother_IsNotTakenForIt()
    {
        // "hidden-1" is not "ab-hidden-1": the match is on the whole folder name.
        Assert.True(RegionCap.Refuses(Started("aa-hidden-1", "ab-hidden-1"), Options, "hidden-1"));
    }
}
