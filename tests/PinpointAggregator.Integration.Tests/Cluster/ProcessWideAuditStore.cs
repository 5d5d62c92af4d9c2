using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PinpointAggregator.Grains.EventStore;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>
/// One in-memory audit store per test cluster (service id) that outlives its silos, as a database would:
/// silos are killed and restarted in the same test process, and their grains must find their state again.
/// </summary>
internal static class ProcessWideAuditStore
{
    private static readonly ConcurrentDictionary<string, MemoryAuditStore> Stores = new(StringComparer.Ordinal);

    public static MemoryAuditStore For(IOptions<ClusterOptions> cluster) => Stores.GetOrAdd(cluster.Value.ServiceId, _ => new MemoryAuditStore());
}
