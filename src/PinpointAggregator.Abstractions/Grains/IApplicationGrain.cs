using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Abstractions.Grains;

/// <summary>
/// One Pinpoint application (key: <see cref="Keys.ApplicationKey"/>). Keeps its audit state, derived
/// from the set of its distinct events, so applying the same events again, or in another order, changes
/// nothing.
/// </summary>
[Alias("pa.IApplicationGrain")]
public interface IApplicationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies events and retractions idempotently. An event that cannot be applied is returned with its
    /// reason; the rest of the batch is applied.
    /// </summary>
    [Alias("Apply")]
    Task<ApplyResult> ApplyAsync(EventBatch batch);

    [Alias("GetAudit")]
    Task<ApplicationAudit> GetAuditAsync();

    /// <summary>The application's entry in the <c>scan</c> summary format: the same projection the offline scan makes.</summary>
    [Alias("GetSummary")]
    Task<ApplicationSummary> GetSummaryAsync();
}
