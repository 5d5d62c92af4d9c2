using Npgsql;

namespace PinpointAggregator.Api.Tests;

/// <summary>
/// The service on PostgreSQL (grain state, the event store and its feed in a database of its own), reading the
/// sample: the API over the store it runs on in a cluster. Needs <c>PA_TEST_POSTGRES</c>, which
/// tests/run-tests.sh sets; without it the tests fail with that instruction, never skip.
/// </summary>
public sealed class PostgresServiceFixture : ServiceFixture
{
    private const string ServerVariable = "PA_TEST_POSTGRES";
    private readonly string _database = "api_" + Guid.NewGuid().ToString("N");

    protected override IEnumerable<KeyValuePair<string, string?>> Configuration =>
    [
        new("Storage:Provider", "PostgreSql"),
        new("Storage:MigrateOnStart", "true"),
        new("Api:WatchHeartbeatInterval", "00:00:01"),
        new("ConnectionStrings:PinpointAggregator", new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ConnectionString),
    ];

    private static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{ServerVariable} is not set. Run the tests with tests/run-tests.sh, which installs and starts PostgreSQL.");

    public override async Task InitializeAsync()
    {
        await ExecuteAsync($"create database {_database}");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"drop database if exists {_database} with (force)");
    }

    /// <summary>A value the service's own database holds (to show the answers came from it).</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Tests of the API on PostgreSQL share <see cref="PostgresServiceFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresService : ICollectionFixture<PostgresServiceFixture>
{
    public const string Name = "postgres";
}
