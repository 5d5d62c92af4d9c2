using Orleans.Concurrency;
using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Abstractions.Grains;

/// <summary>
/// One page of a prefix's quarantine evidence (key: <c>PREFIXKEY#PAGE</c>, see <c>QuarantineLog</c>).
/// Every quarantined file of a prefix is kept, in pages of a fixed size, so the evidence is never dropped
/// and no single write grows with the prefix's history.
/// </summary>
[Alias("pa.IQuarantineLogGrain")]
public interface IQuarantineLogGrain : IGrainWithStringKey
{
    /// <summary>Adds files; a key already in the page is replaced by its latest quarantine.</summary>
    [Alias("Add")]
    Task AddAsync(IReadOnlyList<QuarantinedFile> files);

    [Alias("Get"), AlwaysInterleave]
    Task<IReadOnlyList<QuarantinedFile>> GetAsync();
}
