using System.Text.Json.Nodes;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Integration.Tests.Cluster;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>
/// A grain state stored by an older shape, put straight into the storage table as an older release left it,
/// is upgraded when the grain reads it and written back in the current shape.
/// </summary>
public sealed class StateUpgradeTests : IDisposable
{
    private const string ServiceId = "pg-upgrade";

    private readonly string _folder = Directory.CreateTempSubdirectory("pa-pg-upgrade-").FullName;

    [Fact]
    public async Task PrefixStateOfVersion1_IsUpgradedWhenRead_AndWrittenBackAsCurrent()
    {
        await using var database = await PostgresClusterTests.MigratedDatabaseAsync();
        var trail = SampleTrailGenerator.Generate(_folder, new SampleTrailOptions { Seed = 71, Accounts = 1, Regions = 1, FilesPerDay = 4, MalformedFiles = 0 });
        var key = new TrailPrefixKey(new TrailLocation(PostgresCluster.Bucket, string.Empty, trail.OrganizationId), trail.AccountIds[0], trail.Regions[0]).Format();
        var waiting = trail.Files.First(f => !f.Digest).Key;

        // Version 1 kept a file waiting for a retry as its name-time only; version 2 made it an object.
        var version1 = new JsonObject
        {
            ["version"] = 1,
            ["started"] = false,
            ["backfillFrom"] = "2024-05-31T00:00:00Z",
            ["retry"] = new JsonObject { [waiting] = "2024-06-01T00:05:00Z" },
            ["counters"] = new JsonObject { ["filesRead"] = 7 },
        };
        await database.ExecuteAsync(
            "insert into pinpoint_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_key, payload, version) values ($1, 'prefix', 0, 0, $2, $3::json, 1)",
            ServiceId, key, version1.ToJsonString());
        await using var cluster = await PostgresCluster.StartAsync(database, ServiceId, silos: 1, _folder);
        var grain = cluster.Grains.GetGrain<ITrailPrefixGrain>(key);

        var status = await grain.GetStatusAsync();

        var retrying = Assert.Single(status.Retrying);
        Assert.Equal((waiting, 1, new DateTime(2024, 6, 1, 0, 5, 0, DateTimeKind.Utc), TrailPrefixStateUpgrader.CarriedOverError), (retrying.Key, retrying.Attempts, retrying.FirstFailedAt, retrying.LastError));
        Assert.Equal(7, status.Counters.FilesRead);

        // Starting the prefix writes its state: in the current shape, over the version-1 row (its e-tag was 1).
        await grain.StartAsync(new DateTime(2024, 5, 31, 0, 0, 0, DateTimeKind.Utc));
        var written = await Eventually.MatchesAsync(
            () => database.ScalarAsync<string>("select payload::text from pinpoint_grain_state where service_id = $1 and grain_type = 'prefix' and grain_key = $2", ServiceId, key),
            json => JsonNode.Parse(json)!["version"]!.GetValue<int>() == TrailPrefixState.CurrentVersion,
            "the prefix's state is written back in the current shape");
        Assert.DoesNotContain("$type", written, StringComparison.Ordinal);
        Assert.True(await database.ScalarAsync<int>("select version from pinpoint_grain_state where service_id = $1 and grain_key = $2", ServiceId, key) > 1);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
