using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PinpointAggregator.Grains.Accounts;
using PinpointAggregator.Grains.Applications;
using PinpointAggregator.Grains.EventStore.Queries;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.Integration.Tests.Ingestion;
using PinpointAggregator.SampleData;
using PinpointAggregator.Storage.PostgreSql.EventStore;
using PinpointAggregator.Storage.PostgreSql.Migrations;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>
/// The durable cluster: silos on PostgreSQL clustering, grain storage and reminders ingest a local trail,
/// store plain JSON, and a new cluster on the same database carries on where the old one stopped.
/// </summary>
public sealed class PostgresClusterTests : IDisposable
{
    private static readonly SampleTrailOptions Organization = new()
    {
        Seed = 61, Accounts = 2, Regions = 2, Days = 1, FilesPerDay = 8, RecordsPerFile = 30, MalformedFiles = 2, DuplicateShare = 0.03,
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("pa-pg-trail-").FullName;

    [Fact]
    public async Task TwoSilos_IngestALocalTrail_MatchGroundTruth_AndStorePlainJson()
    {
        await using var database = await MigratedDatabaseAsync();
        var trail = SampleTrailGenerator.Generate(_folder, Organization);
        await using var cluster = await PostgresCluster.StartAsync(database, "pg-two-silos", silos: 2, _folder);

        await cluster.StartIngestionAsync();
        await cluster.CaughtUpAsync(trail);

        SummaryAssert.MatchesGroundTruth(trail.GroundTruth, await cluster.SummaryAsync());
        await ReferenceAudit.AssertClusterMatchesAsync(cluster.Grains, trail);
        Assert.Equal(2, await database.ScalarAsync<long>("select count(*) from pinpoint_membership where status = 3"));
        Assert.True(await database.ScalarAsync<long>("select count(*) from pinpoint_reminders where service_id = 'pg-two-silos'") >= 1 + trail.AccountIds.Count, "the discovery and poll reminders live in PostgreSQL");

        var stored = await database.ScalarAsync<string>("select payload::text from pinpoint_grain_state where grain_type = 'account' and service_id = 'pg-two-silos' order by grain_key limit 1");
        using var json = JsonDocument.Parse(stored);
        Assert.Equal(AccountState.CurrentVersion, json.RootElement.GetProperty("version").GetInt32());
        Assert.DoesNotContain("$type", stored, StringComparison.Ordinal);

        // Applications keep their audit in the audit store, beside their events: one row per distinct event.
        var audit = await database.ScalarAsync<string>("select state::text from pinpoint_audit_state where target like '%/%/%' order by target limit 1");
        using var auditJson = JsonDocument.Parse(audit);
        Assert.Equal(ApplicationState.CurrentVersion, auditJson.RootElement.GetProperty("version").GetInt32());
        Assert.Contains(auditJson.RootElement.GetProperty("audit").GetProperty("account").GetString(), trail.AccountIds);
        Assert.Equal(trail.GroundTruth.Totals.Events, await database.ScalarAsync<long>("select count(*) from pinpoint_events"));
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from (select target, deduplication_id from pinpoint_events group by 1, 2 having count(*) > 1) d"));

        // Each application grain wrote its directory line with its state.
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var listings = await new PostgresApplicationDirectory(source).ListAsync(new ApplicationQuery(), null, 10_000, default);
        Assert.Equal(
            trail.GroundTruth.Applications.Select(a => (a.Value.Account, a.Value.Region, a.Key, a.Value.Events, a.Value.Errors, a.Value.Deleted)).Order(),
            listings.Select(l => ((string?)l.Account, (string?)l.Region, l.ApplicationId, l.Events, l.Errors, l.Deleted)).Order());
    }

    [Fact]
    public async Task NewClusterOnTheSameDatabase_KeepsTheAudit_AndReadsNoFileAgain()
    {
        await using var database = await MigratedDatabaseAsync();
        var trail = SampleTrailGenerator.Generate(_folder, Organization with { Seed = 62 });
        long filesRead, gets;
        await using (var first = await PostgresCluster.StartAsync(database, "pg-restart", silos: 1, _folder))
        {
            await first.StartIngestionAsync();
            var caughtUp = await first.CaughtUpAsync(trail);
            (filesRead, gets) = (caughtUp.Sum(p => p.Counters.FilesRead), caughtUp.Sum(p => p.Counters.Requests.GetValueOrDefault(RequestKinds.Get)));
        }

        var restartedAt = DateTime.UtcNow;
        await using var second = await PostgresCluster.StartAsync(database, "pg-restart", silos: 1, _folder);
        await second.StartIngestionAsync();
        var polledAgain = await Eventually.MatchesAsync(
            second.PrefixesAsync,
            all => all.Length == trail.AccountIds.Count * trail.Regions.Count && all.All(p => p.CaughtUp && p.LastPollAt > restartedAt),
            "every prefix has polled in the new cluster");

        Assert.Equal(filesRead, polledAgain.Sum(p => p.Counters.FilesRead));
        Assert.Equal(gets, polledAgain.Sum(p => p.Counters.Requests.GetValueOrDefault(RequestKinds.Get)));
        Assert.True(filesRead > 0 && gets >= filesRead, $"{filesRead} files read with {gets} GETs before the restart");
        SummaryAssert.MatchesGroundTruth(trail.GroundTruth, await second.SummaryAsync());
        await ReferenceAudit.AssertClusterMatchesAsync(second.Grains, trail);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static async Task<TestDatabase> MigratedDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await new PostgresMigrator(database.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        return database;
    }
}
