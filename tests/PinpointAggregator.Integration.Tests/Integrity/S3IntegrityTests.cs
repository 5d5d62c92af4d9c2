using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Postgres;
using PinpointAggregator.Storage.PostgreSql.Integrity;
using PinpointAggregator.Storage.PostgreSql.Migrations;
using Xunit.Abstractions;
using static PinpointAggregator.Integration.Tests.Integrity.DigestClusters;

namespace PinpointAggregator.Integration.Tests.Integrity;

/// <summary>
/// End to end on s3rver and the real PostgreSQL: a signed trail uploaded with each digest's <c>signature</c>
/// metadata, as CloudTrail writes it, is verified with the stored signatures; a damaged copy gives exactly the
/// findings its damage implies, kept in PostgreSQL.
/// </summary>
public sealed class S3IntegrityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTime FirstHour = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private TestDatabase _database = null!;
    private NpgsqlDataSource _source = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new PostgresMigrator(_database.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        _source = NpgsqlDataSource.Create(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ASignedTrailInS3_HasNoViolations_AndIsValidatedThroughItsNewestDigest()
    {
        var bucket = await NewBucketAsync();
        using var trail = new SignedTrail(bucket, FirstHour, hours: 6);
        await using var cluster = await StartAsync(bucket, trail);
        await cluster.StartIngestionAsync();

        var prefix = await VerifiedAsync(cluster, trail.Digests.Count);

        Assert.Equal((0L, 0, null), (prefix.Integrity.Violations, prefix.Integrity.FindingsByKind.Count, prefix.Integrity.LastError));
        Assert.Equal(trail.Digests[^1].End, prefix.Integrity.ValidatedThrough);
        Assert.Equal(trail.Digests.Count, prefix.Counters.Requests[RequestKinds.DigestGet]);
        Assert.InRange(prefix.Counters.Requests[RequestKinds.DigestList], 1, prefix.Counters.Polls);
        Assert.Empty(await new PostgresIntegrityFindingStore(_source).ListAsync(new IntegrityFindingQuery(), null, 100, default));

        // The cost, for docs/integrity.md: digest requests beside the logs' own.
        output.WriteLine($"{prefix.Counters.Polls} polls, {trail.LogKeys.Count()} logs, {trail.Digests.Count} digests: " +
            string.Join(", ", prefix.Counters.Requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")));
    }

    [Fact]
    public async Task ADamagedCopy_ReportsExactlyTheExpectedFindings()
    {
        var bucket = await NewBucketAsync();
        using var trail = new SignedTrail(bucket, FirstHour, hours: 6);
        var modified = trail.LogKeys.Single(k => k.Contains("20240601T0110Z", StringComparison.Ordinal));
        var deletedLog = trail.LogKeys.Single(k => k.Contains("20240601T0240Z", StringComparison.Ordinal));
        var deletedDigest = trail.Digests[3];
        var orphans = trail.LogKeys.Where(k => k.Contains("20240601T03", StringComparison.Ordinal)).ToList();
        trail.ModifyLog(modified);
        trail.Delete(deletedLog);
        trail.Delete(deletedDigest.Key);
        var unlisted = trail.AddUnlistedLog(FirstHour.AddHours(4).AddMinutes(20));
        await using var cluster = await StartAsync(bucket, trail);
        await cluster.StartIngestionAsync();

        var expected = new[]
        {
            ("LogModified", trail.Digests[1].Key, modified),
            ("LogDeleted", trail.Digests[2].Key, deletedLog),
            ("DigestMissing", deletedDigest.Key, (string?)null),
            ("LogNotInAnyDigest", null, orphans[0]),
            ("LogNotInAnyDigest", null, orphans[1]),
            ("LogNotInAnyDigest", null, unlisted),
        }.Order().ToList();
        var prefix = await VerifiedAsync(cluster, trail.Digests.Count - 1);
        var found = await Eventually.MatchesAsync(
            () => new PostgresIntegrityFindingStore(_source).ListAsync(new IntegrityFindingQuery(), null, 100, default),
            all => all.Count >= expected.Count,
            "the findings are stored");

        Assert.Equal(expected, found.Select(f => (f.Kind, f.DigestKey, f.LogKey)).Order().ToList());
        Assert.All(found, f => Assert.Equal((SignedTrail.Account, SignedTrail.Region, true), (f.Account, f.Region, f.IsViolation)));
        prefix = (await cluster.PrefixesAsync())[0];
        Assert.Equal(expected.Count, prefix.Integrity.Violations);
        Assert.Equal(trail.Digests[^1].End, prefix.Integrity.ValidatedThrough);
    }

    private async Task<IngestionCluster> StartAsync(string bucket, SignedTrail trail)
    {
        using (var s3 = TestServices.CreateS3Client())
        {
            await trail.UploadAsync(s3, bucket);
        }

        var cluster = await IngestionCluster.StartAsync(
            bucket,
            overrides: new Dictionary<string, string?> { [PostgresIntegrityStoresConfigurator.ConnectionStringKey] = _database.ConnectionString },
            firstConfigurator: typeof(TestDigestKeysConfigurator),
            lastConfigurator: typeof(PostgresIntegrityStoresConfigurator));
        Keys(cluster).Trust(trail.PublicKey);
        return cluster;
    }

    private static async Task<string> NewBucketAsync()
    {
        var name = "integrity-" + Guid.NewGuid().ToString("N")[..12];
        using var s3 = TestServices.CreateS3Client();
        await s3.PutBucketAsync(name);
        return name;
    }
}
