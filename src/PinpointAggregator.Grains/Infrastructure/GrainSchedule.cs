namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// How a grain keeps itself running: one grain timer that fires once and is re-armed with the next due
/// time after each tick (so the delay can follow backoff and quiet-prefix intervals), and one reminder
/// that brings the grain back after a deactivation or a restart.
/// </summary>
/// <remarks>
/// The timer keeps the grain active (<c>KeepAlive</c>) unless armed with <c>keepAlive: false</c>: a quiet
/// grain whose next tick is further off than its reminder's period may then be collected, and its reminder
/// brings it back (17,000 prefix grains pinned in memory for a poll every 15 minutes cost more than an
/// activation per poll). Ticks do not interleave with other calls. The reminder is registered (a write to the
/// reminder table) only when the table does not hold it yet: a grain collected and activated again re-ensures
/// it with a read.
/// </remarks>
internal sealed class GrainSchedule(IGrainBase grain, Func<CancellationToken, Task> tick)
{
    private IGrainTimer? _timer;
    private bool _keepAlive;
    private bool _reminderRegistered;

    public bool IsArmed => _timer is not null;

    /// <summary>The activation is stale (see <see cref="StaleActivation"/>): its timer is gone and is never armed again.</summary>
    public bool Retired { get; private set; }

    /// <param name="due">When the tick runs.</param>
    /// <param name="keepAlive">False lets the grain be collected before the tick (then the reminder wakes it).</param>
    public void Arm(TimeSpan due, bool keepAlive = true)
    {
        if (Retired)
        {
            return;
        }

        due = due < TimeSpan.Zero ? TimeSpan.Zero : due;
        if (_timer is not null && _keepAlive != keepAlive)
        {
            // KeepAlive is fixed when a timer is registered: a change of it takes a new timer.
            _timer.Dispose();
            _timer = null;
        }

        if (_timer is null)
        {
            _timer = grain.RegisterGrainTimer(tick, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = keepAlive });
            _keepAlive = keepAlive;
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
            // A read first: an idle grain activated by its reminder must not write the reminder table again.
            // (A changed period is therefore applied only to reminders registered after the change.)
            if (await grain.GetReminder(name) is null)
            {
                await grain.RegisterOrUpdateReminder(name, period, period);
            }

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
