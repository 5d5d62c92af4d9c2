using System.Diagnostics;
using Grpc.Core;
using PinpointAggregator.Api.Tests.Ecosystem;
using PinpointAggregator.Api.V1;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Api.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> on the HTTP endpoint, scraped as Prometheus would: after the sample's first pass the ingestion
/// counters hold exactly the sample's files, events, bytes and requests; every API call is counted once, by
/// method and status, whether it came as gRPC or as JSON.
/// </summary>
[Collection(IsolatedService.Name)]
public sealed class MetricsTests(IsolatedServiceFixture service) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new();
    private readonly ApplicationService.ApplicationServiceClient _grpc = new(service.Channel);

    [Fact]
    public async Task Scrape_OnTheGrpcEndpoint_IsNotServed()
    {
        // Regression: /metrics answered on Api:Url too, telling any caller (scoped or not) every account id.
        var (exitCode, output, errors) = await ExternalProcess.RunAsync(
            "curl", ["--silent", "--show-error", "--http2-prior-knowledge", "--write-out", "\n%{http_code}", new Uri(service.Address, "/metrics").AbsoluteUri]);

        Assert.True(exitCode == 0, $"curl failed ({exitCode}): {errors}");
        Assert.DoesNotContain("pinpoint_trail_files_total", output, StringComparison.Ordinal);
        Assert.NotEqual("200", output[(output.LastIndexOf('\n') + 1)..]);
    }

    [Fact]
    public async Task Scrape_AfterTheFirstPass_CountsEveryFileEventAndRequestOfTheSample()
    {
        var files = ManifestJson.Read(service.SampleFolder).Where(f => !f.Digest).ToList();
        var good = files.Where(f => f.Malformed is null).ToList();
        var damaged = files.Count - good.Count;
        Assert.True(good.Count > 0 && damaged > 0, "the sample has good and damaged files");
        long BytesOf(SampleFile file) => new FileInfo(Path.Combine(service.SampleFolder, file.Key)).Length;

        var scrape = await ScrapeUntil(s => s.Sum("pinpoint_trail_files_total") == good.Count);

        Assert.Equal(good.Count, scrape.Sum("pinpoint_trail_files_total"));
        Assert.Equal(good.Sum(f => f.PinpointRecords), scrape.Sum("pinpoint_trail_events_total"));
        Assert.Equal(good.Sum(BytesOf), scrape.Sum("pinpoint_trail_bytes_total"));
        Assert.Equal(damaged, scrape.Sum("pinpoint_trail_quarantined_total"));
        // Every file is fetched once: the good ones and the damaged ones (none is above the size limit).
        Assert.Equal(files.Count, scrape.Sum("pinpoint_store_requests_total", ("kind", "Get")));
        Assert.True(scrape.Sum("pinpoint_store_requests_total", ("kind", "List")) > 0);
        // Caught up: every account reports a lag, and no file is stuck.
        Assert.Equal(
            files.Select(f => f.Key.Split('/')[2]).Distinct().Order(StringComparer.Ordinal),
            scrape.Series("pinpoint_ingestion_lag_seconds").Select(s => s.Labels["account"]).Order(StringComparer.Ordinal));
        Assert.Equal(0, scrape.Sum("pinpoint_trail_files_stuck"));
    }

    [Fact]
    public async Task Scrape_AfterCalls_CountsEachCallOnceByMethodAndStatus_GrpcAndJsonAlike()
    {
        var (id, truth) = service.GroundTruth.Applications.First();
        var name = $"accounts/{truth.Account}/regions/{truth.Region}/applications/{id}";
        const string Metric = "pinpoint_rpc_server_duration_seconds_count";
        var method = ("rpc_method", "GetApplication");
        var before = await PrometheusScrape.ReadAsync(_http, service.HttpAddress);
        double Ok(PrometheusScrape s) => s.Sum(Metric, method, ("rpc_grpc_status_code", "0"));
        double Invalid(PrometheusScrape s) => s.Sum(Metric, method, ("rpc_grpc_status_code", "3"));
        double HttpGrpc(PrometheusScrape s) => s.Sum("http_server_request_duration_seconds_count", ("http_route", "/pinpoint.aggregator.v1.ApplicationService/GetApplication"));

        await _grpc.GetApplicationAsync(new GetApplicationRequest { Name = name });
        await _grpc.GetApplicationAsync(new GetApplicationRequest { Name = name });
        var e = await Assert.ThrowsAsync<RpcException>(() => _grpc.GetApplicationAsync(new GetApplicationRequest { Name = "applications/x" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(200, (await Curl.GetAsync(new Uri(service.HttpAddress, "/v1/" + name), service.Bearer)).Status);

        var after = await ScrapeUntil(s => Ok(s) == Ok(before) + 3 && Invalid(s) == Invalid(before) + 1 && HttpGrpc(s) == HttpGrpc(before) + 3);

        // Two gRPC calls and one JSON call: the JSON route runs the same gRPC pipeline (interceptors included).
        Assert.Equal(Ok(before) + 3, Ok(after));
        Assert.Equal(Invalid(before) + 1, Invalid(after));
        // ASP.NET Core's request metric sees the three gRPC calls as HTTP requests on the method's route.
        Assert.Equal(HttpGrpc(before) + 3, HttpGrpc(after));
        Assert.Equal(["pinpoint.aggregator.v1.ApplicationService"], after.Series(Metric).Where(s => s.Labels["rpc_method"] == "GetApplication").Select(s => s.Labels["rpc_service"]).Distinct());
    }

    [Fact]
    public async Task Scrape_HoldsOrleansActivationsOfOurGrains_AndTheServiceResource()
    {
        var scrape = await ScrapeUntil(s => s.Sum("orleans_catalog_activations", ("grain_type", "application")) > 0);

        // One application grain per application of the sample, at least (account-level events have grains of their own).
        Assert.True(scrape.Sum("orleans_catalog_activations", ("grain_type", "application")) >= service.GroundTruth.Applications.Count);
        Assert.Equal("pinpoint-aggregator", Assert.Single(scrape.Series("target_info")).Labels["service_name"]);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Scrapes until <paramref name="done"/> holds (the exporter may answer from a cache for a moment) or the deadline passes.</summary>
    private async Task<PrometheusScrape> ScrapeUntil(Func<PrometheusScrape, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var scrape = await PrometheusScrape.ReadAsync(_http, service.HttpAddress);
            if (done(scrape) || clock.Elapsed > Deadline)
            {
                return scrape;
            }

            await Task.Delay(100);
        }
    }
}
