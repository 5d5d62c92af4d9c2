using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Integration.Tests.Processes;

/// <summary>Where grains are active right now, from Orleans' management grain.</summary>
internal static class GrainPlacement
{
    /// <summary>
    /// The running silo with the most trail prefixes still reading (not caught up in <paramref name="prefixes"/>),
    /// and those prefixes: killing it interrupts real work instead of an idle process.
    /// </summary>
    public static async Task<(SiloProcess Silo, string[] Prefixes)> BusiestAsync(ProcessCluster cluster, IReadOnlyList<PrefixStatus> prefixes)
    {
        var reading = prefixes.Where(p => !p.CaughtUp).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var activations = await cluster.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return cluster.Running
            .Select(silo => (Silo: silo, Prefixes: activations
                .Where(a => a.SiloAddress.Endpoint.Port == silo.SiloPort && reading.Contains(a.GrainId.Key.ToString() ?? string.Empty))
                .Select(a => a.GrainId.Key.ToString()!)
                .ToArray()))
            .MaxBy(s => s.Prefixes.Length);
    }
}
