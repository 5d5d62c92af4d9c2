using Npgsql;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>A fresh database of its own for one test, on the server the test script started; dropped afterwards.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        (Name, ConnectionString) = (name, connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync($"create database {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(name, connectionString);
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters) =>
        (T)(await RunAsync(sql, parameters, command => command.ExecuteScalarAsync()))!;

    public Task ExecuteAsync(string sql, params object[] parameters) =>
        RunAsync(sql, parameters, async command => (object?)await command.ExecuteNonQueryAsync());

    /// <summary>The test's own SQL, with positional parameters ($1, $2, ...).</summary>
    private async Task<object?> RunAsync(string sql, object[] parameters, Func<NpgsqlCommand, Task<object?>> run)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await run(command);
    }

    public async ValueTask DisposeAsync() => await ExecuteOnServerAsync($"drop database if exists {Name} with (force)");

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
