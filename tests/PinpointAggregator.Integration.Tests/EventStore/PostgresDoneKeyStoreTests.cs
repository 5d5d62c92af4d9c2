using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Integration.Tests.Postgres;
using PinpointAggregator.Storage.PostgreSql.DoneKeys;
using PinpointAggregator.Storage.PostgreSql.Migrations;

namespace PinpointAggregator.Integration.Tests.EventStore;

/// <summary>The done-key store on the real PostgreSQL, one fresh database per test class instance.</summary>
public sealed class PostgresDoneKeyStoreTests : IAsyncLifetime
{
    private const string Prefix = "trail/AWSLogs/111122223333/us-east-1";
    private static readonly DateTime Day = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private TestDatabase _database = null!;
    private NpgsqlDataSource _source = null!;
    private PostgresDoneKeyStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await new PostgresMigrator(_database.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
        _source = NpgsqlDataSource.Create(_database.ConnectionString);
        _store = new PostgresDoneKeyStore(_source);
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task RecordedKeys_AreFoundOncePerPrefix_AndForgottenByNameTime()
    {
        await _store.RecordAsync(Prefix, [new DoneKey("old", Day), new DoneKey("new", Day.AddDays(3))], default);
        await _store.RecordAsync(Prefix, [new DoneKey("new", Day.AddDays(3))], default);

        Assert.Equal(["new", "old"], (await _store.FindDoneAsync(Prefix, ["old", "new", "unknown"], default)).Order());
        Assert.Empty(await _store.FindDoneAsync("another/prefix", ["old", "new"], default));

        await _store.ForgetAsync(Prefix, Day.AddDays(1), default);

        Assert.Equal(["new"], await _store.FindDoneAsync(Prefix, ["old", "new"], default));
        Assert.Equal(1L, await _database.ScalarAsync<long>("select count(*) from pinpoint_done_keys"));
    }

    [Fact]
    public async Task AKeyWithTextPostgreSqlCannotHold_IsStoredAndFoundAsItself()
    {
        var hostile = "AWSLogs/x\0\ud800.json.gz";

        await _store.RecordAsync(Prefix, [new DoneKey(hostile, Day)], default);

        Assert.Equal([hostile], await _store.FindDoneAsync(Prefix, [hostile, "AWSLogs/x.json.gz"], default));
    }
}
