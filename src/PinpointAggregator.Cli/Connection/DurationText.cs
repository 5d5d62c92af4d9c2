using System.Globalization;

namespace PinpointAggregator.Cli.Connection;

/// <summary>Durations as people type them: <c>30</c> (seconds), <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>7d</c>.</summary>
internal static class DurationText
{
    private static readonly (string Suffix, TimeSpan Unit)[] Units =
    [
        ("ms", TimeSpan.FromMilliseconds(1)), ("s", TimeSpan.FromSeconds(1)), ("m", TimeSpan.FromMinutes(1)),
        ("h", TimeSpan.FromHours(1)), ("d", TimeSpan.FromDays(1)),
    ];

    /// <returns>False when <paramref name="text"/> is not a positive duration in one of the forms above.</returns>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        text = text?.Trim() ?? string.Empty;
        var unit = TimeSpan.FromSeconds(1);
        foreach (var (suffix, value) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            {
                unit = value;
                text = text[..^suffix.Length];
                break;
            }
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) || count <= 0 || count * unit.TotalDays > 3650)
        {
            return false;
        }

        duration = unit * count;
        return true;
    }
}
