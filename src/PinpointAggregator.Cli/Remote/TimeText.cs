using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using PinpointAggregator.Cli.Connection;

namespace PinpointAggregator.Cli.Remote;

/// <summary>
/// Times as options take them: an ISO 8601 date or time (UTC unless it names an offset), such as
/// <c>2024-06-01</c> or <c>2024-06-01T12:30:00Z</c>, or a duration back from now, such as <c>24h</c> or <c>7d</c>.
/// </summary>
internal static class TimeText
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <exception cref="UsageException">Neither form.</exception>
    public static Timestamp Parse(string option, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return Timestamp.FromDateTimeOffset(time);
        }

        if (DurationText.TryParse(text, out var ago))
        {
            return Timestamp.FromDateTimeOffset(now - ago);
        }

        throw new UsageException($"{option} must be a UTC date or time such as 2024-06-01 or 2024-06-01T12:30:00Z, or a duration back from now such as 24h or 7d, not '{text}'");
    }

    public static Timestamp? ParseOptional(string option, string? text, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(option, text, now);
}
