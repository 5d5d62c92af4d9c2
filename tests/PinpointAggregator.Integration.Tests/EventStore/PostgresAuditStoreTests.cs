using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Storage;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Integration.Tests.Postgres;
using PinpointAggregator.Storage.PostgreSql.EventStore;
using PinpointAggregator.Storage.PostgreSql.Migrations;
using static PinpointAggregator.Integration.Tests.EventStore.StoreEvents;

namespace PinpointAggregator.Integration.Tests.EventStore;

/// <summary>The audit store on the real PostgreSQL the test script starts, one fresh database per test.</summary>
public sealed class PostgresAuditStoreTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTime Nov1 = new(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);

    private TestDatabase _database = null!;
    private NpgsqlDataSource _source = null!;
    private EventPartitions _partitions = null!;
    private PostgresAuditStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new PostgresMigrator(_database.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        _source = NpgsqlDataSource.Create(_database.ConnectionString);
        _partitions = new EventPartitions(_source);
        _store = new PostgresAuditStore(_source, _partitions, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new EventStoreOptions()));
    }

    public void Dispose() => _store.Dispose();

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Commit_StoresEachEventOnce_WithItsColumns_AndTheStateAsPlainJson()
    {
        var folder = await FolderAsync(_store);
        var e1 = Read("e1", Nov1, """{"application-id":"app1"}""");

        await ApplyAsync(folder, e1, Read("e2", Nov1.AddMinutes(1)));
        var again = await ApplyAsync(folder, e1);

        Assert.Equal(0, again.Applied);
        Assert.Equal(2L, await _database.ScalarAsync<long>("select count(*) from pinpoint_events"));
        Assert.Equal("app1", await _database.ScalarAsync<string>("select request_parameters->>'application-id' from pinpoint_events where event_id = 'e1'"));
        Assert.Equal(e1.SourceKey, await _database.ScalarAsync<string>("select source_key from pinpoint_events where event_id = 'e1'"));
        Assert.Equal("arn:aws:iam::111122223333:role/ops", await _database.ScalarAsync<string>("select caller_arn from pinpoint_events where event_id = 'e2'"));
        var state = JsonDocument.Parse(await _database.ScalarAsync<string>("select state::text from pinpoint_audit_state where target = $1", App.Key));
        Assert.Equal(3, state.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(2, state.RootElement.GetProperty("audit").GetProperty("activity").GetProperty("events").GetInt32());
        Assert.DoesNotContain("$type", state.RootElement.GetRawText(), StringComparison.Ordinal);

        var reloaded = await FolderAsync(_store);
        Assert.Equal(2, reloaded.State.Audit.Activity.Events);
        Assert.Equal(1, reloaded.State.Audit.Activity.DuplicatesIgnored);
    }

    [Fact]
    public async Task Commit_AnAddendum_ReplacesItsOriginalsRow()
    {
        var folder = await FolderAsync(_store);
        var original = Read("e1", Nov1);

        await ApplyAsync(folder, original);
        await ApplyAsync(folder, original with { EventId = "e1-addendum", Addendum = new(Reason: "UPDATED_DATA", UpdatedFields: null, OriginalRequestId: null, OriginalEventId: "e1") });

        Assert.Equal("e1-addendum", await _database.ScalarAsync<string>("select string_agg(event_id, ',') from pinpoint_events"));
        Assert.Equal(1, folder.State.Audit.Activity.Events);
    }

    [Fact]
    public async Task Commit_WithAStaleVersion_IsRefusedAndWritesNothing()
    {
        var stale = await FolderAsync(_store);
        var current = await FolderAsync(_store);
        await ApplyAsync(current, Read("e1", Nov1));

        await Assert.ThrowsAsync<InconsistentStateException>(() => ApplyAsync(stale, Read("e2", Nov1)));

        Assert.Equal("e1", await _database.ScalarAsync<string>("select string_agg(event_id, ',') from pinpoint_events"));
        Assert.Equal(1L, await _database.ScalarAsync<long>("select count(*) from pinpoint_audit_stamps"));
    }

    [Fact]
    public async Task Commit_FromTwoActivationsAtOnce_LetsExactlyOneWin()
    {
        var first = await FolderAsync(_store);
        var second = await FolderAsync(_store);

        var outcomes = await Task.WhenAll(
            Outcome(() => ApplyAsync(first, Read("a", Nov1))),
            Outcome(() => ApplyAsync(second, Read("b", Nov1))));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is InconsistentStateException);
        Assert.Equal(1L, await _database.ScalarAsync<long>("select count(*) from pinpoint_events"));
    }

    [Fact]
    public async Task Commit_HostileText_IsStoredCleaned_NotFailedForever()
    {
        var folder = await FolderAsync(_store);
        var hostile = Read("e1", Nov1, """{"a":"x\u0000y","b":"\ud800","c":"\ud83d\ude00","d":"\\u0000"}""", caller: "arn:aws:iam::1:role/x\0\ud800\t\n\r\\N");

        await ApplyAsync(folder, hostile);

        var json = JsonDocument.Parse(await _database.ScalarAsync<string>("select request_parameters::text from pinpoint_events"));
        Assert.Equal("x\\u0000y", json.RootElement.GetProperty("a").GetString());
        Assert.Equal("\\ud800", json.RootElement.GetProperty("b").GetString());
        Assert.Equal("😀", json.RootElement.GetProperty("c").GetString());
        Assert.Equal("\\u0000", json.RootElement.GetProperty("d").GetString());
        Assert.Equal("arn:aws:iam::1:role/x\uFFFD\uFFFD\t\n\r\\N", await _database.ScalarAsync<string>("select caller_arn from pinpoint_events"));
        Assert.Equal(1, (await FolderAsync(_store)).State.Audit.Activity.Events);
    }

    [Fact]
    public async Task Events_AreFiledInMonthlyPartitions_AForgedTimeNearItsDelivery_AndRetentionDropsWholeMonths()
    {
        var folder = await FolderAsync(_store);
        var forged = Read("forged", new DateTime(1971, 1, 1, 0, 0, 0, DateTimeKind.Utc)) with { SourceKey = Read("x", Nov1).SourceKey };

        await ApplyAsync(folder, Read("oct", Nov1.AddMonths(-1)), Read("nov", Nov1), forged);

        Assert.Equal(
            "pinpoint_events_2026_10,pinpoint_events_2026_11",
            await _database.ScalarAsync<string>("select string_agg(c.relname, ',' order by c.relname) from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'pinpoint_events'"));
        Assert.Equal(new DateTime(2026, 10, 1, 10, 0, 0, DateTimeKind.Utc), await _database.ScalarAsync<DateTime>("select filed_at from pinpoint_events where event_id = 'forged'"));

        var dropped = await _partitions.DropBeforeAsync(new DateTime(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc), default);

        Assert.Equal(["pinpoint_events_2026_10"], dropped);
        Assert.Equal("nov", await _database.ScalarAsync<string>("select string_agg(event_id, ',') from pinpoint_events"));
    }

    private static async Task<Exception?> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
