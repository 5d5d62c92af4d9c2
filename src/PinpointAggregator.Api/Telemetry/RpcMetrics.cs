using System.Diagnostics.Metrics;
using Grpc.Core;

namespace PinpointAggregator.Api.Telemetry;

/// <summary>
/// One histogram on the <c>PinpointAggregator.Api</c> meter: how long each call took, by service, method and
/// gRPC status code, whether it came in as gRPC or as transcoded JSON. ASP.NET Core's own
/// <c>http.server.request.duration</c> cannot tell a failed gRPC call from a good one (both are HTTP 200); this can.
/// </summary>
/// <remarks>Labels are closed sets: the services' full names, their method names, and the 17 status codes.</remarks>
public sealed class RpcMetrics
{
    public const string MeterName = "PinpointAggregator.Api";

    /// <summary>From 1 ms to 30 s: a page answers in milliseconds; a stream's duration is how long it stayed open.</summary>
    private static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Histogram<double> _duration;

    public RpcMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram(
            "pinpoint.rpc.server.duration",
            "s",
            "Duration of calls to the API (gRPC and transcoded JSON), by service, method and gRPC status code.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    /// <summary>Records one call; <paramref name="method"/> is gRPC's full name, <c>/package.Service/Method</c>.</summary>
    public void Call(string method, StatusCode status, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(method);
        var slash = method.LastIndexOf('/');
        _duration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("rpc.service", method[1..Math.Max(slash, 1)]),
            new KeyValuePair<string, object?>("rpc.method", method[(slash + 1)..]),
            new KeyValuePair<string, object?>("rpc.grpc.status_code", (int)status));
    }
}
