using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// Grain state writes that stop a stale activation. <see cref="InconsistentStateException"/> means another
/// activation (a duplicate during a membership change, a concurrent writer) wrote the state since this one
/// read it: every later write of this activation would fail the same way, and anything it did meanwhile
/// would rest on state that is no longer true. So it stops its schedule and deactivates; the next call or
/// reminder activates it afresh from the stored state, and the work since its last write is done again
/// (applying is idempotent).
/// </summary>
internal static partial class StaleActivation
{
    /// <summary>Writes the state; on a conflict retires the schedule, deactivates the grain and rethrows.</summary>
    public static async Task WriteAsync<T>(IPersistentState<T> state, IGrainBase grain, GrainSchedule? schedule, ILogger logger)
    {
        try
        {
            await state.WriteStateAsync(CancellationToken.None);
        }
        catch (InconsistentStateException e)
        {
            Retire(grain, schedule);
            LogStale(logger, grain.GrainContext.GrainId.ToString(), e.Message);
            throw;
        }
    }

    /// <summary>Stops the keep-alive timer (it would otherwise keep the stale activation running) and deactivates.</summary>
    public static void Retire(IGrainBase grain, GrainSchedule? schedule)
    {
        schedule?.Retire();
        grain.DeactivateOnIdle();
    }

    [LoggerMessage(40, LogLevel.Warning, "{Grain}: another activation wrote its state first ({Message}); this activation stops and deactivates, and the next one reads the stored state")]
    private static partial void LogStale(ILogger logger, string grain, string message);
}
