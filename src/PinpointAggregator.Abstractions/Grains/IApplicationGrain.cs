using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Abstractions.Grains;

/// <summary>
/// One Pinpoint application (key: <see cref="Keys.ApplicationKey"/>). Keeps its audit state, derived
/// from the set of its distinct events, so applying the same events again, or in another order, changes
/// nothing.
/// </summary>
[Alias("pa.IApplicationGrain")]
public interface IApplicationGrain : IGrainWithStringKey
{
    /// <summary>Applies events idempotently; returns how many were new or replaced an original.</summary>
    [Alias("Apply")]
    Task<int> ApplyAsync(IReadOnlyList<AuditEvent> events);

    [Alias("GetAudit")]
    Task<ApplicationAudit> GetAuditAsync();
}
