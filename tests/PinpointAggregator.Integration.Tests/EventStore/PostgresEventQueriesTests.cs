using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PinpointAggregator.Grains.EventStore.Queries;
using PinpointAggregator.Grains.Tests.EventStore.Queries;
using PinpointAggregator.Integration.Tests.Postgres;
using PinpointAggregator.Storage.PostgreSql.EventStore;
using PinpointAggregator.Storage.PostgreSql.Migrations;
using static PinpointAggregator.Grains.Tests.EventStore.Queries.QueryCorpus;

namespace PinpointAggregator.Integration.Tests.EventStore;

/// <summary>
/// What only PostgreSQL can get wrong: a feed read while another transaction is still open, and query plans
/// that must read an index page rather than the table.
/// </summary>
public sealed class PostgresEventQueriesTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private TestDatabase _database = null!;
    private NpgsqlDataSource _source = null!;
    private PostgresAuditStore _store = null!;
    private PostgresEventQueries _queries = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new PostgresMigrator(_database.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        _source = NpgsqlDataSource.Create(_database.ConnectionString);
        _store = new PostgresAuditStore(_source, new EventPartitions(_source), TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new EventStoreOptions()));
        _queries = new PostgresEventQueries(_source);
    }

    public void Dispose() => _store.Dispose();

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Feed_ATransactionStillOpen_WhileALaterOneCommits_IsNotSkipped_AndEachRowComesOnce()
    {
        var writer = new StoreWriter(_store);
        await writer.CommitAsync(App1, Read("before", App1, T0)); // makes the month's partition
        // The head may lie before "before": xmin is server-wide, and another test's open transaction holds it back.
        var cursor = await PastAsync(await _queries.FeedHeadAsync(default), "before");

        // The first writer inserts its row and stays open; a second commits after it.
        await using var held = await _source.OpenConnectionAsync();
        await using var heldTransaction = await held.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "insert into pinpoint_events (target, deduplication_id, filed_at, event_id, is_addendum, account_id, region, application_id, event_time, " +
            "event_source, event_name, resource_kind, caller, is_write) values ($1, 'held', $2, 'held', false, $3, 'eu-west-1', 'app2', $2, " +
            "'pinpoint.amazonaws.com', 'GetApp', 'Application', 'someone', false)",
            held,
            heldTransaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = App2.Key });
            insert.Parameters.Add(new NpgsqlParameter { Value = T0 });
            insert.Parameters.Add(new NpgsqlParameter { Value = AccountA });
            await insert.ExecuteNonQueryAsync();
        }

        await writer.CommitAsync(App3, Read("later", App3, T0.AddMinutes(1)));

        // While the first is open, neither row may be returned (the later one would put the cursor past the
        // held one's place), however often the reader asks.
        var read = new List<StoredEvent>();
        for (var i = 0; i < 5; i++)
        {
            var page = await _queries.ReadFeedAsync(new EventQuery(), cursor, 10, false, default);
            read.AddRange(page.Events);
            cursor = page.Next;
        }

        Assert.Empty(read);
        await heldTransaction.CommitAsync();

        var stopwatch = Stopwatch.StartNew();
        while (read.Count < 2 && stopwatch.Elapsed < Deadline)
        {
            var page = await _queries.ReadFeedAsync(new EventQuery(), cursor, 10, false, default);
            read.AddRange(page.Events);
            cursor = page.Next;
            if (page.Events.Count == 0)
            {
                await Task.Delay(20);
            }
        }

        read.AddRange((await _queries.ReadFeedAsync(new EventQuery(), cursor, 10, false, default)).Events);
        Assert.Equal(["held", "later"], read.Select(e => e.EventId));
    }

    [Fact]
    public async Task Feed_ConcurrentCommitsOfManyTargets_AreEachReadExactlyOnce()
    {
        var cursor = await _queries.FeedHeadAsync(default);
        var targets = Enumerable.Range(0, 8).Select(i => new Grains.EventStore.AuditTarget(AccountA, "us-east-1", $"app{i}")).ToList();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var writing = Task.WhenAll(targets.Select(async target =>
        {
            var writer = new StoreWriter(_store);
            for (var batch = 0; batch < 10; batch++)
            {
                await writer.CommitAsync(target, [.. Enumerable.Range(0, 5).Select(i => Read($"{target.ApplicationId}-{batch}-{i}", target, T0.AddSeconds(batch)))]);
            }
        }));
        foreach (var target in targets)
        {
            for (var batch = 0; batch < 10; batch++)
            {
                for (var i = 0; i < 5; i++)
                {
                    expected.Add($"{target.ApplicationId}-{batch}-{i}");
                }
            }
        }

        // Read with a small page while the commits run, and on after they end until every row arrived.
        var read = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        while ((!writing.IsCompleted || read.Count < expected.Count) && stopwatch.Elapsed < Deadline)
        {
            var page = await _queries.ReadFeedAsync(new EventQuery(), cursor, 7, false, default);
            read.AddRange(page.Events.Select(e => e.EventId));
            cursor = page.Next;
        }

        await writing;
        read.AddRange((await _queries.ReadFeedAsync(new EventQuery(), cursor, 1000, false, default)).Events.Select(e => e.EventId));
        Assert.Equal(expected.Count, read.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Plans_OfFilteredSearchAndDirectoryPages_ReadAnIndex_NotTheTable()
    {
        await new StoreWriter(_store).CommitAsync(App1, Read("seed", App1, T0)); // the month's partition
        await _database.ExecuteAsync(
            "insert into pinpoint_events (target, deduplication_id, filed_at, event_id, is_addendum, account_id, region, application_id, event_time, " +
            "event_source, event_name, resource_kind, resource_id, caller, read_only, is_write, error_code, source_ip, request_parameters) " +
            "select lpad((i % 20)::text, 12, '1') || '/us-east-1/app' || (i % 500), 'g' || i, t, 'g' || i, false, lpad((i % 20)::text, 12, '1'), " +
            "case when i % 3 = 0 then 'eu-west-1' else 'us-east-1' end, 'app' || (i % 500), t, 'pinpoint.amazonaws.com', 'Action' || (i % 10), " +
            "case when i % 4 = 0 then 'Campaign' else 'Application' end, 'camp' || (i % 7), 'caller' || (i % 50), i % 2 = 0, i % 2 = 1, " +
            "case when i % 50 = 0 then 'BadRequestException' end, '10.0.' || (i % 200) || '.1', " +
            "jsonb_build_object('application-id', 'app' || (i % 500), 'Note', case when i % 1000 = 0 then 'needle in a haystack' else 'hay' || i end) " +
            "from generate_series(1, 20000) i, lateral (select $1::timestamptz + (i || ' seconds')::interval as t) times",
            T0);
        await _database.ExecuteAsync(
            "insert into pinpoint_applications (account_id, region, application_id, name, deleted, first_event_at, last_event_at, events, errors, by_action, error_codes, callers) " +
            "select lpad((i % 20)::text, 12, '1'), 'us-east-1', 'listed' || i, 'Name ' || i, i % 100 = 0, $1, $1::timestamptz + (i || ' seconds')::interval, 10, " +
            "case when i % 50 = 0 then 1 else 0 end, '{}', '{}', '{}' from generate_series(1, 20000) i",
            T0);
        await _database.ExecuteAsync("analyze");
        var account = "111111111113";
        var middle = new EventPosition(T0.AddSeconds(10_000), "g10000", string.Empty);

        var searches = new Dictionary<string, (EventQuery Query, EventPosition? After, bool Descending)>(StringComparer.Ordinal)
        {
            ["newest first, no filter"] = (new EventQuery(), null, true),
            ["one account, after a position"] = (new EventQuery { Accounts = [account] }, middle, true),
            ["two accounts"] = (new EventQuery { Accounts = [account, "111111111114"] }, null, true),
            ["one application"] = (new EventQuery { Applications = ["app7"] }, null, false),
            ["resource history"] = (new EventQuery { Accounts = [account], Applications = ["app7"], ResourceKind = "Campaign", ResourceId = "camp3" }, null, true),
            ["action"] = (new EventQuery { Actions = ["Action3"] }, middle, false),
            ["caller"] = (new EventQuery { Callers = ["caller7"] }, null, true),
            ["errors only"] = (new EventQuery { ErrorsOnly = true }, null, true),
            ["error code"] = (new EventQuery { ErrorCodes = ["BadRequestException"] }, null, true),
            ["source ip"] = (new EventQuery { SourceIps = ["10.0.9.1"] }, null, true),
            ["time range"] = (new EventQuery { From = T0.AddHours(1), Until = T0.AddHours(2) }, null, true),
            ["text in a time range"] = (new EventQuery { Text = "NEEDLE", From = T0.AddHours(1), Until = T0.AddHours(2) }, null, true),
        };
        foreach (var (name, (query, after, descending)) in searches)
        {
            var (sql, parameters) = PostgresEventQueries.SearchCommand(query, after, descending, 50, includeRaw: false)!.Value;
            AssertIndexOnly(name, await ExplainAsync(sql, parameters));
        }

        var (feedSql, feedParameters) = PostgresEventQueries.FeedCommand(new EventQuery { Accounts = [account] }, new FeedCursor(0, 0), 50, includeRaw: false);
        AssertIndexOnly("feed", await ExplainAsync(feedSql, feedParameters));

        var lists = new Dictionary<string, (ApplicationQuery Query, (string, string, string)? After)>(StringComparer.Ordinal)
        {
            ["all, after a key"] = (new ApplicationQuery(), (account, "us-east-1", "listed5000")),
            ["one account"] = (new ApplicationQuery { Accounts = [account] }, null),
            ["deleted"] = (new ApplicationQuery { Deleted = true }, null),
            ["alive"] = (new ApplicationQuery { Deleted = false }, (account, "us-east-1", "listed5000")),
            ["has errors"] = (new ApplicationQuery { HasErrors = true }, null),
            ["name contains"] = (new ApplicationQuery { NameContains = "me 1234" }, null),
            ["active since"] = (new ApplicationQuery { ActiveSince = T0.AddSeconds(19_900) }, null),
        };
        foreach (var (name, (query, after)) in lists)
        {
            var (sql, parameters) = PostgresApplicationDirectory.ListCommand(query, after, 50)!.Value;
            AssertIndexOnly(name, await ExplainAsync(sql, parameters));
        }
    }

    [Fact]
    public async Task Search_WithoutRaw_SelectsNoJsonColumn()
    {
        var (sql, _) = PostgresEventQueries.SearchCommand(new EventQuery { Text = "x" }, null, true, 10, includeRaw: false)!.Value;
        var select = sql[..sql.IndexOf(" from ", StringComparison.Ordinal)];

        Assert.DoesNotContain("request_parameters", select, StringComparison.Ordinal);
        Assert.DoesNotContain("response_elements", select, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ACancelledCall_StopsWithoutResult()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _queries.SearchAsync(new EventQuery(), null, true, 10, false, cancelled.Token));
    }

    private static void AssertIndexOnly(string name, string plan)
    {
        Assert.False(plan.Contains("Seq Scan", StringComparison.Ordinal), $"{name}: the plan scans a table:\n{plan}");
        Assert.True(plan.Contains("Index", StringComparison.Ordinal), $"{name}: the plan uses no index:\n{plan}");
    }

    private async Task<string> ExplainAsync(string sql, List<NpgsqlParameter> parameters)
    {
        await using var command = _source.CreateCommand("explain " + sql);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Reads the feed from <paramref name="cursor"/> until it is past the row of <paramref name="eventId"/>.</summary>
    private async Task<FeedCursor> PastAsync(FeedCursor cursor, string eventId)
    {
        await using var find = _source.CreateCommand("select tx::text, seq from pinpoint_events where event_id = $1");
        find.Parameters.Add(new NpgsqlParameter { Value = eventId });
        await using var reader = await find.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row {eventId}");
        var row = (long.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(1));
        var stopwatch = Stopwatch.StartNew();
        while ((cursor.Major, cursor.Minor).CompareTo(row) < 0)
        {
            Assert.True(stopwatch.Elapsed < Deadline, $"the feed did not pass {eventId}");
            cursor = (await _queries.ReadFeedAsync(new EventQuery(), cursor, 10, false, default)).Next;
            await Task.Delay(20);
        }

        return cursor;
    }
}
