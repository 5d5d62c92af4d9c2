namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>
/// A clock the test sets: <see cref="GetUtcNow"/> says what the test said, while timers and timestamps stay real
/// (the base implementations), so the silo's own machinery runs as usual and a grain's timer armed for an hour
/// never fires during a test: every poll the tests count is one they asked for.
/// </summary>
internal sealed class SettableClock(DateTime start) : TimeProvider
{
    private long _ticks = start.Ticks;

    public DateTime Now => new(Interlocked.Read(ref _ticks), DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Set(DateTime now) => Interlocked.Exchange(ref _ticks, now.Ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
