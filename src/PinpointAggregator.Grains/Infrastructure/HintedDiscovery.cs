namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// When a discovery round asked for by a notification (it named a prefix that discovery has not started) runs: at once,
/// unless a round ran less than the gap ago (then when the gap ends), and never later than the round
/// already scheduled. In memory, per grain activation.
/// </summary>
/// <remarks>
/// Notifications are not trusted: any key under an account's folder may be forged, so the gap bounds what they can cost
/// to one listing per gap per account, and one per organization.
/// </remarks>
/// <param name="gap">The least time between two rounds that a hint brings forward (<c>Notifications:HintedDiscoveryGap</c>).</param>
internal sealed class HintedDiscovery(TimeSpan gap)
{
    private DateTime? _lastRoundAt;
    private DateTime? _nextRoundAt;

    /// <summary>A round started at <paramref name="at"/>.</summary>
    public void RoundRan(DateTime at) => _lastRoundAt = at;

    /// <summary>The next round was scheduled for <paramref name="at"/>.</summary>
    public void Scheduled(DateTime at) => _nextRoundAt = at;

    /// <summary>How long from <paramref name="now"/> a hinted round waits; null when the round already scheduled is as soon.</summary>
    public TimeSpan? DelayFor(DateTime now)
    {
        var at = _lastRoundAt is { } last && last + gap > now ? last + gap : now;
        if (_nextRoundAt is { } next && next <= at)
        {
            return null;
        }

        _nextRoundAt = at;
        return at - now;
    }
}
