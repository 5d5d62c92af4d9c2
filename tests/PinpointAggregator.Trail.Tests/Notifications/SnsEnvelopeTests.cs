using System.Text.Json;
using PinpointAggregator.Trail.Notifications;
using static PinpointAggregator.Trail.Tests.Notifications.NotificationSamples;

namespace PinpointAggregator.Trail.Tests.Notifications;

public sealed class SnsEnvelopeTests
{
    private static ParsedNotification Parse(string body) => TrailNotificationParser.Parse(body, MaxChars, MaxObjects);

    [Fact]
    public void SubscriptionConfirmation_IsUnknownShape_AndNeverQuotesItsTokenOrUrl()
    {
        var parsed = Parse(SubscriptionConfirmation);

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("an SNS SubscriptionConfirmation, not a notification (confirm or remove the subscription in SNS)", parsed.Detail);
    }

    [Fact]
    public void UnsubscribeConfirmation_IsUnknownShape()
    {
        var parsed = Parse(Sns("You have chosen to deactivate subscription", type: "UnsubscribeConfirmation"));

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("an SNS UnsubscribeConfirmation, not a notification (confirm or remove the subscription in SNS)", parsed.Detail);
    }

    [Fact]
    public void AnotherType_IsUnknownShape_QuotedShortAndPrintable()
    {
        var parsed = Parse(Sns(CloudTrail(Bucket, LogKey1), type: "Weird\\u0007" + new string('T', 500)));

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal($"an SNS envelope of type 'Weird?{new string('T', 34)}…', not Notification", parsed.Detail);
    }

    [Theory]
    [InlineData("""{"Type":"Notification","TopicArn":"arn:aws:sns:us-east-1:999988887777:t","Message":{"s3Bucket":"b","s3ObjectKey":["k"]}}""", "an object")]
    [InlineData("""{"Type":"Notification","TopicArn":"arn:aws:sns:us-east-1:999988887777:t","Message":42}""", "a number")]
    [InlineData("""{"Type":"Notification","TopicArn":"arn:aws:sns:us-east-1:999988887777:t","Message":null}""", "null")]
    [InlineData("""{"Type":"Notification","TopicArn":"arn:aws:sns:us-east-1:999988887777:t","Message":["x"]}""", "an array")]
    [InlineData("""{"Type":"Notification","MessageId":"m"}""", "missing")]
    [InlineData("""{"Type":"Notification","MessageId":"m","Message":"\udc00"}""", "an empty or invalid string")]
    public void AMessageThatIsNotAString_IsUnknownShape(string body, string what)
    {
        var parsed = Parse(body);

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal($"an SNS notification whose Message is {what}, not a string", parsed.Detail);
        Assert.Empty(parsed.Objects);
    }

    [Fact]
    public void ATypeThatIsNotAString_IsUnknownShape()
    {
        var parsed = Parse("""{"Type":1,"TopicArn":"arn:aws:sns:us-east-1:999988887777:t","Message":"{}"}""");

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("Type is not a string", parsed.Detail);
    }

    [Fact]
    public void AMessageThatIsNotJson_IsNotJson_WithoutQuotingIt()
    {
        var parsed = Parse(Sns("secret-looking text, not JSON"));

        Assert.Equal(NotificationSetAsideReasons.NotJson, parsed.SetAsideReason);
        Assert.StartsWith("the SNS Message is not JSON", parsed.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyMessage_IsNotJson()
    {
        var parsed = Parse(Sns(string.Empty));

        Assert.Equal(NotificationSetAsideReasons.NotJson, parsed.SetAsideReason);
        Assert.Equal("the SNS Message is empty", parsed.Detail);
    }

    [Fact]
    public void AnEnvelopeInsideAnEnvelope_IsNotUnwrappedTwice()
    {
        var parsed = Parse(Sns(Sns(CloudTrail(Bucket, LogKey1))));

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("an SNS envelope inside an SNS envelope", parsed.Detail);
        Assert.Empty(parsed.Objects);
    }

    [Fact]
    public void AMessageThatIsAJsonString_IsUnknownShape()
    {
        // Published as a JSON string literal rather than an object: one level of text, never decoded again.
        var parsed = Parse(Sns(JsonSerializer.Serialize(CloudTrail(Bucket, LogKey1))));

        Assert.Equal(NotificationSetAsideReasons.UnknownShape, parsed.SetAsideReason);
        Assert.Equal("a string, not a JSON object", parsed.Detail);
    }
}
