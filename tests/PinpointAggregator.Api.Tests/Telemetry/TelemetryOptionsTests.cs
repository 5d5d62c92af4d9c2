using OpenTelemetry.Exporter;
using PinpointAggregator.Host.Telemetry;

namespace PinpointAggregator.Api.Tests.Telemetry;

/// <summary><c>Api:Telemetry</c>: every rule names its option; an endpoint that is refused is not repeated (it may carry credentials).</summary>
public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("http://otel-collector:4317")]
    [InlineData("https://otel.example.com:4318")]
    public void Valid(string endpoint) =>
        Assert.True(new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { OtlpEndpoint = endpoint }).Succeeded);

    [Theory]
    [InlineData("my-collector:4317")]
    [InlineData("ftp://user:secret@collector")]
    [InlineData("/v1/traces")]
    public void OtlpEndpoint_NotAnHttpUrl_IsRefused_WithoutRepeatingIt(string endpoint)
    {
        var result = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { OtlpEndpoint = endpoint });

        Assert.True(result.Failed);
        Assert.StartsWith("Api:Telemetry:OtlpEndpoint must be empty (off) or an http:// or https:// URL", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(endpoint, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void OtlpProtocol_Unknown_IsRefused() =>
        Assert.Equal(
            "Api:Telemetry:OtlpProtocol must be Grpc or HttpProtobuf.",
            new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { OtlpProtocol = (OtlpExportProtocol)7 }).FailureMessage);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ServiceName_Empty_IsRefused(string name) =>
        Assert.Equal(
            "Api:Telemetry:ServiceName must not be empty.",
            new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { ServiceName = name }).FailureMessage);
}
