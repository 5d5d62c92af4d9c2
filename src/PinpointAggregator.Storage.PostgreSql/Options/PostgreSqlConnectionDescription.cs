using Npgsql;

namespace PinpointAggregator.Storage.PostgreSql.Options;

/// <summary>What may be logged about a connection string: server, database and user, never the password.</summary>
public static class PostgreSqlConnectionDescription
{
    public static string Of(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null, Passfile = null };
        return $"database '{builder.Database}' on {builder.Host}:{builder.Port} as '{builder.Username}'";
    }
}
