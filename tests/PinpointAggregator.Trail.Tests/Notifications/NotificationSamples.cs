using System.Text.Json;

namespace PinpointAggregator.Trail.Tests.Notifications;

/// <summary>
/// Message bodies written by hand after the examples in AWS's documentation: CloudTrail User Guide "Configuring Amazon
/// SNS notifications for CloudTrail", Amazon S3 User Guide "Event message structure" and "EventBridge event message
/// structure", and SNS's delivery envelope to SQS.
/// </summary>
internal static class NotificationSamples
{
    public const string Bucket = "org-trail-logs";
    public const int MaxChars = 256 * 1024;
    public const int MaxObjects = 1000;

    public const string LogKey1 = "AWSLogs/o-aa4bb5cc6d/111122223333/CloudTrail/us-east-1/2024/06/01/111122223333_CloudTrail_us-east-1_20240601T0005Z_AbCdEf0123456789.json.gz";
    public const string LogKey2 = "AWSLogs/o-aa4bb5cc6d/444455556666/CloudTrail/eu-west-1/2024/06/01/444455556666_CloudTrail_eu-west-1_20240601T0010Z_ZyXwVu9876543210.json.gz";

    /// <summary>CloudTrail's notification as published (raw message delivery shows exactly this).</summary>
    public static string CloudTrail(string bucket, params string[] keys) =>
        $$"""{"s3Bucket":{{JsonSerializer.Serialize(bucket)}},"s3ObjectKey":{{JsonSerializer.Serialize(keys)}}}""";

    /// <summary>The envelope SNS delivers to an SQS subscription without raw message delivery.</summary>
    public static string Sns(string message, string type = "Notification") => $$"""
        {
          "Type" : "{{type}}",
          "MessageId" : "2f6b1a9e-3c4d-5e6f-8a9b-0c1d2e3f4a5b",
          "TopicArn" : "arn:aws:sns:us-east-1:999988887777:org-trail-notifications",
          "Message" : {{JsonSerializer.Serialize(message)}},
          "Timestamp" : "2024-06-01T00:11:07.412Z",
          "SignatureVersion" : "1",
          "Signature" : "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=",
          "SigningCertURL" : "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-example.pem",
          "UnsubscribeURL" : "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:999988887777:org-trail-notifications:example"
        }
        """;

    /// <summary>SNS's subscription confirmation: a token and a URL that must never be quoted or followed.</summary>
    public const string SubscriptionConfirmation = """
        {
          "Type" : "SubscriptionConfirmation",
          "MessageId" : "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
          "Token" : "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736",
          "TopicArn" : "arn:aws:sns:us-east-1:999988887777:org-trail-notifications",
          "Message" : "You have chosen to subscribe to the topic arn:aws:sns:us-east-1:999988887777:org-trail-notifications.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
          "SubscribeURL" : "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:999988887777:org-trail-notifications&Token=2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736",
          "Timestamp" : "2024-06-01T00:00:00.000Z",
          "SignatureVersion" : "1",
          "Signature" : "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=",
          "SigningCertURL" : "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-example.pem"
        }
        """;

    /// <summary>One S3 event record; <paramref name="encodedKey"/> is written as S3 writes it (URL-encoded).</summary>
    public static string S3Record(string bucket, string encodedKey, string eventName = "ObjectCreated:Put", string eventSource = "aws:s3") => $$"""
        {
          "eventVersion": "2.1",
          "eventSource": "{{eventSource}}",
          "awsRegion": "us-east-1",
          "eventTime": "2024-06-01T00:11:05.123Z",
          "eventName": "{{eventName}}",
          "userIdentity": { "principalId": "AWS:AROAEXAMPLEID:regionalDeliverySession" },
          "requestParameters": { "sourceIPAddress": "203.0.113.17" },
          "responseElements": { "x-amz-request-id": "C3D13FE58DE4C810", "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD" },
          "s3": {
            "s3SchemaVersion": "1.0",
            "configurationId": "trail-logs-to-sqs",
            "bucket": { "name": {{JsonSerializer.Serialize(bucket)}}, "ownerIdentity": { "principalId": "A3NL1KOZZKExample" }, "arn": "arn:aws:s3:::{{bucket}}" },
            "object": { "key": {{JsonSerializer.Serialize(encodedKey)}}, "size": 1024, "eTag": "d41d8cd98f00b204e9800998ecf8427e", "sequencer": "0055AED6DCD90281E5" }
          }
        }
        """;

    public static string S3Event(params string[] records) => $$"""{"Records":[{{string.Join(",", records)}}]}""";

    public const string S3TestEvent = """
        {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2024-06-01T00:00:00.000Z","Bucket":"org-trail-logs","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}
        """;

    /// <summary>An EventBridge event from S3 as a rule delivers it to an SQS target.</summary>
    public static string EventBridge(string bucket, string key, string detailType = "Object Created", string source = "aws.s3") => $$"""
        {
          "version": "0",
          "id": "17793124-05d4-b198-2fde-7ededc63b103",
          "detail-type": "{{detailType}}",
          "source": "{{source}}",
          "account": "999988887777",
          "time": "2024-06-01T00:11:05Z",
          "region": "us-east-1",
          "resources": [ "arn:aws:s3:::{{bucket}}" ],
          "detail": {
            "version": "0",
            "bucket": { "name": {{JsonSerializer.Serialize(bucket)}} },
            "object": { "key": {{JsonSerializer.Serialize(key)}}, "size": 1024, "etag": "b1946ac92492d2347c6235b4d2611184", "sequencer": "617f08299329d189" },
            "request-id": "N4N7GDK58NMKJ12R",
            "requester": "cloudtrail.amazonaws.com",
            "source-ip-address": "203.0.113.17",
            "reason": "PutObject"
          }
        }
        """;
}
