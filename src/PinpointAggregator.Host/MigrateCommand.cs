using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.Storage.PostgreSql.Migrations;
using PinpointAggregator.Storage.PostgreSql.Options;

namespace PinpointAggregator.Host;

/// <summary>
/// <c>migrate</c>: applies the PostgreSQL schema migrations to the database of
/// <c>ConnectionStrings:PinpointAggregator</c> and exits: 0 when the schema is current, 1 when migrating
/// failed, 2 for missing or invalid configuration. Configuration comes from the same sources as the silo's.
/// </summary>
internal static partial class MigrateCommand
{
    public const string Name = "migrate";

    public const int Failed = 1;

    public static async Task<int> RunAsync(string[] args, Action<ILoggingBuilder>? configureLogging)
    {
        var builder = PinpointHost.CreateBuilder(args);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        configureLogging?.Invoke(builder.Logging);
        var options = new PostgreSqlStorageOptions { ConnectionString = builder.Configuration.GetConnectionString(PostgreSqlStorageOptions.ConnectionStringName) };
        var validation = new PostgreSqlStorageOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(nameof(PostgreSqlStorageOptions), typeof(PostgreSqlStorageOptions), validation.Failures);
        }

        using var host = builder.Build();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();
        var logger = loggers.CreateLogger(typeof(MigrateCommand));
        try
        {
            await new PostgresMigrator(options.ConnectionString!, loggers.CreateLogger<PostgresMigrator>()).MigrateAsync();
            return 0;
        }
        catch (Exception e) when (e is MigrationException or NpgsqlException or TimeoutException)
        {
            // Npgsql's messages name the server and the problem, never the password.
            LogFailed(logger, PostgreSqlConnectionDescription.Of(options.ConnectionString!), e.Message);
            return Failed;
        }
    }

    [LoggerMessage(320, LogLevel.Error, "Migrating {Database} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string database, string reason);
}
