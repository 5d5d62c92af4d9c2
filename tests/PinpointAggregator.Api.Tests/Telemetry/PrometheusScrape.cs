using System.Globalization;
using System.Text.RegularExpressions;

namespace PinpointAggregator.Api.Tests.Telemetry;

/// <summary>One scrape of <c>/metrics</c> in Prometheus' text format: its series, each with labels and value.</summary>
internal sealed partial class PrometheusScrape
{
    private readonly List<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> _series;

    private PrometheusScrape(List<(string, IReadOnlyDictionary<string, string>, double)> series) => _series = series;

    /// <summary>Every series name (a histogram's <c>_bucket</c>, <c>_sum</c> and <c>_count</c> each).</summary>
    public IReadOnlySet<string> Names => _series.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    public static async Task<PrometheusScrape> ReadAsync(HttpClient http, Uri endpoint)
    {
        using var response = await http.GetAsync(new Uri(endpoint, "/metrics"));
        Assert.True(response.IsSuccessStatusCode, $"/metrics answered {(int)response.StatusCode}");
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static PrometheusScrape Parse(string text)
    {
        var series = new List<(string, IReadOnlyDictionary<string, string>, double)>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = Line().Match(line);
            Assert.True(match.Success, $"not a Prometheus series line: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value)
                .ToDictionary(l => l.Groups["key"].Value, l => Regex.Unescape(l.Groups["value"].Value), StringComparer.Ordinal);
            series.Add((match.Groups["name"].Value, labels, Value(match.Groups["value"].Value)));
        }

        return new PrometheusScrape(series);
    }

    /// <summary>The series of <paramref name="name"/>.</summary>
    public IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> Series(string name) =>
        [.. _series.Where(s => s.Name == name)];

    /// <summary>The sum of the series of <paramref name="name"/> whose labels include every one given (0 when none).</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        _series.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    private static double Value(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$""")]
    private static partial Regex Line();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)",?""")]
    private static partial Regex Label();
}
