using Microsoft.Extensions.Options;
using Npgsql;

namespace PinpointAggregator.Storage.PostgreSql.Options;

/// <summary>A missing or unreadable connection string is a start-up error that names the setting, never its value.</summary>
public sealed class PostgreSqlStorageOptionsValidator : IValidateOptions<PostgreSqlStorageOptions>
{
    private const string Key = $"ConnectionStrings:{PostgreSqlStorageOptions.ConnectionStringName}";

    public ValidateOptionsResult Validate(string? name, PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Key} is required for PostgreSQL storage (environment variable ConnectionStrings__{PostgreSqlStorageOptions.ConnectionStringName}), for example \"Host=127.0.0.1;Username=pinpoint;Password=...;Database=pinpoint\".");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            // The parser's message names the bad keyword only; the value (possibly a password) is not repeated.
            return ValidateOptionsResult.Fail($"{Key} is not a valid Npgsql connection string: {e.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
