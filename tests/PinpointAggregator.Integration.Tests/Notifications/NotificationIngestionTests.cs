using System.Text.RegularExpressions;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Ingestion;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Notifications;

/// <summary>
/// An organization trail read through notifications end to end: s3rver holds the files, fauxqs the SNS topic and the
/// SQS queues, a real cluster consumes them. Polls are rare here (10 minutes), so once the first listing has caught up
/// only notifications can read the files that land later.
/// </summary>
public sealed partial class NotificationIngestionTests
{
    private static readonly SampleTrailOptions Organization = new()
    {
        Seed = 12, Accounts = 2, Regions = 2, Days = 1, FilesPerDay = 8, RecordsPerFile = 20,
        DuplicateShare = 0.03, AddendumShare = 0.02, MalformedFiles = 2, IncludeDigests = false,
    };

    [Fact]
    public async Task NotifiedFiles_RawEnvelopedS3AndEventBridge_DuplicatedAndOutOfOrder_AreEachReadOnce_AndStateEqualsTheGroundTruth()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization);
        using var raw = await SqsQueueFixture.CreateAsync("raw");
        using var enveloped = await SqsQueueFixture.CreateAsync("enveloped");
        using var sns = new FauxSns();
        var topic = await sns.CreateTopicAsync("trail-" + Guid.NewGuid().ToString("N")[..8]);
        await sns.SubscribeAsync(topic, raw.Arn, raw: true);
        await sns.SubscribeAsync(topic, enveloped.Arn, raw: false);

        // The first three files of each prefix are there before the service starts; the rest land later.
        var byPrefix = bucket.LogFiles.GroupBy(f => PrefixOf(f.Key)).ToList();
        var early = byPrefix.SelectMany(g => g.OrderBy(f => f.Key, StringComparer.Ordinal).Take(3)).ToList();
        var later = bucket.LogFiles.Except(early).ToList();
        await bucket.UploadAsync(early);
        await using var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: NotificationSettings.For([raw, enveloped]));
        await cluster.StartIngestionAsync();
        await cluster.CaughtUpAsync(byPrefix.Count, early.Count);
        await bucket.UploadAsync(later);

        // Out of order; each file notified once or more, in every shape: through the topic (to both queues, raw and
        // enveloped), as an S3 event or an EventBridge event straight to a queue; every fourth one again.
        var shuffled = later.OrderBy(f => f.Key.GetHashCode(StringComparison.Ordinal)).ToList();
        var (toRaw, toEnveloped) = (0, 0);
        for (var i = 0; i < shuffled.Count; i++)
        {
            var key = shuffled[i].Key;
            switch (i % 3)
            {
                case 0:
                    await sns.PublishAsync(topic, NotificationBodies.CloudTrail(bucket.Name, key), subject: "[AWS CloudTrail] New log file");
                    (toRaw, toEnveloped) = (toRaw + 1, toEnveloped + 1);
                    break;
                case 1:
                    await raw.SendAsync(NotificationBodies.S3Event(bucket.Name, key));
                    toRaw++;
                    break;
                default:
                    await enveloped.SendAsync(NotificationBodies.EventBridge(bucket.Name, key));
                    toEnveloped++;
                    break;
            }

            if (i % 4 == 0)
            {
                await raw.SendAsync(NotificationBodies.CloudTrail(bucket.Name, key, shuffled[(i + 1) % shuffled.Count].Key));
                toRaw++;
            }
        }

        var prefixes = await cluster.CaughtUpAsync(byPrefix.Count, bucket.LogFiles.Count);
        await QueueEmptyAsync(raw);
        await QueueEmptyAsync(enveloped);

        SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, await cluster.SummaryAsync());
        Assert.Equal(bucket.LogFiles.Count, prefixes.Sum(p => p.Counters.Requests.GetValueOrDefault(RequestKinds.Get)));
        Assert.All(prefixes, p => Assert.Equal(PrefixIngestionMode.Notified, p.Notifications.Mode));
        Assert.True(prefixes.Sum(p => p.Notifications.FilesNotified) >= later.Count, "every later file was notified");
        var rawStatus = await DeletedAsync(cluster, raw, toRaw);
        var envelopedStatus = await DeletedAsync(cluster, enveloped, toEnveloped);
        Assert.Empty(rawStatus.Total.SetAsideByReason);
        Assert.Empty(envelopedStatus.Total.SetAsideByReason);
        Assert.Equal(toRaw, rawStatus.Total.MessagesReceived);
        Assert.Equal(toEnveloped, envelopedStatus.Total.MessagesReceived);

        // A notification for keys already done costs no GET.
        var done = early.Take(3).Select(f => f.Key).ToArray();
        var notifiedBefore = prefixes.Sum(p => p.Notifications.NotifiedAlreadyDone);
        await raw.SendAsync(NotificationBodies.S3Event(bucket.Name, done));
        await DeletedAsync(cluster, raw, toRaw + 1);
        var after = await cluster.PrefixesAsync();
        Assert.Equal(notifiedBefore + done.Length, after.Sum(p => p.Notifications.NotifiedAlreadyDone));
        Assert.Equal(bucket.LogFiles.Count, after.Sum(p => p.Counters.Requests.GetValueOrDefault(RequestKinds.Get)));
        Assert.Equal((0, 0), await raw.DepthAsync());
    }

    /// <summary>The prefix part of a log key: <c>…/ACCOUNT/CloudTrail/REGION/</c>.</summary>
    internal static string PrefixOf(string key) => RegionPrefix().Match(key).Value;

    internal static Task QueueEmptyAsync(SqsQueueFixture queue) =>
        Eventually.MatchesAsync(queue.DepthAsync, depth => depth == (0, 0), $"queue {queue.Name} is empty");

    /// <summary>Waits until the queue's grain has heard of <paramref name="messages"/> deleted messages (silos report every 10 s).</summary>
    internal static Task<NotificationQueueStatus> DeletedAsync(IngestionCluster cluster, SqsQueueFixture queue, int messages) =>
        Eventually.MatchesAsync(
            () => cluster.Grains.GetGrain<INotificationQueueGrain>(queue.Name).GetStatusAsync(),
            status => status.Total.MessagesDeleted == messages,
            $"{messages} messages of {queue.Name} are deleted");

    [GeneratedRegex("^.*?/CloudTrail/[^/]+/")]
    private static partial Regex RegionPrefix();
}
