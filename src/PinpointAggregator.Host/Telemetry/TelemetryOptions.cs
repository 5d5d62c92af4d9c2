using OpenTelemetry.Exporter;

namespace PinpointAggregator.Host.Telemetry;

/// <summary>
/// Where telemetry goes besides the Prometheus scrape endpoint (<c>/metrics</c>, always on). Section
/// <c>Api:Telemetry</c>. OTLP (metrics, traces and logs) is on when <see cref="OtlpEndpoint"/> is set, or when
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and the other <c>OTEL_*</c> variables) is; this option wins.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Api:Telemetry";

    /// <summary>The collector's base URL, such as <c>http://otel-collector:4317</c>. Default empty: no OTLP unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary><c>Grpc</c> (default, port 4317) or <c>HttpProtobuf</c> (port 4318; the signal paths <c>/v1/traces</c>, ... are appended).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>The <c>service.name</c> resource attribute. Default <c>pinpoint-aggregator</c>.</summary>
    public string ServiceName { get; set; } = "pinpoint-aggregator";
}
