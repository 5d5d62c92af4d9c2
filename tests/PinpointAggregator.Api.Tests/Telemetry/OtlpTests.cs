using System.Diagnostics;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Telemetry;

/// <summary>The service with <c>Api:Telemetry:OtlpEndpoint</c> set, exporting to a collector of the test's own.</summary>
public sealed class OtlpServiceFixture : ServiceFixture
{
    public FakeOtlpCollector Collector { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Configuration =>
    [
        new("Api:Telemetry:OtlpEndpoint", Collector.Endpoint.AbsoluteUri.TrimEnd('/')),
        new("Api:Telemetry:OtlpProtocol", "HttpProtobuf"),
        // The standard settings, read through configuration like the OTEL_* variables: export often.
        new("OTEL_METRIC_EXPORT_INTERVAL", "500"),
        new("OTEL_BSP_SCHEDULE_DELAY", "200"),
    ];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Collector.Dispose();
    }
}

/// <summary>
/// OTLP when configured: a gRPC call becomes a server span, grain calls become Orleans spans (activity
/// propagation is on), and our metrics and the service's resource go out too.
/// </summary>
public sealed class OtlpTests(OtlpServiceFixture service) : IClassFixture<OtlpServiceFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AGrpcCall_IsExportedAsSpans_AndTheIngestionCountersAsMetrics_ToTheConfiguredCollector()
    {
        var (id, truth) = service.GroundTruth.Applications.First();
        await new ApplicationService.ApplicationServiceClient(service.Channel)
            .GetApplicationAsync(new GetApplicationRequest { Name = $"accounts/{truth.Account}/regions/{truth.Region}/applications/{id}" });

        var clock = Stopwatch.StartNew();
        bool Done() =>
            service.Collector.Received("/v1/traces", "pinpoint-aggregator", "POST /pinpoint.aggregator.v1.ApplicationService/GetApplication", "IApplicationGrain/GetAuditAsync")
            && service.Collector.Received("/v1/metrics", "pinpoint-aggregator", "pinpoint.trail.files", "pinpoint.rpc.server.duration");
        while (!Done() && clock.Elapsed < Deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(Done(), "the collector received: " + string.Join(", ", service.Collector.Paths));
    }
}
