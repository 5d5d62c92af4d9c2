using System.Text;
using PinpointAggregator.Trail.Notifications;
using static PinpointAggregator.Trail.Tests.Notifications.NotificationSamples;

namespace PinpointAggregator.Trail.Tests.Notifications;

public sealed class HostileNotificationTests
{
    private static ParsedNotification Parse(string body, int maxChars = MaxChars, int maxObjects = MaxObjects) =>
        TrailNotificationParser.Parse(body, maxChars, maxObjects);

    [Fact]
    public void TenMegabytes_IsTooLarge_BeforeAnyParsing()
    {
        // Not even JSON: the length alone decides.
        var body = "{" + new string('x', 10 * 1024 * 1024);

        var parsed = Parse(body);

        Assert.Equal(NotificationSetAsideReasons.TooLarge, parsed.SetAsideReason);
        Assert.Equal($"a body of {body.Length} characters, more than {MaxChars}", parsed.Detail);
    }

    [Fact]
    public void TheLimit_IsInclusive()
    {
        var body = CloudTrail(Bucket, LogKey1);

        Assert.Null(Parse(body, maxChars: body.Length).SetAsideReason);
        Assert.Equal(NotificationSetAsideReasons.TooLarge, Parse(body, maxChars: body.Length - 1).SetAsideReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello, this is not JSON")]
    [InlineData("{\"s3Bucket\":\"b\",")]
    [InlineData("{\"s3Bucket\":\"b\"} trailing")]
    [InlineData("{'s3Bucket':'b'}")]
    [InlineData("{\"s3Bucket\":\"b\",}")]
    [InlineData("/* comment */ {}")]
    public void NotJson_IsNotJson_AndNeverQuoted(string body)
    {
        var parsed = Parse(body);

        Assert.Equal(NotificationSetAsideReasons.NotJson, parsed.SetAsideReason);
        Assert.Empty(parsed.Objects);
        Assert.DoesNotContain("hello", parsed.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("trailing", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnpairedSurrogate_IsNotJson()
    {
        var parsed = Parse("{\"s3Bucket\":\"b\ud800\",\"s3ObjectKey\":[\"k\"]}");

        Assert.Equal(NotificationSetAsideReasons.NotJson, parsed.SetAsideReason);
        Assert.Equal("not valid Unicode text", parsed.Detail);
    }

    [Fact]
    public void DeepNesting_IsNotJson()
    {
        var body = new string('[', 100_000) + new string(']', 100_000);

        var parsed = Parse(body, maxChars: body.Length);

        Assert.Equal(NotificationSetAsideReasons.NotJson, parsed.SetAsideReason);
        Assert.StartsWith("not JSON, or nested deeper than 16 levels", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingJustPastTheCap_InsideAValidShape_IsNotJson()
    {
        var deep = new string('[', 16) + new string(']', 16);
        var parsed = Parse($$"""{"s3Bucket":"b","s3ObjectKey":["k"],"extra":{{deep}}}""");

        Assert.Equal(NotificationSetAsideReasons.NotJson, parsed.SetAsideReason);
    }

    [Fact]
    public void DeepNestingInsideTheSnsMessage_IsNotJson()
    {
        var parsed = Parse(Sns(new string('[', 1000) + new string(']', 1000)));

        Assert.Equal(NotificationSetAsideReasons.NotJson, parsed.SetAsideReason);
        Assert.StartsWith("the SNS Message is not JSON, or nested deeper than 16 levels", parsed.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("[{\"s3Bucket\":\"b\",\"s3ObjectKey\":[\"k\"]}]", "an array")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    [InlineData("true", "a boolean")]
    [InlineData("\"{}\"", "a string")]
    public void AJsonValueThatIsNotAnObject_IsUnknownShape(string body, string what)
    {
        var parsed = Parse(body);

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal($"{what}, not a JSON object", parsed.Detail);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Message":"{\"s3Bucket\":\"b\",\"s3ObjectKey\":[\"k\"]}"}""")]
    [InlineData("""{"bucket":"b","key":"k"}""")]
    public void AnObjectOfNoKnownShape_IsUnknownShape(string body)
    {
        var parsed = Parse(body);

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.StartsWith("an object with none of s3Bucket/s3ObjectKey (CloudTrail)", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeArrayOfKeys_IsTooManyObjects()
    {
        var keys = Enumerable.Range(0, 100_000).Select(i => $"k{i}").ToArray();
        var body = CloudTrail(Bucket, keys);

        var parsed = Parse(body, maxChars: body.Length);

        Assert.Equal(NotificationSetAsideReasons.TooManyObjects, parsed.SetAsideReason);
        Assert.Equal($"the message (CloudTrail) names more than {MaxObjects} objects", parsed.Detail);
    }

    [Fact]
    public void AHugeArrayOfOneRepeatedKey_IsOneObject()
    {
        var body = CloudTrail(Bucket, Enumerable.Repeat(LogKey1, 50_000).ToArray());

        var parsed = Parse(body, maxChars: body.Length);

        Assert.Equal([new NotifiedObject(Bucket, LogKey1)], parsed.Objects);
    }

    [Fact]
    public void Details_AreBounded_AndNeverEchoALongValue()
    {
        var longValue = new string('Z', 100_000);
        var bodies = new[]
        {
            Sns(CloudTrail(Bucket, LogKey1), type: longValue),
            EventBridge(Bucket, LogKey1, detailType: longValue),
            EventBridge(Bucket, LogKey1, source: longValue),
            """{"Event":"LONG"}""".Replace("LONG", longValue, StringComparison.Ordinal),
            "{\"" + longValue + "\":1}",
            "{\"s3Bucket\":\"b\",\"s3ObjectKey\":[\"k\"]," + longValue,
        };

        foreach (var body in bodies)
        {
            var parsed = Parse(body, maxChars: body.Length);

            Assert.NotNull(parsed.SetAsideReason);
            Assert.InRange(parsed.Detail!.Length, 1, NotificationJson.MaxDetailChars);
            Assert.DoesNotContain(new string('Z', 50), parsed.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ArbitraryBytes_NeverThrow()
    {
        // A fixed seed: the same bodies every run. Each is cut from valid samples and mutated, so most reach deep into the readers.
        var random = new Random(12);
        var samples = new[] { CloudTrail(Bucket, LogKey1, LogKey2), Sns(S3Event(S3Record(Bucket, "a+b%2B"))), EventBridge(Bucket, LogKey1), S3TestEvent, SubscriptionConfirmation };
        const string mutations = "{}[]\":,\\ 0an%+\u00e9";
        var reasons = new HashSet<string?>();
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new StringBuilder(samples[i % samples.Length]);
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                chars[random.Next(chars.Length)] = mutations[random.Next(mutations.Length)];
            }

            var parsed = Parse(chars.ToString());

            Assert.True(parsed.SetAsideReason is null ? parsed.Objects.Count > 0 : parsed.Objects.Count == 0);
            reasons.Add(parsed.SetAsideReason);
        }

        Assert.Contains(null, reasons);
        Assert.Contains(NotificationSetAsideReasons.NotJson, reasons);
        Assert.Contains(NotificationSetAsideReasons.UnknownShape, reasons);
    }
}
