using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Trail.Tests.Keys;

public sealed class TrailKeyTests
{
    [Theory]
    [InlineData("AWSLogs/o-abcd123456/111122223333/CloudTrail/us-east-1/2024/06/01/111122223333_CloudTrail_us-east-1_20240601T0005Z_AbCdEf0123456789.json.gz", "", "o-abcd123456")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/01/111122223333_CloudTrail_us-east-1_20240601T0005Z_AbCdEf0123456789.json.gz", "", null)]
    [InlineData("audit/org/AWSLogs/o-abcd123456/111122223333/CloudTrail/us-east-1/2024/06/01/111122223333_CloudTrail_us-east-1_20240601T0005Z_AbCdEf0123456789.json.gz", "audit/org", "o-abcd123456")]
    public void LogKey_ParsesAndFormatsBack(string key, string prefix, string? org)
    {
        Assert.True(TrailKey.TryParse(key, out var parsed, out var reason), reason);

        Assert.Equal(new TrailRoot(prefix, org), parsed.Root);
        Assert.Equal(TrailFileKind.Log, parsed.Kind);
        Assert.Equal("111122223333", parsed.AccountId);
        Assert.Equal("us-east-1", parsed.Region);
        Assert.Equal(new DateOnly(2024, 6, 1), parsed.Day);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 0, 5, 0, TimeSpan.Zero), parsed.Timestamp);
        Assert.Equal("AbCdEf0123456789", parsed.Unique);
        Assert.Equal(key, parsed.Format());
    }

    [Theory]
    [InlineData("AWSLogs/o-abcd123456/111122223333/CloudTrail-Digest/eu-west-1/2024/06/01/111122223333_CloudTrail-Digest_eu-west-1_org_trail_us-east-1_20240601T013000Z.json.gz", false)]
    [InlineData("AWSLogs/o-abcd123456/111122223333/CloudTrail-Digest/eu-west-1/2024/06/01/111122223333_CloudTrail-Digest_eu-west-1_org_trail_us-east-1_20240601T013000Z_backfill.json.gz", true)]
    public void DigestKey_ParsesTrailHomeRegionAndBackfill(string key, bool backfill)
    {
        Assert.True(TrailKey.TryParse(key, out var parsed, out var reason), reason);

        Assert.Equal(TrailFileKind.Digest, parsed.Kind);
        Assert.Equal("eu-west-1", parsed.Region);
        Assert.Equal("org_trail", parsed.TrailName);
        Assert.Equal("us-east-1", parsed.HomeRegion);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 1, 30, 0, TimeSpan.Zero), parsed.Timestamp);
        Assert.Equal(backfill, parsed.IsBackfill);
        Assert.Equal(key, parsed.Format());
    }

    [Theory]
    [InlineData("logs/111122223333/x.json.gz", "no AWSLogs/ segment")]
    [InlineData("AWSLogs/11112222333/CloudTrail/us-east-1/2024/06/01/f.json.gz", "is not a 12-digit account id")]
    [InlineData("AWSLogs/111122223333/CloudTrail/US-EAST-1/2024/06/01/f.json.gz", "is not a region name")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/13/01/f.json.gz", "is not a YYYY/MM/DD date")]
    [InlineData("AWSLogs/111122223333/Config/us-east-1/2024/06/01/f.json.gz", "is neither CloudTrail nor CloudTrail-Digest")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/01/f.json.gz", "does not have the form")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/01/111122223333_CloudTrail_us-east-1_2024X_a.json.gz", "has no YYYYMMDDTHHmmZ_UNIQUE part")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/111122223333_CloudTrail_us-east-1_20240601T0005Z_a.json.gz", "found 6 segments")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2099/12/31/111122223333_CloudTrail_us-east-1_20200101T0000Z_a.json.gz", "not 2099-12-31 as its folder")]
    [InlineData("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/06/01/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240601T013000Z.json", "does not have the form")]
    [InlineData("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/06/01/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240601T0130Z.json.gz", "has no TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ part")]
    [InlineData("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/06/01/111122223333_CloudTrail-Digest_us-east-1_trail_HOME_20240601T013000Z.json.gz", "has no TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ part")]
    [InlineData("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/06/01/111122223333_CloudTrail-Digest_us-east-1_us-east-1_20240601T013000Z.json.gz", "has no TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ part")]
    [InlineData("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/06/01/444455556666_CloudTrail-Digest_us-east-1_trail_us-east-1_20240601T013000Z.json.gz", "does not have the form")]
    public void NonMatchingKey_SaysWhy(string key, string why)
    {
        Assert.False(TrailKey.TryParse(key, out _, out var reason));
        Assert.Contains(why, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("ap-southeast-2", true)]
    [InlineData("useast1", false)]
    [InlineData("us--east-1", false)]
    [InlineData("us-east-", false)]
    public void RegionNames_AreRecognised(string region, bool valid) => Assert.Equal(valid, TrailNames.IsRegion(region));
}
