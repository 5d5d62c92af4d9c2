using Microsoft.Extensions.Options;
using Orleans.Storage;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Grains.Audit;
using PinpointAggregator.Grains.EventStore;

namespace PinpointAggregator.Grains.Applications;

/// <inheritdoc cref="IApplicationGrain"/>
/// <remarks>
/// State and events are committed together through the <see cref="IAuditStore"/> (no Orleans grain
/// storage), so a crash can never leave events stored but not folded, or the reverse.
/// </remarks>
public sealed class ApplicationGrain(IAuditStore store, IOptions<IngestionOptions> options) : Grain, IApplicationGrain
{
    private readonly int _recentLimit = options.Value.RecentEvents;
    private ApplicationKey _key;
    private AuditFolder<ApplicationState> _audit = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = ApplicationKey.Parse(this.GetPrimaryKeyString());
        _audit = new AuditFolder<ApplicationState>(store, AuditTarget.Of(_key), state => Named(state.Audit).ToListing());
        await _audit.LoadAsync(cancellationToken);
    }

    public async Task<ApplyResult> ApplyAsync(EventBatch batch)
    {
        try
        {
            return await _audit.ApplyAsync(
                batch,
                (state, seen, e) => ApplicationAuditor.Apply(Named(state.Audit), seen, e, _recentLimit),
                (state, seen, r) => ActivityLedger.Retract(state.Audit.Activity, seen, r),
                CancellationToken.None);
        }
        catch (InconsistentStateException)
        {
            // Another activation committed first: this one's state is stale; let the next call activate afresh.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<ApplicationAudit> GetAuditAsync() => Task.FromResult(Audit.ToContract());

    public Task<ApplicationSummary> GetSummaryAsync() => Task.FromResult(ScanProjection.Of(Audit));

    private ApplicationAuditState Audit => Named(_audit.State.Audit);

    /// <summary>The fold's state carries the application's identity, which is this grain's key.</summary>
    private ApplicationAuditState Named(ApplicationAuditState audit)
    {
        (audit.Account, audit.Region, audit.ApplicationId) = (_key.Account, _key.Region, _key.ApplicationId);
        return audit;
    }
}
