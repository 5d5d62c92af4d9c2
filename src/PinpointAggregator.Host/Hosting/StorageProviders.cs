namespace PinpointAggregator.Host.Hosting;

/// <summary>The values of <c>Storage:Provider</c>.</summary>
public static class StorageProviders
{
    public const string Memory = "Memory";

    public const string PostgreSql = "PostgreSql";

    public static bool IsPostgreSql(string? provider) => string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    public static bool IsKnown(string? provider) => IsPostgreSql(provider) || string.Equals(provider, Memory, StringComparison.OrdinalIgnoreCase);
}
