namespace PinpointAggregator.Integration.Tests.Notifications;

/// <summary>Cluster settings that consume fauxqs queues, with short waits so tests are quick.</summary>
internal static class NotificationSettings
{
    /// <summary>
    /// <paramref name="queues"/> as <c>Ingestion:Notifications:Queues</c> on fauxqs, polls rare enough (10 minutes) that
    /// only notifications (and the reconcile, when a test sets it) read new files, and <paramref name="extra"/> on top.
    /// </summary>
    public static Dictionary<string, string?> For(IEnumerable<SqsQueueFixture> queues, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Aws:SqsServiceUrl"] = TestServices.SqsEndpoint,
            ["Ingestion:PollInterval"] = "00:10:00",
            ["Ingestion:MaxPollInterval"] = "00:10:00",
            ["Ingestion:Notifications:WaitTime"] = "00:00:02",
            ["Ingestion:Notifications:VisibilityTimeout"] = "00:00:10",
        };
        var i = 0;
        foreach (var queue in queues)
        {
            settings[$"Ingestion:Notifications:Queues:{i++}:Url"] = queue.Url;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
