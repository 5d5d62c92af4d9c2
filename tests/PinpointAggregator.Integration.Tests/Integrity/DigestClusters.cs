using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Integration.Tests.Cluster;

namespace PinpointAggregator.Integration.Tests.Integrity;

/// <summary>Test clusters that follow a <see cref="SignedTrail"/>'s digests, with the trail's key trusted.</summary>
internal static class DigestClusters
{
    /// <summary>A cluster reading <paramref name="folder"/> as its bucket (the local-folder store: no S3 metadata, so signatures come from successors).</summary>
    public static async Task<IngestionCluster> LocalAsync(string folder, SignedTrail trail, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>()) { ["Ingestion:Buckets:0:LocalPath"] = folder };
        var cluster = await IngestionCluster.StartAsync("local-trail", overrides: settings, firstConfigurator: typeof(TestDigestKeysConfigurator));
        Keys(cluster).Trust(trail.PublicKey);
        return cluster;
    }

    public static TestDigestKeys Keys(IngestionCluster cluster) => TestDigestKeys.For(cluster.Cluster.Options.ServiceId);

    /// <summary>The one prefix, once it has checked <paramref name="digests"/> digests and nothing waits.</summary>
    public static async Task<PrefixStatus> VerifiedAsync(IngestionCluster cluster, int digests) =>
        (await Eventually.MatchesAsync(
            cluster.PrefixesAsync,
            all => all.Length == 1 && all[0].Integrity.DigestsChecked == digests && all[0].Integrity.DigestsWaiting == 0,
            $"the prefix has checked {digests} digests"))[0];

    public static string TempFolder() => Directory.CreateTempSubdirectory("pa-integrity-").FullName;
}
