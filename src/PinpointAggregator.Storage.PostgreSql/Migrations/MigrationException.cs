namespace PinpointAggregator.Storage.PostgreSql.Migrations;

/// <summary>The database's schema history does not match this build's migrations, or a migration failed.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException()
    {
    }

    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
