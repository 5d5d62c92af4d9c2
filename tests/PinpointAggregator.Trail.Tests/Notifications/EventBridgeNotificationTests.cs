using PinpointAggregator.Trail.Notifications;
using static PinpointAggregator.Trail.Tests.Notifications.NotificationSamples;

namespace PinpointAggregator.Trail.Tests.Notifications;

public sealed class EventBridgeNotificationTests
{
    private static ParsedNotification Parse(string body, int maxObjects = MaxObjects) => TrailNotificationParser.Parse(body, MaxChars, maxObjects);

    [Fact]
    public void ObjectCreated_NamesItsObject()
    {
        var parsed = Parse(EventBridge(Bucket, LogKey1));

        Assert.Null(parsed.SetAsideReason);
        Assert.Equal(NotificationShape.EventBridge, parsed.Shape);
        Assert.Equal([new NotifiedObject(Bucket, LogKey1)], parsed.Objects);
    }

    [Fact]
    public void ObjectCreated_InAnSnsEnvelope_IsUnwrapped()
    {
        var parsed = Parse(Sns(EventBridge(Bucket, LogKey2)));

        Assert.Equal(NotificationShape.EventBridge, parsed.Shape);
        Assert.Equal([new NotifiedObject(Bucket, LogKey2)], parsed.Objects);
    }

    [Fact]
    public void Keys_AreTakenAsWritten_NotUrlDecoded()
    {
        // "EventBridge event message structure" documents no encoding of detail.object.key (unlike S3 event notifications).
        var parsed = Parse(EventBridge(Bucket, "audit+logs/caf%C3%A9 x"));

        Assert.Equal([new NotifiedObject(Bucket, "audit+logs/caf%C3%A9 x")], parsed.Objects);
    }

    [Theory]
    [InlineData("Object Deleted")]
    [InlineData("Object Restore Completed")]
    [InlineData("Object Tags Added")]
    public void OtherDetailTypes_AreNotObjectCreated(string detailType)
    {
        var parsed = Parse(EventBridge(Bucket, LogKey1, detailType));

        Assert.Equal(NotificationSetAsideReasons.NotObjectCreated, parsed.SetAsideReason);
        Assert.Equal($"an EventBridge '{detailType}' event", parsed.Detail);
        Assert.Empty(parsed.Objects);
    }

    [Fact]
    public void AnotherSource_IsUnknownShape()
    {
        var parsed = Parse(EventBridge(Bucket, LogKey1, source: "aws.cloudtrail"));

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("EventBridge event: source is not aws.s3", parsed.Detail);
    }

    [Theory]
    [InlineData("""{"source":"aws.s3","detail-type":5}""", "detail-type is not a string")]
    [InlineData("""{"source":{"x":1},"detail-type":"Object Created"}""", "source is not aws.s3")]
    [InlineData("""{"detail-type":"Object Created"}""", "source is not aws.s3")]
    [InlineData("""{"source":"aws.s3","detail-type":"Object Created"}""", "detail.bucket.name is not a non-empty string")]
    [InlineData("""{"source":"aws.s3","detail-type":"Object Created","detail":"x"}""", "detail.bucket.name is not a non-empty string")]
    [InlineData("""{"source":"aws.s3","detail-type":"Object Created","detail":{"bucket":{"name":null},"object":{"key":"k"}}}""", "detail.bucket.name is not a non-empty string")]
    [InlineData("""{"source":"aws.s3","detail-type":"Object Created","detail":{"bucket":{"name":"b"},"object":{"key":true}}}""", "detail.object.key is not a non-empty string")]
    [InlineData("""{"source":"aws.s3","detail-type":"Object Created","detail":{"bucket":{"name":"b"},"object":null}}""", "detail.object.key is not a non-empty string")]
    public void WrongTypes_AreUnknownShape(string body, string detail)
    {
        var parsed = Parse(body);

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("EventBridge event: " + detail, parsed.Detail);
    }

    [Fact]
    public void ALimitOfZero_IsTooManyObjects()
    {
        Assert.Equal(NotificationSetAsideReasons.TooManyObjects, Parse(EventBridge(Bucket, LogKey1), maxObjects: 0).SetAsideReason);
    }
}
