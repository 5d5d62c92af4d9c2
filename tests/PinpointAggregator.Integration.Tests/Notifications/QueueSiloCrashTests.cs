using Npgsql;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Durability;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.Integration.Tests.Ingestion;
using PinpointAggregator.Integration.Tests.Postgres;
using PinpointAggregator.Integration.Tests.Processes;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Keys;
using Xunit.Abstractions;

namespace PinpointAggregator.Integration.Tests.Notifications;

/// <summary>
/// Queue mode as it runs in production: three silo processes on PostgreSQL, the trail on s3rver, CloudTrail's
/// notifications in a queue on fauxqs that every silo consumes. One silo is killed with SIGKILL while it holds
/// messages; they come back after the visibility timeout, and the survivors end at the ground truth with every file
/// done once, no event stored twice, and the queue empty.
/// </summary>
[Collection(ProcessClusterSerial.Name)]
public sealed class QueueSiloCrashTests(ITestOutputHelper output)
{
    /// <summary>Duplicates, addenda and damaged files across accounts and regions; a notification per log file.</summary>
    private static readonly SampleTrailOptions Organization = new()
    {
        Seed = 93, Accounts = 3, Regions = 2, Days = 1, FilesPerDay = 24, RecordsPerFile = 40,
        DuplicateShare = 0.03, AddendumShare = 0.02, MalformedFiles = 3,
    };

    private static int Prefixes => Organization.Accounts * Organization.Regions;

    [Fact]
    public async Task SiloKilledHoldingMessages_SurvivorsReadEveryNotifiedFileOnce_AndTheQueueEndsEmpty()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization);
        var logs = bucket.LogFiles.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();

        // Each prefix's first log is there before the cluster starts, so discovery finds every prefix and its first
        // listing reads it; every other log arrives later, with its notification, and only the queue names it.
        var first = logs.GroupBy(PrefixOf).Select(g => g.First()).ToList();
        var second = logs.GroupBy(PrefixOf).Select(g => g.Skip(1).First()).ToList();
        var notified = logs.Except(first).Except(second).ToList();
        await bucket.UploadAsync(first);
        using var queue = await SqsQueueFixture.CreateAsync("crash");
        await using var database = await PostgresClusterTests.MigratedDatabaseAsync();
        using var sts = new LocalSts();
        var settings = S3SiloSettings.For(bucket.Name, sts);
        settings["Aws:SqsServiceUrl"] = TestServices.SqsEndpoint;
        settings["Ingestion:Notifications:Queues:0:Url"] = queue.Url;
        settings["Ingestion:Notifications:VisibilityTimeout"] = "00:00:10";
        settings["Ingestion:Notifications:WaitTime"] = "00:00:01";

        // One file at a time per silo, so a silo holds its batch of messages for a while. Polls every few seconds: a
        // notified prefix's poll lists no window, it delivers what waits (events for grains of the killed silo).
        (settings["Ingestion:PollInterval"], settings["Ingestion:MaxPollInterval"]) = ("00:00:02", "00:00:05");
        (settings["Ingestion:FileConcurrency"], settings["Ingestion:SiloReadConcurrency"]) = ("1", "1");
        await using var cluster = new ProcessCluster(database.ConnectionString, "pa-queue-kill", settings, S3SiloSettings.Environment, output);
        await cluster.RunAsync(async () =>
        {
            sts.HoldAnswers();
            await cluster.StartAsync(3);
            sts.ReleaseAnswers();
            await cluster.StartIngestionAsync();
            await cluster.CaughtUpAsync(Prefixes, first.Count);

            // A notification per prefix first: from then on the prefixes are notified and their polls list no window,
            // so every later file is read because the queue named it.
            await UploadAndNotifyAsync(bucket, queue, second);
            await Eventually.MatchesAsync(
                cluster.TryPrefixesAsync,
                all => all is not null && all.Length == Prefixes && all.All(p => p.Notifications.Mode == PrefixIngestionMode.Notified && p.Counters.FilesRead + p.Counters.FilesQuarantined == 2),
                "every prefix is notified");
            await UploadAndNotifyAsync(bucket, queue, notified);

            // The victim is a silo that holds messages: received, not yet deleted (its files are being read).
            var victim = await HolderAsync(cluster);
            var (visible, inFlight) = await queue.DepthAsync();
            victim.Kill();
            output.WriteLine($"Killed {victim.Name} holding messages; the queue had {visible} waiting and {inFlight} in flight");
            Assert.True(inFlight > 0, "the kill must find messages in flight");

            // Done as the done keys say: the victim may have recorded a file's key and died before its prefix saved its
            // counters, and then its redelivered message is answered AlreadyDone with no GET, which no counter shows.
            await Eventually.MatchesAsync(
                async () => await ProgressAsync(queue, database.ConnectionString, cluster),
                now => now is { Visible: 0, InFlight: 0, Waiting: 0 } && now.DoneKeys == logs.Count && now.CaughtUp == Prefixes,
                $"the queue is empty and the done keys name all {logs.Count} files");
            Assert.Equal(2, cluster.Running.Count());

            var truth = bucket.Trail.GroundTruth;
            SummaryAssert.MatchesGroundTruth(truth, await cluster.SummaryAsync());
            await ReferenceAudit.AssertClusterMatchesAsync(cluster.Grains, bucket.Trail);
            await EventStoreAssert.HoldsEveryEventOnceAsync(database.ConnectionString, truth);
            Assert.Equal(logs.Count, await DoneKeysAsync(database.ConnectionString));
            var prefixes = (await cluster.TryPrefixesAsync())!;
            Assert.True(prefixes.Sum(p => p.Counters.FilesRead + p.Counters.FilesQuarantined) <= logs.Count, "no file is read twice");
            Assert.True(truth.Totals.DuplicateEvents > 0 && truth.FailedFiles.Count == Organization.MalformedFiles, "the corpus must hold duplicates and damaged files");
        });
    }

    /// <summary>
    /// A running silo holding messages right now: its own counters (its <c>/metrics</c>, read live, not the queue grain's
    /// 10-second reports) say it received more messages than it deleted or set aside.
    /// </summary>
    private static async Task<SiloProcess> HolderAsync(ProcessCluster cluster)
    {
        using var http = new HttpClient();
        return (await Eventually.MatchesAsync(
            async () =>
            {
                foreach (var silo in cluster.Running)
                {
                    var metrics = await http.GetStringAsync(new Uri(silo.HttpUrl + "/metrics"));
                    if (Sum(metrics, "pinpoint_notifications_messages_received_total") > Sum(metrics, "pinpoint_notifications_messages_deleted_total") + Sum(metrics, "pinpoint_notifications_set_aside_total"))
                    {
                        return silo;
                    }
                }

                return null;
            },
            silo => silo is not null,
            "a silo holds received messages it has not deleted yet"))!;
    }

    /// <summary>The sum of a Prometheus counter's samples (every label set; a sample's value is the token after its labels) in a <c>/metrics</c> page.</summary>
    private static double Sum(string metrics, string name) => metrics.Split('\n')
        .Where(line => line.StartsWith(name, StringComparison.Ordinal) && (line.Length == name.Length || line[name.Length] is '{' or ' '))
        .Sum(line => double.Parse((line.Contains('}', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[name.Length..]).Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Uploads the files, then sends CloudTrail's notification for each (raw delivery), as CloudTrail delivers.</summary>
    private static async Task UploadAndNotifyAsync(SampleBucket bucket, SqsQueueFixture queue, IReadOnlyList<SampleFile> files)
    {
        await bucket.UploadAsync(files);
        foreach (var file in files)
        {
            await queue.SendAsync("{\"s3Bucket\":\"" + bucket.Name + "\",\"s3ObjectKey\":[\"" + file.Key + "\"]}");
        }
    }

    private static async Task<CrashProgress> ProgressAsync(SqsQueueFixture queue, string connectionString, ProcessCluster cluster)
    {
        var (visible, inFlight) = await queue.DepthAsync();
        var prefixes = await cluster.TryPrefixesAsync() ?? [];
        return new CrashProgress(
            visible,
            inFlight,
            await DoneKeysAsync(connectionString),
            prefixes.Count(p => p.CaughtUp),
            prefixes.Sum(p => p.PendingRetries + p.UndeliveredBatches),
            prefixes.Sum(p => p.Counters.FilesRead + p.Counters.FilesQuarantined));
    }

    private static (string, string) PrefixOf(SampleFile file) =>
        TrailKey.TryParse(file.Key, out var key, out _) ? (key.AccountId, key.Region) : throw new InvalidOperationException($"not a trail key: {file.Key}");

    private static async Task<long> DoneKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from pinpoint_done_keys", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>Where the survivors are after the kill: the queue's depth, the done keys, and the prefixes.</summary>
internal sealed record CrashProgress(int Visible, int InFlight, long DoneKeys, int CaughtUp, int Waiting, long FilesCounted);
