using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Grains.Audit;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Applications;

/// <inheritdoc cref="IApplicationGrain"/>
public sealed class ApplicationGrain(
    [PersistentState("application", StorageNames.Audit)] IPersistentState<ApplicationState> state,
    IOptions<IngestionOptions> options) : Grain, IApplicationGrain
{
    private readonly int _recentLimit = options.Value.RecentEvents;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = ApplicationKey.Parse(this.GetPrimaryKeyString());
        var audit = state.State.Audit;
        (audit.Account, audit.Region, audit.ApplicationId) = (key.Account, key.Region, key.ApplicationId);
        return Task.CompletedTask;
    }

    public async Task<ApplyResult> ApplyAsync(EventBatch batch)
    {
        var result = BatchApplier.Apply(
            batch,
            e => ApplicationAuditor.Apply(state.State.Audit, state.State.Seen, e, _recentLimit),
            r => ActivityLedger.Retract(state.State.Audit.Activity, state.State.Seen, r));

        // Duplicates change a counter too; write whenever anything was delivered so counts survive restarts.
        if (batch.Events.Count + batch.Retractions.Count > 0)
        {
            await state.WriteStateAsync();
        }

        return result;
    }

    public Task<ApplicationAudit> GetAuditAsync() => Task.FromResult(state.State.Audit.ToContract());

    public Task<ApplicationSummary> GetSummaryAsync() => Task.FromResult(ScanProjection.Of(state.State.Audit));
}
