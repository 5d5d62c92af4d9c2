namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// When a discovery round asked for by a notification (it named a prefix that discovery has not started) runs: at once,
/// unless a round ran less than <see cref="MinimumGap"/> ago (then when the gap ends), and never later than the round
/// already scheduled. In memory, per grain activation.
/// </summary>
/// <remarks>
/// Notifications are not trusted: any key under an account's folder may be forged, so the gap bounds what they can cost
/// to one listing a minute per account, and one per organization.
/// </remarks>
internal sealed class HintedDiscovery
{
    /// <summary>The least time between two rounds that a hint brings forward.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMinutes(1);

    private DateTime? _lastRoundAt;
    private DateTime? _nextRoundAt;

    /// <summary>A round started at <paramref name="at"/>.</summary>
    public void RoundRan(DateTime at) => _lastRoundAt = at;

    /// <summary>The next round was scheduled for <paramref name="at"/>.</summary>
    public void Scheduled(DateTime at) => _nextRoundAt = at;

    /// <summary>How long from <paramref name="now"/> a hinted round waits; null when the round already scheduled is as soon.</summary>
    public TimeSpan? DelayFor(DateTime now)
    {
        var at = _lastRoundAt is { } last && last + MinimumGap > now ? last + MinimumGap : now;
        if (_nextRoundAt is { } next && next <= at)
        {
            return null;
        }

        _nextRoundAt = at;
        return at - now;
    }
}
