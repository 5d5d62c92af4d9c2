using System.Globalization;

namespace PinpointAggregator.Api.Tests.Notifications;

/// <summary>Tests that share the service with two notification queues configured.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationQueuesService : ICollectionFixture<NotificationQueuesFixture>
{
    public const string Name = "notification queues";
}

/// <summary>
/// The embedded default with two notification queues configured: <see cref="TrailEvents"/> (named by its URL) and
/// one named <see cref="Backup"/>. SQS is a loopback port nothing listens on, so the silo's consumer never receives
/// a message (nothing leaves the machine); the tests report counters to the queues' grains as silos do.
/// </summary>
/// <remarks>
/// The consumer signs with the ambient credentials: made-up ones in the environment, so the SDK's chain stops
/// there instead of asking the instance metadata address, which is not loopback.
/// </remarks>
public sealed class NotificationQueuesFixture : ServiceFixture
{
    /// <summary>The made-up secret the consumer signs with; no answer or error may show it.</summary>
    public const string SecretKey = "api-tests-made-up-secret-0123456789abcdef";

    public const string TrailEventsUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/trail-events";
    public const string BackupUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/cloudtrail-backup";
    public const string TrailEvents = "trail-events";
    public const string Backup = "backup";

    protected override IEnumerable<KeyValuePair<string, string?>> Configuration =>
    [
        new("Ingestion:Notifications:Queues:0:Url", TrailEventsUrl),
        new("Ingestion:Notifications:Queues:1:Url", BackupUrl),
        new("Ingestion:Notifications:Queues:1:Name", Backup),
        new("Aws:SqsServiceUrl", $"http://127.0.0.1:{PinpointAggregator.Testing.TestPorts.Next().ToString(CultureInfo.InvariantCulture)}"),
    ];

    public override Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAAPITESTSMADEUP00");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretKey);
        return base.InitializeAsync();
    }
}
