using System.Security.Cryptography;
using Orleans.Storage;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Api.Paging;

/// <inheritdoc cref="IPageTokenKeyGrain"/>
internal sealed class PageTokenKeyGrain(
    [PersistentState("pageTokenKey", StorageNames.Audit)] IPersistentState<PageTokenKeyState> state) : Grain, IPageTokenKeyGrain
{
    private const int KeyBytes = 32;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Key is { Length: KeyBytes })
        {
            return;
        }

        state.State.Key = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (InconsistentStateException)
        {
            // Another activation (a silo that briefly disagreed about the directory) wrote its key first: use that one.
            await state.ReadStateAsync(cancellationToken);
        }
    }

    public Task<byte[]> GetKeyAsync() => Task.FromResult(state.State.Key!);
}
