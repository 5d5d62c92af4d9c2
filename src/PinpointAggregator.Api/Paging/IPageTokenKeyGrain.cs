using Orleans.Concurrency;

namespace PinpointAggregator.Api.Paging;

/// <summary>
/// Holds the cluster's page-token key (one grain, key <see cref="DefaultKey"/>): 32 random bytes made on its
/// first activation and kept in grain storage, so every silo signs and checks page tokens and watch cursors
/// with the same key, and a restart keeps tokens valid.
/// </summary>
[Alias("pa.IPageTokenKeyGrain")]
public interface IPageTokenKeyGrain : IGrainWithStringKey
{
    public const string DefaultKey = "page-tokens";

    [Alias("GetKey"), ReadOnly, AlwaysInterleave]
    Task<byte[]> GetKeyAsync();
}
