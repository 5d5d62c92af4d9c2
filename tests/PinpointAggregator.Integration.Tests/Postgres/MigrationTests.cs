using Microsoft.Extensions.Logging.Abstractions;
using PinpointAggregator.Storage.PostgreSql.Migrations;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>The migrator against a real PostgreSQL: concurrent starts, re-runs, and a changed applied file.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task ThreeMigratorsAtOnce_OnAFreshDatabase_AllSucceedAndEachMigrationIsAppliedOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrators = Enumerable.Range(0, 3).Select(_ => new PostgresMigrator(database.ConnectionString, NullLogger<PostgresMigrator>.Instance)).ToList();

        var results = await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync())));

        var catalog = MigrationCatalog.Embedded;
        Assert.Equal(catalog.Select(m => m.Version), results.SelectMany(r => r.Applied).Select(m => m.Version).Order());
        Assert.Equal(catalog.Count, await database.ScalarAsync<long>($"select count(*) from {PostgresMigrator.HistoryTable}"));
        Assert.Equal(catalog.Count, await database.ScalarAsync<long>($"select count(distinct version) from {PostgresMigrator.HistoryTable}"));
        Assert.Equal(1, await database.ScalarAsync<long>("select count(*) from orleansquery where querykey = 'CleanupDefunctSiloEntriesKey'"));
    }

    [Fact]
    public async Task SecondRun_AppliesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = new PostgresMigrator(database.ConnectionString, NullLogger<PostgresMigrator>.Instance);
        var first = await migrator.MigrateAsync();
        var appliedAt = await database.ScalarAsync<DateTime>($"select max(applied_at) from {PostgresMigrator.HistoryTable}");

        var second = await migrator.MigrateAsync();

        Assert.Equal(MigrationCatalog.Embedded.Count, first.Applied.Count);
        Assert.Empty(second.Applied);
        Assert.Equal(MigrationCatalog.Embedded.Count, second.AlreadyApplied.Count);
        Assert.Equal(appliedAt, await database.ScalarAsync<DateTime>($"select max(applied_at) from {PostgresMigrator.HistoryTable}"));
    }

    [Fact]
    public async Task AppliedMigrationChangedSince_IsAClearErrorAndAppliesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var migrator = new PostgresMigrator(database.ConnectionString, NullLogger<PostgresMigrator>.Instance);
        await migrator.MigrateAsync();
        var edited = MigrationCatalog.Embedded.Select(m => m.Version == 2 ? m with { Sql = m.Sql + "\n-- edited", Checksum = "edited" } : m).ToList();
        var next = new Migration(9999, "never_applied", "create table never_applied (id int)", "new");

        var error = await Assert.ThrowsAsync<MigrationException>(() => migrator.MigrateAsync([.. edited, next], CancellationToken.None));

        Assert.Contains("0002_grain_storage was changed after it was applied", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from information_schema.tables where table_name = 'never_applied'"));
    }

    [Fact]
    public async Task FailingMigration_IsRolledBackWhole_AndNotRecorded()
    {
        await using var database = await TestDatabase.CreateAsync();
        var broken = new Migration(1, "broken", "create table half_done (id int); select * from no_such_table;", "x");

        var error = await Assert.ThrowsAsync<MigrationException>(() => new PostgresMigrator(database.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync([broken], CancellationToken.None));

        Assert.Contains("0001_broken failed and was rolled back", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from information_schema.tables where table_name = 'half_done'"));
        Assert.Equal(0, await database.ScalarAsync<long>($"select count(*) from {PostgresMigrator.HistoryTable}"));
    }
}
