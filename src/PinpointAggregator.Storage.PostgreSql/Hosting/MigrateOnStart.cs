using Microsoft.Extensions.Logging;
using PinpointAggregator.Storage.PostgreSql.Migrations;

namespace PinpointAggregator.Storage.PostgreSql.Hosting;

/// <summary>
/// Applies pending migrations in the silo's first lifecycle stage, before membership, grain storage and
/// reminders read their queries from the database. A failure stops the silo from starting.
/// </summary>
internal sealed class MigrateOnStart(string connectionString, ILoggerFactory loggers) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MigrateOnStart), ServiceLifecycleStage.First, cancellationToken =>
            new PostgresMigrator(connectionString, loggers.CreateLogger<PostgresMigrator>()).MigrateAsync(cancellationToken));
}
