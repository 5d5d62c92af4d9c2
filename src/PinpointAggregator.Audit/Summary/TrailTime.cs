using System.Globalization;

namespace PinpointAggregator.Audit.Summary;

/// <summary>Formats event times the way CloudTrail writes them: UTC, seconds, a trailing Z.</summary>
public static class TrailTime
{
    public static string Format(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }
}
