namespace PinpointAggregator.Storage.PostgreSql.Options;

/// <summary>Where the cluster keeps membership, grain state and reminders, and whether a silo migrates the schema.</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>The name under <c>ConnectionStrings</c> the host reads the connection string from.</summary>
    public const string ConnectionStringName = "PinpointAggregator";

    /// <summary>The ADO.NET invariant Orleans loads the Npgsql provider factory by.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>An Npgsql connection string. Secret: never logged (see <see cref="PostgreSqlConnectionDescription"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations before the silo starts. Default false: run <c>migrate</c> once per release instead.</summary>
    public bool MigrateOnStart { get; set; }
}
