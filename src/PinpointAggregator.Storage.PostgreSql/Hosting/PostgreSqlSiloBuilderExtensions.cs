using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using PinpointAggregator.Storage.PostgreSql.Options;

namespace PinpointAggregator.Storage.PostgreSql.Hosting;

/// <summary>Puts a silo's membership, grain storage and reminders on PostgreSQL, through Orleans' ADO.NET providers.</summary>
public static class PostgreSqlSiloBuilderExtensions
{
    /// <summary>
    /// ADO.NET clustering, grain storage named <paramref name="storageName"/> written with
    /// <paramref name="serializer"/>, and ADO.NET reminders, all on the database of
    /// <see cref="PostgreSqlStorageOptions.ConnectionString"/> (which must have been migrated, or be migrated
    /// on start with <see cref="PostgreSqlStorageOptions.MigrateOnStart"/>).
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are not valid (see <see cref="PostgreSqlStorageOptionsValidator"/>).</exception>
    public static ISiloBuilder UsePostgreSqlCluster(this ISiloBuilder silo, PostgreSqlStorageOptions options, string storageName, IGrainStorageSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        var validation = new PostgreSqlStorageOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(nameof(PostgreSqlStorageOptions), typeof(PostgreSqlStorageOptions), validation.Failures);
        }

        var connectionString = options.ConnectionString!;
        silo.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = PostgreSqlStorageOptions.Invariant;
            clustering.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(storageName, storage =>
        {
            storage.Invariant = PostgreSqlStorageOptions.Invariant;
            storage.ConnectionString = connectionString;
            storage.GrainStorageSerializer = serializer;
        });
        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = PostgreSqlStorageOptions.Invariant;
            reminders.ConnectionString = connectionString;
        });
        if (options.MigrateOnStart)
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new MigrateOnStart(connectionString, sp.GetRequiredService<ILoggerFactory>()));
        }

        return silo;
    }
}
