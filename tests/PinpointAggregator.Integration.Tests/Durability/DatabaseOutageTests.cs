using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.Integration.Tests.Ingestion;
using PinpointAggregator.Integration.Tests.Postgres;
using PinpointAggregator.Integration.Tests.Processes;
using PinpointAggregator.SampleData;
using PinpointAggregator.Storage.PostgreSql.Migrations;
using PinpointAggregator.Trail.Keys;
using Xunit.Abstractions;

namespace PinpointAggregator.Integration.Tests.Durability;

/// <summary>
/// PostgreSQL goes away while the cluster ingests and new trail files keep arriving: the silo processes stay up
/// and keep answering, every prefix reports the outage instead of "caught up", nothing is recorded as done that
/// was not stored, and when the database is back ingestion resumes by itself and ends at exactly the ground
/// truth. The test runs a server of its own, so stopping it touches no other test.
/// </summary>
[Collection(ProcessClusterSerial.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    /// <summary>
    /// How long the database stays away at least. Long enough for every prefix to poll into it several times
    /// (polls every second, backing off to 2 s) and for the connection pools to hold only dead connections;
    /// a longer outage repeats the same failures.
    /// </summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    /// <summary>Per prefix of the first account: the newest files, delivered by CloudTrail while the database is down.</summary>
    private const int ArrivingDuringOutage = 4;

    private static readonly SampleTrailOptions Organization = new()
    {
        Seed = 81, Accounts = 3, Regions = 2, Days = 1, FilesPerDay = 16, RecordsPerFile = 60,
        DuplicateShare = 0.03, AddendumShare = 0.02, MalformedFiles = 3,
    };

    [Fact]
    public async Task DatabaseStoppedMidIngest_SilosStayUpAndReportIt_ThenResumeToExactlyTheGroundTruth()
    {
        using var bucket = await SampleBucket.CreateAsync(Organization);
        var late = ArrivingLate(bucket.Trail);
        await bucket.UploadAsync(bucket.Trail.Files.Except(late));
        await using var server = await OwnPostgresServer.StartAsync();
        await new PostgresMigrator(server.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        using var sts = new LocalSts();
        await using var cluster = new ProcessCluster(server.ConnectionString, "pa-outage", S3SiloSettings.For(bucket.Name, sts), S3SiloSettings.Environment, output);
        await cluster.RunAsync(
            async () =>
            {
                var (prefixes, files) = (Organization.Accounts * Organization.Regions, bucket.LogFiles.Count);
                await cluster.StartAsync(2);
                await cluster.StartIngestionAsync();
                await cluster.CaughtUpAsync(prefixes, files - late.Count);

                // The database goes; the first account's prefixes get new files to read, the others only poll.
                await server.StopAsync();
                var down = Stopwatch.StartNew();
                await bucket.UploadAsync(late);

                // The first account's prefixes read the new files, whose events wait for their grains (which cannot
                // commit), and say so. The others have nothing to save (an idle poll writes nothing) and stay caught
                // up: their status is still true. The silos answer all the while.
                var reading = $"/{bucket.Trail.AccountIds[0]}/";
                var during = (await Eventually.MatchesAsync(
                    cluster.TryPrefixesAsync,
                    all => all is not null && all.Length == prefixes
                        && all.Where(p => p.Key.Contains(reading, StringComparison.Ordinal)).All(p => p.ConsecutiveFailures > 0 && !p.CaughtUp && p.LastError is not null && p.UndeliveredBatches > 0),
                    "the prefixes with new files report the outage, and their events wait for their grains"))!;
                output.WriteLine($"During the outage: {string.Join("; ", during.Select(p => p.LastError).OfType<string>().Select(e => e[..Math.Min(e.Length, 120)]).Distinct().Take(3))}");
                if (Outage - down.Elapsed is { Ticks: > 0 } rest)
                {
                    await Task.Delay(rest);
                }

                Assert.Equal(2, cluster.Running.Count());
                Assert.NotNull(await cluster.TryPrefixesAsync());

                await server.StartAgainAsync();
                await cluster.CaughtUpAsync(prefixes, files);
                Assert.Equal(2, cluster.Running.Count());
                var truth = bucket.Trail.GroundTruth;
                SummaryAssert.MatchesGroundTruth(truth, await cluster.SummaryAsync());
                await ReferenceAudit.AssertClusterMatchesAsync(cluster.Grains, bucket.Trail);
                await EventStoreAssert.HoldsEveryEventOnceAsync(server.ConnectionString, truth);
            },
            server.ReadLog);
    }

    /// <summary>The newest log files of each prefix of the first account: newer than everything read before, so the next listing finds them.</summary>
    private static List<SampleFile> ArrivingLate(SampleTrail trail) => [.. trail.Files
        .Where(f => !f.Digest)
        .Select(f => (File: f, Key: TrailKey.TryParse(f.Key, out var key, out _) ? key : throw new InvalidOperationException(f.Key)))
        .Where(f => f.Key.AccountId == trail.AccountIds[0])
        .GroupBy(f => f.Key.Region)
        .SelectMany(region => region.OrderByDescending(f => f.Key.Timestamp).ThenByDescending(f => f.File.Key, StringComparer.Ordinal).Take(ArrivingDuringOutage))
        .Select(f => f.File)];
}
