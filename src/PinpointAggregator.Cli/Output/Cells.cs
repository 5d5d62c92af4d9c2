using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Output;

/// <summary>How values read in a cell: UTC times to the second as CloudTrail writes them, short durations, invariant numbers.</summary>
internal static class Cells
{
    public static string Time(Timestamp? time) =>
        time is null ? string.Empty : time.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>45s</c>, <c>12m05s</c>, <c>3h02m</c>, <c>2d04h</c>; empty when unset.</summary>
    public static string Duration(Duration? duration)
    {
        if (duration is null)
        {
            return string.Empty;
        }

        var span = duration.ToTimeSpan();
        var sign = span < TimeSpan.Zero ? "-" : string.Empty;
        span = span.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays}d{span.Hours:00}h"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
            : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s"
            : $"{span.Seconds}s";
        return sign + text;
    }

    /// <summary>A latency, where fractions of a second matter: <c>400ms</c>, <c>1.5s</c>, then as <see cref="Duration"/> from a minute on.</summary>
    public static string Latency(Duration? duration)
    {
        if (duration is null)
        {
            return string.Empty;
        }

        var span = duration.ToTimeSpan();
        return span.Duration() < TimeSpan.FromSeconds(1) ? $"{(long)span.TotalMilliseconds}ms"
            : span.Duration() < TimeSpan.FromMinutes(1) ? span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s"
            : Duration(duration);
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "true" : "false";

    public static string Optional(bool? value) => value is { } v ? Flag(v) : string.Empty;

    /// <summary>A change as <c>TIME by CALLER</c>; empty when there was none.</summary>
    public static string Change(Change? change) =>
        change is null ? string.Empty : string.IsNullOrEmpty(change.By) ? Time(change.Time) : $"{Time(change.Time)} by {change.By}";

    public static string List(IEnumerable<string> values) => string.Join(' ', values);
}
