using Microsoft.Extensions.Logging;
using Npgsql;
using PinpointAggregator.Host;
using PinpointAggregator.Storage.PostgreSql.Migrations;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>The host's <c>migrate</c> command, run through the executable's own entry point.</summary>
public sealed class MigrateCommandTests
{
    private const string Password = "not-to-be-logged-7f3a";

    /// <summary>appsettings.json quiets some categories; the password check looks at everything.</summary>
    private static readonly string[] EverythingLogged = ["--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft=Trace", "--Logging:LogLevel:Orleans=Trace", "--Logging:LogLevel:Npgsql=Trace"];

    [Fact]
    public async Task Migrate_AppliesTheSchemaAndExitsZero_ThenIsANoOp_AndNeverLogsThePassword()
    {
        await using var database = await TestDatabase.CreateAsync();
        var withPassword = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Password }.ConnectionString;
        var log = new RecordingLogger();

        string[] args = ["migrate", $"--ConnectionStrings:PinpointAggregator={withPassword}", .. EverythingLogged];

        var first = await PinpointProgram.RunAsync(args, Record(log));
        var second = await PinpointProgram.RunAsync(args, Record(log));

        Assert.Equal((0, 0), (first, second));
        Assert.Equal(MigrationCatalog.Embedded.Count, await database.ScalarAsync<long>($"select count(*) from {PostgresMigrator.HistoryTable}"));
        Assert.Contains(log.Messages, m => m.Contains("0 applied now", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Messages, m => m.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_DatabaseMissing_ExitsNonZeroWithTheReason_AndNeverLogsThePassword()
    {
        var missing = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Database = "t_does_not_exist", Password = Password }.ConnectionString;
        var log = new RecordingLogger();

        var status = await PinpointProgram.RunAsync(["migrate", $"--ConnectionStrings:PinpointAggregator={missing}", .. EverythingLogged], Record(log));

        Assert.Equal(1, status);
        Assert.Contains(log.Messages, m => m.StartsWith("Error:", StringComparison.Ordinal) && m.Contains("t_does_not_exist", StringComparison.Ordinal) && m.Contains("does not exist", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Messages, m => m.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_WithoutAConnectionString_IsAConfigurationError()
    {
        var status = await PinpointProgram.RunAsync(["migrate", "--ConnectionStrings:PinpointAggregator="]);

        Assert.Equal(PinpointProgram.ConfigurationError, status);
    }

    private static Action<ILoggingBuilder> Record(RecordingLogger log) => logging => logging.AddProvider(log);
}
