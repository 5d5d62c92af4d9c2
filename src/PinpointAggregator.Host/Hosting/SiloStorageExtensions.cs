using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Storage.PostgreSql.EventStore;
using PinpointAggregator.Storage.PostgreSql.Hosting;

namespace PinpointAggregator.Host.Hosting;

/// <summary>The grain storage, reminders and audit store of a silo, as <see cref="StorageSelection"/> chose them.</summary>
/// <remarks>
/// Apart from the silo's endpoints and cluster identity, so test clusters (which set their own) compose
/// storage exactly as the host does. With PostgreSQL, clustering comes with it: the membership table lives
/// in the same database.
/// </remarks>
public static class SiloStorageExtensions
{
    public static ISiloBuilder UsePinpointStorage(this ISiloBuilder silo, StorageSelection selection)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.PostgreSql is { } postgreSql)
        {
            silo.UsePostgreSqlCluster(postgreSql, StorageNames.Audit, new GrainStateJsonSerializer());
            silo.Services.AddPostgresAuditStore(postgreSql.ConnectionString!, silo.Configuration);
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Audit, memory => memory.GrainStorageSerializer = new GrainStateJsonSerializer());
            silo.UseInMemoryReminderService();
        }

        return silo;
    }
}
