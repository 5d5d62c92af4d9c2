using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Quarantine;

/// <inheritdoc cref="IQuarantineLogGrain"/>
public sealed class QuarantineLogGrain(
    [PersistentState("quarantine", StorageNames.Audit)] IPersistentState<QuarantineLogState> state) : Grain, IQuarantineLogGrain
{
    public async Task AddAsync(IReadOnlyList<QuarantinedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            // A file quarantined again (a re-read, a replayed batch) is listed once, with its latest reason.
            state.State.Files.RemoveAll(f => f.Key == file.Key);
            state.State.Files.Add(file);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<QuarantinedFile>> GetAsync() => Task.FromResult<IReadOnlyList<QuarantinedFile>>([.. state.State.Files]);
}
