using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.Integration.Tests.Ingestion;
using PinpointAggregator.Integration.Tests.Postgres;
using PinpointAggregator.Integration.Tests.Processes;
using PinpointAggregator.SampleData;
using Xunit.Abstractions;

namespace PinpointAggregator.Integration.Tests.Durability;

/// <summary>
/// The durable cluster as it runs in production: three silo processes on PostgreSQL reading an organization
/// trail from s3rver through the local STS. A silo killed with SIGKILL mid-ingest costs no event and counts
/// none twice; a whole cluster stopped and started again reads no file a second time.
/// </summary>
[Collection(ProcessClusterSerial.Name)]
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    /// <summary>Several accounts and regions, duplicates, addenda and damaged files: enough that ingestion takes seconds.</summary>
    private static readonly SampleTrailOptions Organization = new()
    {
        Seed = 71, Accounts = 4, Regions = 3, Days = 1, FilesPerDay = 24, RecordsPerFile = 60,
        DuplicateShare = 0.03, AddendumShare = 0.02, MalformedFiles = 4,
    };

    private static int Prefixes => Organization.Accounts * Organization.Regions;

    [Fact]
    public async Task SiloKilledMidIngest_SurvivorsCatchUp_WithEveryEventStoredExactlyOnce()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization);
        await bucket.UploadAsync(bucket.Trail.Files);
        await using var database = await PostgresClusterTests.MigratedDatabaseAsync();
        using var sts = new LocalSts();
        // Small steps (2 files a batch, one batch a turn, one read at a time per silo), so ingestion is still
        // under way when the test looks, however fast the machine: a kill after the last file proves nothing.
        var settings = S3SiloSettings.For(bucket.Name, sts);
        (settings["Ingestion:FilesPerBatch"], settings["Ingestion:BatchesPerTurn"], settings["Ingestion:SiloReadConcurrency"]) = ("2", "1", "1");
        await using var cluster = new ProcessCluster(database.ConnectionString, "pa-kill", settings, S3SiloSettings.Environment, output);
        await cluster.RunAsync(async () =>
        {
            // No prefix reads before every silo has joined (AssumeRole answers wait): the prefixes spread over all
            // the silos, and ingestion starts when the test is watching instead of while the last silo boots.
            sts.HoldAnswers();
            await cluster.StartAsync(3);
            sts.ReleaseAnswers();
            await cluster.StartIngestionAsync();
            var files = bucket.LogFiles.Count;

            // Some files done, and a silo that is still reading some of its prefixes: that one dies.
            var partly = (await Eventually.MatchesAsync(cluster.TryPrefixesAsync, all => all is not null && all.Length == Prefixes && Done(all) > 0, "some files are done"))!;
            var (victim, interrupted) = await GrainPlacement.BusiestAsync(cluster, partly);
            victim.Kill();
            output.WriteLine($"Killed {victim.Name} with {Done(partly)} of {files} files done; it was reading {interrupted.Length} prefixes: {string.Join(", ", interrupted)}");
            Assert.True(Done(partly) < files && interrupted.Length > 0, $"the kill must interrupt ingestion: {Done(partly)} of {files} files were done, the victim was reading {interrupted.Length} prefixes");

            await cluster.CaughtUpAsync(Prefixes, files);
            Assert.Equal(2, cluster.Running.Count());
            var truth = bucket.Trail.GroundTruth;
            SummaryAssert.MatchesGroundTruth(truth, await cluster.SummaryAsync());
            await ReferenceAudit.AssertClusterMatchesAsync(cluster.Grains, bucket.Trail);
            await EventStoreAssert.HoldsEveryEventOnceAsync(database.ConnectionString, truth);
            Assert.True(truth.Totals.DuplicateEvents > 0 && truth.FailedFiles.Count == Organization.MalformedFiles, "the corpus must hold duplicates and damaged files");
        });
    }

    [Fact]
    public async Task WholeClusterRestarted_ResumesWithoutReadingAnyFileAgain()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization with { Seed = 72, FilesPerDay = 12 });
        await bucket.UploadAsync(bucket.Trail.Files);
        await using var database = await PostgresClusterTests.MigratedDatabaseAsync();
        using var sts = new LocalSts();
        await using var cluster = new ProcessCluster(database.ConnectionString, "pa-restart", S3SiloSettings.For(bucket.Name, sts), S3SiloSettings.Environment, output);
        await cluster.RunAsync(async () =>
        {
            await cluster.StartAsync(3);
            await cluster.StartIngestionAsync();
            var before = await cluster.CaughtUpAsync(Prefixes, bucket.LogFiles.Count);
            var summaryBefore = await cluster.SummaryAsync();

            await cluster.StopAllAsync();
            var restartedAt = DateTime.UtcNow;
            await cluster.StartAsync(3);
            var after = (await Eventually.MatchesAsync(
                cluster.TryPrefixesAsync,
                all => all is not null && all.Length == Prefixes && all.All(p => p.CaughtUp && p.LastPollAt > restartedAt),
                "every prefix has polled again after the restart"))!;

            Assert.Equal(FilesRead(before), FilesRead(after));
            Assert.Equal(Gets(before), Gets(after));
            Assert.True(FilesRead(before) > 0 && Gets(before) >= FilesRead(before), $"{FilesRead(before)} files read with {Gets(before)} GETs before the restart");
            SummaryAssert.MatchesGroundTruth(summaryBefore, await cluster.SummaryAsync());
            SummaryAssert.MatchesGroundTruth(bucket.Trail.GroundTruth, summaryBefore);
            await EventStoreAssert.HoldsEveryEventOnceAsync(database.ConnectionString, bucket.Trail.GroundTruth);
        });
    }

    private static long Done(IEnumerable<PrefixStatus> prefixes) => prefixes.Sum(p => p.Counters.FilesRead + p.Counters.FilesQuarantined);

    private static long FilesRead(IEnumerable<PrefixStatus> prefixes) => prefixes.Sum(p => p.Counters.FilesRead);

    private static long Gets(IEnumerable<PrefixStatus> prefixes) => prefixes.Sum(p => p.Counters.Requests.GetValueOrDefault(RequestKinds.Get));
}
