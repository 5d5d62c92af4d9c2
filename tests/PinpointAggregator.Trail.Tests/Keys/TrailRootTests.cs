using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Trail.Tests.Keys;

public sealed class TrailRootTests
{
    [Fact]
    public void OrganizationTrailWithPrefix_BuildsEveryListingLevel()
    {
        var root = new TrailRoot("audit", "o-abcd123456");

        Assert.Equal("audit/AWSLogs/o-abcd123456/", root.AccountsPrefix);
        Assert.Equal("audit/AWSLogs/o-abcd123456/111122223333/CloudTrail/", root.RegionsPrefix("111122223333"));
        Assert.Equal("audit/AWSLogs/o-abcd123456/111122223333/CloudTrail/eu-west-1/", root.RegionPrefix("111122223333", "eu-west-1"));
        Assert.Equal("audit/AWSLogs/o-abcd123456/111122223333/CloudTrail/eu-west-1/2024/06/09/", root.DayPrefix("111122223333", "eu-west-1", new DateOnly(2024, 6, 9)));
    }

    [Fact]
    public void DigestPrefixes_AreTheRegionsCloudTrailDigestFolder_AndItsDays()
    {
        var root = new TrailRoot("audit", "o-abcd123456");

        Assert.Equal("audit/AWSLogs/o-abcd123456/111122223333/CloudTrail-Digest/eu-west-1/", root.DigestRegionPrefix("111122223333", "eu-west-1"));
        Assert.Equal("AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2024/06/09/", TrailRoot.Default.DigestDayPrefix("111122223333", "eu-west-1", new DateOnly(2024, 6, 9)));
    }

    [Fact]
    public void PlainTrail_HasNoPrefixAndNoOrganizationLevel()
    {
        Assert.Equal("AWSLogs/", TrailRoot.Default.AccountsPrefix);
        Assert.Equal("AWSLogs/111122223333/CloudTrail/", TrailRoot.Default.RegionsPrefix("111122223333"));
    }

    [Fact]
    public void DayPrefix_IsAPrefixOfTheKeysOfThatDay()
    {
        var key = new TrailKey
        {
            Root = new TrailRoot("p", "o-abcd123456"), Kind = TrailFileKind.Log, AccountId = "111122223333", Region = "us-east-1",
            Day = new DateOnly(2024, 12, 31), Timestamp = new DateTimeOffset(2024, 12, 31, 23, 55, 0, TimeSpan.Zero), Unique = "u",
        };

        Assert.StartsWith(key.Root.DayPrefix(key.AccountId, key.Region, key.Day), key.Format(), StringComparison.Ordinal);
    }
}
