namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// How a grain keeps itself running: one grain timer that fires once and is re-armed with the next due
/// time after each tick (so the delay can follow backoff and quiet-prefix intervals), and one reminder
/// that brings the grain back after a deactivation or a restart.
/// </summary>
/// <remarks>
/// The timer has <c>KeepAlive</c>: a scheduled grain stays active. Its ticks do not interleave with other
/// calls. The reminder is written to the reminder table once per activation, however often it is ensured.
/// </remarks>
internal sealed class GrainSchedule(IGrainBase grain, Func<CancellationToken, Task> tick)
{
    private IGrainTimer? _timer;
    private bool _reminderRegistered;

    public bool IsArmed => _timer is not null;

    /// <summary>The activation is stale (see <see cref="StaleActivation"/>): its timer is gone and is never armed again.</summary>
    public bool Retired { get; private set; }

    public void Arm(TimeSpan due)
    {
        if (Retired)
        {
            return;
        }

        due = due < TimeSpan.Zero ? TimeSpan.Zero : due;
        if (_timer is null)
        {
            _timer = grain.RegisterGrainTimer(tick, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the timer of a stale activation for good; the reminder stays, for the next activation.</summary>
    public void Retire()
    {
        Retired = true;
        _timer?.Dispose();
        _timer = null;
    }

    public async Task EnsureReminderAsync(string name, TimeSpan period)
    {
        if (!_reminderRegistered)
        {
            await grain.RegisterOrUpdateReminder(name, period, period);
            _reminderRegistered = true;
        }
    }

    /// <summary>Stops the reminder for good (the grain has nothing more to do, e.g. its account is excluded).</summary>
    public async Task StopReminderAsync(string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        _reminderRegistered = false;
    }
}
