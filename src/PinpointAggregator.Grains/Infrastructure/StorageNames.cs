namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>The grain storage provider the grains persist to; the host configures it (memory or PostgreSQL).</summary>
public static class StorageNames
{
    public const string Audit = "audit";
}
