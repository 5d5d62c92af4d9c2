namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// Exponential backoff with "equal jitter": half the doubled delay is fixed, half random, so many
/// accounts or prefixes failing together (a throttling storm) do not retry in lock-step.
/// </summary>
public static class Backoff
{
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(failures - 1, 30);
        var capped = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }
}
