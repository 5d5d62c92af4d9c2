namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// One grain timer that fires once and is re-armed with the next due time after each tick, so the delay
/// can follow backoff and quiet-prefix intervals. <c>KeepAlive</c>: a scheduled grain stays active;
/// ticks do not interleave with other calls.
/// </summary>
internal sealed class RearmableTimer(IGrainBase grain, Func<CancellationToken, Task> callback)
{
    private IGrainTimer? _timer;

    public bool IsArmed => _timer is not null;

    public void Arm(TimeSpan due)
    {
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due;
        if (_timer is null)
        {
            _timer = grain.RegisterGrainTimer(callback, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }
}
