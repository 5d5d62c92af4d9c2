using PinpointAggregator.Trail.Notifications;
using static PinpointAggregator.Trail.Tests.Notifications.NotificationSamples;

namespace PinpointAggregator.Trail.Tests.Notifications;

public sealed class CloudTrailNotificationTests
{
    private static ParsedNotification Parse(string body, int maxObjects = MaxObjects) => TrailNotificationParser.Parse(body, MaxChars, maxObjects);

    [Fact]
    public void RawNotification_NamesItsKeysInOrder()
    {
        var parsed = Parse(CloudTrail(Bucket, LogKey1, LogKey2));

        Assert.Null(parsed.SetAsideReason);
        Assert.Equal(NotificationShape.CloudTrail, parsed.Shape);
        Assert.Equal([new NotifiedObject(Bucket, LogKey1), new NotifiedObject(Bucket, LogKey2)], parsed.Objects);
    }

    [Fact]
    public void NotificationInAnSnsEnvelope_IsUnwrapped()
    {
        var parsed = Parse(Sns(CloudTrail(Bucket, LogKey1)));

        Assert.Null(parsed.SetAsideReason);
        Assert.Equal(NotificationShape.CloudTrail, parsed.Shape);
        Assert.Equal([new NotifiedObject(Bucket, LogKey1)], parsed.Objects);
    }

    [Fact]
    public void TheUserGuidesExample_IsRead()
    {
        // The example in "Configuring Amazon SNS notifications for CloudTrail", spacing and all.
        const string body = """{ "s3Bucket": "amzn-s3-demo-bucket","s3ObjectKey": ["AWSLogs/123456789012/CloudTrail/us-east-2/2013/12/13/123456789012_CloudTrail_us-west-2_20131213T1920Z_LnPgDQnpkSKEsppV.json.gz"]}""";

        var parsed = Parse(body);

        Assert.Equal(
            [new NotifiedObject("amzn-s3-demo-bucket", "AWSLogs/123456789012/CloudTrail/us-east-2/2013/12/13/123456789012_CloudTrail_us-west-2_20131213T1920Z_LnPgDQnpkSKEsppV.json.gz")],
            parsed.Objects);
    }

    [Fact]
    public void Keys_AreTakenAsWritten_NotUrlDecoded()
    {
        var parsed = Parse(CloudTrail(Bucket, "audit+logs/AWSLogs/%2B/x.json.gz"));

        Assert.Equal([new NotifiedObject(Bucket, "audit+logs/AWSLogs/%2B/x.json.gz")], parsed.Objects);
    }

    [Fact]
    public void DuplicateKeys_AreReturnedOnce()
    {
        var parsed = Parse(CloudTrail(Bucket, LogKey2, LogKey1, LogKey2, LogKey1));

        Assert.Equal([new NotifiedObject(Bucket, LogKey2), new NotifiedObject(Bucket, LogKey1)], parsed.Objects);
    }

    [Fact]
    public void NoKeys_IsNoObjects()
    {
        var parsed = Parse(CloudTrail(Bucket));

        Assert.Equal(NotificationSetAsideReasons.NoObjects, parsed.SetAsideReason);
        Assert.Empty(parsed.Objects);
    }

    [Fact]
    public void MoreDistinctKeysThanTheLimit_IsTooManyObjects()
    {
        var parsed = Parse(CloudTrail(Bucket, LogKey1, LogKey2, LogKey1 + "x"), maxObjects: 2);

        Assert.Equal(NotificationSetAsideReasons.TooManyObjects, parsed.SetAsideReason);
        Assert.Equal("the message (CloudTrail) names more than 2 objects", parsed.Detail);
        Assert.Empty(parsed.Objects);
    }

    [Fact]
    public void DuplicatesDoNotCountTowardsTheLimit()
    {
        var parsed = Parse(CloudTrail(Bucket, LogKey1, LogKey2, LogKey1, LogKey2), maxObjects: 2);

        Assert.Null(parsed.SetAsideReason);
        Assert.Equal(2, parsed.Objects.Count);
    }

    [Theory]
    [InlineData("""{"s3Bucket":42,"s3ObjectKey":["k"]}""", "s3Bucket is not a non-empty string")]
    [InlineData("""{"s3Bucket":"","s3ObjectKey":["k"]}""", "s3Bucket is not a non-empty string")]
    [InlineData("""{"s3Bucket":null,"s3ObjectKey":["k"]}""", "s3Bucket is not a non-empty string")]
    [InlineData("""{"s3ObjectKey":["k"]}""", "s3Bucket is not a non-empty string")]
    [InlineData("""{"s3Bucket":"b"}""", "s3ObjectKey is not an array")]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":"k"}""", "s3ObjectKey is not an array")]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":{"0":"k"}}""", "s3ObjectKey is not an array")]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":["k",7]}""", "s3ObjectKey[1] is a number, not a non-empty string")]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":[null]}""", "s3ObjectKey[0] is null, not a non-empty string")]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":[["k"]]}""", "s3ObjectKey[0] is an array, not a non-empty string")]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":[""]}""", "s3ObjectKey[0] is an empty or invalid string, not a non-empty string")]
    [InlineData("""{"s3Bucket":"b","s3ObjectKey":["\ud800"]}""", "s3ObjectKey[0] is an empty or invalid string, not a non-empty string")]
    public void WrongTypes_AreUnknownShape(string body, string detail)
    {
        var parsed = Parse(body);

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("CloudTrail notification: " + detail, parsed.Detail);
        Assert.Empty(parsed.Objects);
    }
}
