using PinpointAggregator.Trail.Notifications;
using static PinpointAggregator.Trail.Tests.Notifications.NotificationSamples;

namespace PinpointAggregator.Trail.Tests.Notifications;

public sealed class S3EventNotificationTests
{
    private static ParsedNotification Parse(string body, int maxObjects = MaxObjects) => TrailNotificationParser.Parse(body, MaxChars, maxObjects);

    [Fact]
    public void RawObjectCreated_NamesTheDecodedKey()
    {
        var parsed = Parse(S3Event(S3Record(Bucket, LogKey1), S3Record(Bucket, LogKey2, "ObjectCreated:CompleteMultipartUpload")));

        Assert.Null(parsed.SetAsideReason);
        Assert.Equal(NotificationShape.S3Event, parsed.Shape);
        Assert.Equal([new NotifiedObject(Bucket, LogKey1), new NotifiedObject(Bucket, LogKey2)], parsed.Objects);
    }

    [Fact]
    public void EventInAnSnsEnvelope_IsUnwrapped()
    {
        var parsed = Parse(Sns(S3Event(S3Record(Bucket, LogKey1, "ObjectCreated:Copy"))));

        Assert.Equal(NotificationShape.S3Event, parsed.Shape);
        Assert.Equal([new NotifiedObject(Bucket, LogKey1)], parsed.Objects);
    }

    [Theory]
    [InlineData("audit+logs/AWSLogs/x.json.gz", "audit logs/AWSLogs/x.json.gz")]
    [InlineData("a%2Bb+c%2bd", "a+b c+d")]
    [InlineData("caf%C3%A9/%E2%82%AC/%F0%9F%98%80", "café/€/😀")]
    [InlineData("red+flower.jpg", "red flower.jpg")]
    [InlineData("%25%2F%3D", "%/=")]
    [InlineData("café", "café")]
    [InlineData("plain/key.json.gz", "plain/key.json.gz")]
    public void Keys_AreUrlDecoded_PlusIsASpace(string encoded, string key)
    {
        var parsed = Parse(S3Event(S3Record(Bucket, encoded)));

        Assert.Equal([new NotifiedObject(Bucket, key)], parsed.Objects);
    }

    [Theory]
    [InlineData("bad%zz")]
    [InlineData("bad%4")]
    [InlineData("bad%")]
    [InlineData("bad%C3")]
    [InlineData("bad%FF%FE")]
    [InlineData("bad%ED%A0%80")]
    public void MalformedEncoding_IsUnknownShape(string encoded)
    {
        var parsed = Parse(S3Event(S3Record(Bucket, LogKey1), S3Record(Bucket, encoded)));

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("S3 event notification: Records[1].s3.object.key is not URL-encoded UTF-8", parsed.Detail);
        Assert.Empty(parsed.Objects);
    }

    [Fact]
    public void OtherEventNames_AreSkipped()
    {
        var parsed = Parse(S3Event(S3Record(Bucket, LogKey1, "ObjectRemoved:Delete"), S3Record(Bucket, LogKey2), S3Record(Bucket, LogKey1, "ObjectRestore:Completed")));

        Assert.Null(parsed.SetAsideReason);
        Assert.Equal([new NotifiedObject(Bucket, LogKey2)], parsed.Objects);
    }

    [Fact]
    public void OnlyOtherEventNames_IsNotObjectCreated()
    {
        var parsed = Parse(S3Event(S3Record(Bucket, LogKey1, "ObjectRemoved:Delete"), S3Record(Bucket, LogKey2, "ObjectRemoved:DeleteMarkerCreated")));

        Assert.Equal(NotificationSetAsideReasons.NotObjectCreated, parsed.SetAsideReason);
        Assert.Equal("2 S3 event record(s), none ObjectCreated:*", parsed.Detail);
    }

    [Fact]
    public void DuplicateRecords_AreReturnedOnce()
    {
        var parsed = Parse(S3Event(S3Record(Bucket, "a+b"), S3Record(Bucket, "a%20b"), S3Record("other-bucket", "a+b")));

        Assert.Equal([new NotifiedObject(Bucket, "a b"), new NotifiedObject("other-bucket", "a b")], parsed.Objects);
    }

    [Fact]
    public void NoRecords_IsNoObjects()
    {
        Assert.Equal(NotificationSetAsideReasons.NoObjects, Parse(S3Event()).SetAsideReason);
    }

    [Fact]
    public void MoreObjectsThanTheLimit_IsTooManyObjects()
    {
        var parsed = Parse(S3Event(S3Record(Bucket, "a"), S3Record(Bucket, "b")), maxObjects: 1);

        Assert.Equal(NotificationSetAsideReasons.TooManyObjects, parsed.SetAsideReason);
        Assert.Empty(parsed.Objects);
    }

    [Fact]
    public void TestEvent_IsTestEvent_RawOrInAnEnvelope()
    {
        Assert.Equal(NotificationSetAsideReasons.TestEvent, Parse(S3TestEvent).SetAsideReason);
        Assert.Equal(NotificationSetAsideReasons.TestEvent, Parse(Sns(S3TestEvent)).SetAsideReason);
    }

    [Theory]
    [InlineData("""{"Event":"s3:SomethingElse"}""")]
    [InlineData("""{"Event":42}""")]
    public void OtherEventProperty_IsUnknownShape(string body)
    {
        var parsed = Parse(body);

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("an Event property that is not s3:TestEvent", parsed.Detail);
    }

    [Fact]
    public void ACloudTrailLogBody_IsNotAnS3Notification()
    {
        const string log = """{"Records":[{"eventVersion":"1.09","eventSource":"pinpoint.amazonaws.com","eventName":"CreateApp","awsRegion":"us-east-1"}]}""";

        var parsed = Parse(log);

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("S3 event notification: Records[0].eventSource is not aws:s3", parsed.Detail);
    }

    [Theory]
    [InlineData("""{"Records":{}}""", "Records is not an array")]
    [InlineData("""{"Records":null}""", "Records is not an array")]
    [InlineData("""{"Records":[42]}""", "Records[0].eventSource is not aws:s3")]
    [InlineData("""{"Records":[null]}""", "Records[0].eventSource is not aws:s3")]
    [InlineData("""{"Records":[{"eventSource":["aws:s3"],"eventName":"ObjectCreated:Put"}]}""", "Records[0].eventSource is not aws:s3")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3","eventName":7}]}""", "Records[0].eventName is not a string")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put"}]}""", "Records[0].s3.bucket.name is not a non-empty string")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":null}]}""", "Records[0].s3.bucket.name is not a non-empty string")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":"b","object":{"key":"k"}}}]}""", "Records[0].s3.bucket.name is not a non-empty string")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":""},"object":{"key":"k"}}}]}""", "Records[0].s3.bucket.name is not a non-empty string")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":12}}}]}""", "Records[0].s3.object.key is not a non-empty string")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":[]}}]}""", "Records[0].s3.object.key is not a non-empty string")]
    [InlineData("""{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":""}}}]}""", "Records[0].s3.object.key is not a non-empty string")]
    public void WrongTypes_AreUnknownShape(string body, string detail)
    {
        var parsed = Parse(body);

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("S3 event notification: " + detail, parsed.Detail);
    }
}
