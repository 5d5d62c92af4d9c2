using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Grains.Tests.Keys;

public sealed class TrailPrefixKeyTests
{
    [Theory]
    [InlineData("trails", "", null, "trails/AWSLogs/111122223333/CloudTrail/us-east-1/")]
    [InlineData("trails", "", "o-abcd123456", "trails/AWSLogs/o-abcd123456/111122223333/CloudTrail/us-east-1/")]
    [InlineData("trails", "audit", null, "trails/audit/AWSLogs/111122223333/CloudTrail/us-east-1/")]
    [InlineData("trails", "audit/org", "o-abcd123456", "trails/audit/org/AWSLogs/o-abcd123456/111122223333/CloudTrail/us-east-1/")]
    [InlineData("trails", "archive/AWSLogs", null, "trails/archive/AWSLogs/AWSLogs/111122223333/CloudTrail/us-east-1/")]
    public void Format_AndParse_RoundTrip(string bucket, string bucketPrefix, string? organization, string formatted)
    {
        var key = new TrailPrefixKey(new TrailLocation(bucket, bucketPrefix, organization), "111122223333", "us-east-1");

        Assert.Equal(formatted, key.Format());
        Assert.Equal(formatted, key.ToString());
        Assert.Equal(formatted[(bucket.Length + 1)..], key.RegionPrefix);
        Assert.Equal(key, TrailPrefixKey.Parse(formatted));
    }

    [Fact]
    public void TryParse_FindsEveryPart()
    {
        Assert.True(TrailPrefixKey.TryParse("my-bucket/a/b/AWSLogs/o-abcd123456/444455556666/CloudTrail/ap-southeast-2/", out var key));

        Assert.Equal(new TrailLocation("my-bucket", "a/b", "o-abcd123456"), key.Location);
        Assert.Equal(("444455556666", "ap-southeast-2"), (key.Account, key.Region));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/")]
    [InlineData("/AWSLogs/111122223333/CloudTrail/us-east-1/")]
    [InlineData("trails/AWSLogs/111122223333/CloudTrail/us-east-1")]
    [InlineData("trails/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/")]
    [InlineData("trails/AWSLogs/111122223333/us-east-1/")]
    [InlineData("trails/AWSLogs/org-abcd1234/111122223333/CloudTrail/us-east-1/")]
    [InlineData("trails/AWSLogs//CloudTrail/us-east-1/")]
    [InlineData("trails/AWSLogs/111122223333/CloudTrail//")]
    [InlineData("trails/AWSLogs/111122223333/CloudTrail/us-east-1/2024/")]
    [InlineData("trails/auditAWSLogs/111122223333/CloudTrail/us-east-1/")]
    [InlineData("trailsAWSLogs/111122223333/CloudTrail/us-east-1/")]
    [InlineData("trails/audit/111122223333/CloudTrail/us-east-1/")]
    public void Malformed_IsRejected(string? value)
    {
        Assert.False(TrailPrefixKey.TryParse(value, out var key));
        Assert.Equal(default, key);
        if (value is not null)
        {
            Assert.Throws<FormatException>(() => TrailPrefixKey.Parse(value));
        }
    }
}
