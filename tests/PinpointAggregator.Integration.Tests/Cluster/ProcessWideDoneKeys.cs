using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PinpointAggregator.Grains.DoneKeys;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>One done-key store per test cluster (service id) that outlives its silos, like the grain storage beside it.</summary>
internal static class ProcessWideDoneKeys
{
    private static readonly ConcurrentDictionary<string, MemoryDoneKeyStore> Stores = new(StringComparer.Ordinal);

    public static MemoryDoneKeyStore For(IOptions<ClusterOptions> cluster) => Stores.GetOrAdd(cluster.Value.ServiceId, _ => new MemoryDoneKeyStore());
}
