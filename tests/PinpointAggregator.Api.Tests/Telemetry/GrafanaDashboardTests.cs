using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grpc.Core;
using PinpointAggregator.Api.Tests.Ecosystem;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Telemetry;

/// <summary>
/// deploy/grafana's dashboard cannot rot: every metric name its queries use appears in a real scrape of the
/// service (after the first pass, a good call and a failed one), so a renamed instrument fails here first.
/// </summary>
[Collection(IsolatedService.Name)]
public sealed partial class GrafanaDashboardTests(IsolatedServiceFixture service) : IDisposable
{
    private static readonly HashSet<string> PromQlWords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset",
    };

    private readonly HttpClient _http = new();

    [Fact]
    public async Task EveryMetricTheDashboardQueries_AppearsInARealScrape_OrIsAPublishedInstrument()
    {
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Of("deploy", "grafana", "pinpoint-aggregator.json")))!;
        var queries = Queries(dashboard).ToList();
        var used = queries.SelectMany(MetricNames).ToHashSet(StringComparer.Ordinal);
        Assert.True(used.Count >= 10, $"the dashboard's queries name only {used.Count} metrics: {string.Join(", ", used)}");

        var client = new ApplicationService.ApplicationServiceClient(service.Channel);
        var (id, truth) = service.GroundTruth.Applications.First();
        await client.GetApplicationAsync(new GetApplicationRequest { Name = $"accounts/{truth.Account}/regions/{truth.Region}/applications/{id}" });
        await Assert.ThrowsAsync<RpcException>(() => client.GetApplicationAsync(new GetApplicationRequest { Name = "applications/x" }).ResponseAsync);
        var scraped = (await PrometheusScrape.ReadAsync(_http, service.HttpAddress)).Names;
        var published = PublishedInstruments.PrometheusNames();

        var missing = used.Where(name => !scraped.Contains(name) && !published.Contains(name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "the dashboard queries metrics the service does not emit: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task PublishedInstrumentNames_AreTheNamesOfTheirSeriesInAScrape()
    {
        var scraped = (await PrometheusScrape.ReadAsync(_http, service.HttpAddress)).Names.Where(n => n.StartsWith("pinpoint_", StringComparison.Ordinal)).ToList();
        var published = PublishedInstruments.PrometheusNames();

        Assert.Contains("pinpoint_trail_files_total", scraped);
        Assert.Contains("pinpoint_ingestion_lag_seconds", scraped);
        Assert.All(scraped, name => Assert.Contains(name, published));
    }

    [Fact]
    public void Dashboard_HasAPanelForEachConcern_OnAPrometheusDatasourceVariable()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Of("deploy", "grafana", "pinpoint-aggregator.json")))!;
        var panels = dashboard["panels"]!.AsArray().Where(p => (string?)p!["type"] != "row").ToList();
        var titles = panels.Select(p => (string)p!["title"]!).ToList();

        foreach (var concern in new[] { "Ingestion lag", "quarantined", "events", "S3 requests", "Calls", "Latency", "Errors", "activations", "Integrity violations", "validated-through lag",
            "Notification messages", "set aside by reason", "Oldest notification message age", "Notification-to-read latency", "ingestion mode", "Fallbacks" })
        {
            Assert.Contains(titles, t => t.Contains(concern, StringComparison.OrdinalIgnoreCase));
        }

        Assert.All(panels, p => Assert.Equal("${datasource}", (string?)p!["datasource"]!["uid"]));
        Assert.Equal("prometheus", (string?)dashboard["templating"]!["list"]!.AsArray().Single(v => (string?)v!["name"] == "datasource")!["query"]);
    }

    [Theory]
    [InlineData("""sum by (le, rpc_method) (rate(foo_seconds_bucket{rpc_method!~"A|B"}[$__rate_interval]))""", "foo_seconds_bucket")]
    [InlineData("""histogram_quantile(0.99, sum by (le) (rate(a_total[5m]))) / on (x) group_left b_info""", "a_total b_info")]
    [InlineData("""max by (account) (lag_seconds) > bool 0 unless c""", "lag_seconds c")]
    [InlineData("""label_values(target_info, service_name)""", "target_info")]
    public void MetricNames_FindsTheMetrics_NotFunctionsKeywordsLabelsOrRanges(string query, string expected)
    {
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), MetricNames(query).Order(StringComparer.Ordinal));
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Every PromQL text of the dashboard: panel targets (rows included) and query variables.</summary>
    private static IEnumerable<string> Queries(JsonNode dashboard)
    {
        var panels = dashboard["panels"]!.AsArray().SelectMany(p => new[] { p! }.Concat(p!["panels"]?.AsArray().Select(c => c!) ?? []));
        foreach (var target in panels.SelectMany(p => p["targets"]?.AsArray() ?? []))
        {
            yield return (string)target!["expr"]!;
        }

        foreach (var variable in dashboard["templating"]?["list"]?.AsArray() ?? [])
        {
            if ((string?)variable!["type"] == "query")
            {
                yield return variable["query"] is JsonObject q ? (string)q["query"]! : (string)variable["query"]!;
            }
        }
    }

    /// <summary>The metric names of a PromQL expression: identifiers that are not functions, keywords, label names or matchers.</summary>
    private static IEnumerable<string> MetricNames(string query)
    {
        if (LabelValues().Match(query) is { Success: true } labelValues)
        {
            return [labelValues.Groups["metric"].Value];
        }

        var stripped = Grouping().Replace(Ranges().Replace(Matchers().Replace(query, " "), " "), " ");
        return Identifier().Matches(stripped)
            .Where(m => !PromQlWords.Contains(m.Value) && !stripped[(m.Index + m.Length)..].TrimStart().StartsWith('('))
            .Select(m => m.Value)
            .Distinct();
    }

    [GeneratedRegex(@"^\s*label_values\(\s*(?<metric>[a-zA-Z_:][a-zA-Z0-9_:]*)")]
    private static partial Regex LabelValues();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
