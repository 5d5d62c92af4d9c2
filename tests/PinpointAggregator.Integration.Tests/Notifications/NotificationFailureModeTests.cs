using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Trail.Notifications;
using static PinpointAggregator.Integration.Tests.Cluster.HandMadeBucket;
using static PinpointAggregator.Integration.Tests.Notifications.NotificationIngestionTests;

namespace PinpointAggregator.Integration.Tests.Notifications;

/// <summary>
/// What notifications cannot be trusted to do: arrive (a purged queue: the reconcile reads the files), keep arriving
/// (a quiet queue while files land: the prefix polls again and says so), or make sense (hostile and foreign messages:
/// counted by reason, deleted, never retried).
/// </summary>
public sealed class NotificationFailureModeTests
{
    private const string Excluded = "444455556666";
    private static readonly DateTime T = new(2024, 6, 10, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ForeignAndHostileMessages_AreCountedByReason_AndDeleted_AndAValidKeyBesideThemIsRead()
    {
        using var bucket = await HandMadeBucket.CreateAsync();
        using var queue = await SqsQueueFixture.CreateAsync();
        await using var cluster = await StartAsync(bucket, queue, new Dictionary<string, string?> { ["Ingestion:ExcludedAccounts:0"] = Excluded });
        var prefix = (await cluster.PrefixesAsync()).Single();
        var fresh = KeyAt(T.AddMinutes(5), "fresh");
        await bucket.PutAsync(fresh, Record("ok-2", T.AddMinutes(5), "DeleteApp", "app1"));

        await queue.SendAsync("not json at all");
        await queue.SendAsync(NotificationBodies.S3TestEvent(bucket.Name));
        await queue.SendAsync("{\"hello\":\"world\"}");
        await queue.SendAsync(NotificationBodies.CloudTrail("someone-elses-bucket", fresh));
        await queue.SendAsync(NotificationBodies.CloudTrail(
            bucket.Name,
            $"AWSLogs/o-abcdefghij/{Account}/CloudTrail-Digest/{Region}/2024/06/10/{Account}_CloudTrail-Digest_{Region}_org-trail_{Region}_20240610T100000Z.json.gz",
            "uploads/readme.txt",
            $"AWSLogs/o-abcdefghij/{Excluded}/CloudTrail/{Region}/2024/06/10/{Excluded}_CloudTrail_{Region}_20240610T1000Z_x.json.gz",
            $"elsewhere/AWSLogs/o-abcdefghij/{Account}/CloudTrail/{Region}/2024/06/10/{Account}_CloudTrail_{Region}_20240610T1000Z_y.json.gz",
            fresh));

        var status = await DeletedAsync(cluster, queue, 5);
        await QueueEmptyAsync(queue);
        var after = await cluster.Grains.GetGrain<ITrailPrefixGrain>(prefix.Key).GetStatusAsync();

        Assert.Equal(
            new Dictionary<string, long>
            {
                [NotificationSetAsideReasons.NotJson] = 1,
                [NotificationSetAsideReasons.TestEvent] = 1,
                [NotificationSetAsideReasons.UnknownShape] = 1,
                [NotificationSetAsideReasons.ForeignBucket] = 1,
                [NotificationSetAsideReasons.DigestFile] = 1,
                [NotificationSetAsideReasons.NotTrailKey] = 1,
                [NotificationSetAsideReasons.ExcludedAccount] = 1,
                [NotificationSetAsideReasons.OutsideTrailPrefix] = 1,
            },
            status.Total.SetAsideByReason.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary());
        Assert.Equal((5L, 5L, 1L), (status.Total.MessagesReceived, status.Total.MessagesDeleted, status.Total.KeysRouted));
        Assert.Equal((2L, 2L), (after.Counters.FilesRead, after.Counters.Requests[RequestKinds.Get]));
        Assert.Equal(PrefixIngestionMode.Notified, after.Notifications.Mode);
        Assert.True(status.Total.Requests[RequestKinds.SqsReceive] >= 1 && status.Total.Requests[RequestKinds.SqsDelete] >= 2, "receives and deletes are counted");
    }

    [Fact]
    public async Task FilesWhoseNotificationsWereLost_AreReadByTheReconcile_Once()
    {
        using var bucket = await HandMadeBucket.CreateAsync();
        using var queue = await SqsQueueFixture.CreateAsync();
        // Polls every second, as a production prefix does every minute: in notification mode they list no window, so
        // only the reconcile (every 2 s here) can find a file no notification named.
        await using var cluster = await StartAsync(bucket, queue, new Dictionary<string, string?>
        {
            ["Ingestion:PollInterval"] = "00:00:01",
            ["Ingestion:MaxPollInterval"] = "00:00:02",
            ["Ingestion:ReconcileInterval"] = "00:00:02",
        });
        var grain = await NotifiedAsync(cluster, bucket, queue);

        // Two more files land, and their notifications are lost: the queue is purged before anyone reads them.
        await bucket.PutAsync(KeyAt(T.AddMinutes(10), "lost1"), Record("ok-3", T.AddMinutes(10), "DeleteApp", "app2"));
        await bucket.PutAsync(KeyAt(T.AddMinutes(15), "lost2"), Record("ok-4", T.AddMinutes(15), "GetApp", "app1"));
        await queue.PurgeAsync();

        var read = await Eventually.MatchesAsync(grain.GetStatusAsync, p => p.Counters.FilesRead == 4, "the reconcile reads the files no notification named");
        var later = await Eventually.MatchesAsync(grain.GetStatusAsync, p => p.Counters.Reconciles >= read.Counters.Reconciles + 2, "two more reconciles");

        Assert.Equal((4L, 4L, 2L), (later.Counters.FilesRead, later.Counters.Requests[RequestKinds.Get], later.Counters.FilesReconciled));
        Assert.Equal(PrefixIngestionMode.Notified, later.Notifications.Mode);
        Assert.Equal(1, later.Notifications.FilesNotified);
        Assert.Equal(0, later.Counters.FilesMissed);
    }

    [Fact]
    public async Task AQuietQueueWhileFilesKeepArriving_BringsBackPolling_AndSaysSo_UntilNotificationsReturn()
    {
        using var bucket = await HandMadeBucket.CreateAsync();
        using var queue = await SqsQueueFixture.CreateAsync();
        await using var cluster = await StartAsync(bucket, queue, new Dictionary<string, string?>
        {
            ["Ingestion:PollInterval"] = "00:00:01",
            ["Ingestion:MaxPollInterval"] = "00:00:02",
            ["Ingestion:Notifications:QuietAfter"] = "00:00:03",
        });
        var grain = await NotifiedAsync(cluster, bucket, queue);

        // Files keep landing, but no notification comes: after QuietAfter the poll lists again, finds them, falls back.
        await bucket.PutAsync(KeyAt(T.AddMinutes(10), "unnotified"), Record("ok-3", T.AddMinutes(10), "DeleteApp", "app2"));
        var fallback = await Eventually.MatchesAsync(grain.GetStatusAsync, p => p.Notifications.Mode == PrefixIngestionMode.Fallback && p.Counters.FilesRead == 3, "the prefix falls back to polling");

        Assert.NotNull(fallback.Notifications.FallbackSince);
        Assert.False(string.IsNullOrEmpty(fallback.Notifications.FallbackReason));
        Assert.Equal(1, fallback.Notifications.Fallbacks);

        // A notification ends the fallback.
        var back = KeyAt(T.AddMinutes(15), "back");
        await bucket.PutAsync(back, Record("ok-4", T.AddMinutes(15), "GetApp", "app1"));
        await queue.SendAsync(NotificationBodies.CloudTrail(bucket.Name, back));
        var resumed = await Eventually.MatchesAsync(grain.GetStatusAsync, p => p.Notifications.Mode == PrefixIngestionMode.Notified && p.Counters.FilesRead == 4, "notifications are back");

        Assert.Null(resumed.Notifications.FallbackSince);
        Assert.Equal(1, resumed.Notifications.Fallbacks);
        Assert.Equal(4, resumed.Counters.Requests[RequestKinds.Get]);
    }

    /// <summary>A cluster consuming <paramref name="queue"/> whose one prefix has read its first file by listing.</summary>
    private static async Task<IngestionCluster> StartAsync(HandMadeBucket bucket, SqsQueueFixture queue, Dictionary<string, string?> settings)
    {
        await bucket.PutAsync(KeyAt(T, "base"), Record("ok-1", T, "GetApp", "app1"));
        var cluster = await IngestionCluster.StartAsync(bucket.Name, overrides: NotificationSettings.For([queue], settings));
        try
        {
            await cluster.StartIngestionAsync();
            await cluster.CaughtUpAsync(1, 1);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>One notified file read puts the prefix in notification mode: its polls list no window any more.</summary>
    private static async Task<ITrailPrefixGrain> NotifiedAsync(IngestionCluster cluster, HandMadeBucket bucket, SqsQueueFixture queue)
    {
        var grain = cluster.Grains.GetGrain<ITrailPrefixGrain>((await cluster.PrefixesAsync()).Single().Key);
        var notified = KeyAt(T.AddMinutes(5), "notified");
        await bucket.PutAsync(notified, Record("ok-2", T.AddMinutes(5), "GetApp", "app1"));
        await queue.SendAsync(NotificationBodies.CloudTrail(bucket.Name, notified));
        await Eventually.MatchesAsync(grain.GetStatusAsync, p => p.Notifications.Mode == PrefixIngestionMode.Notified && p.Counters.FilesRead == 2, "the notified file is read");
        return grain;
    }
}
