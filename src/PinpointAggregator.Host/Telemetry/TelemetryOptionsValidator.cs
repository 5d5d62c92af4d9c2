using Microsoft.Extensions.Options;

namespace PinpointAggregator.Host.Telemetry;

/// <summary>Checks <see cref="TelemetryOptions"/>, naming the option at fault.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.OtlpEndpoint.Length > 0 && !IsHttpUrl(options.OtlpEndpoint))
        {
            failures.Add($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.OtlpEndpoint)} must be empty (off) or an http:// or https:// URL, such as http://otel-collector:4317 (the value is not repeated: a URL may carry credentials).");
        }

        if (!Enum.IsDefined(options.OtlpProtocol))
        {
            failures.Add($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.OtlpProtocol)} must be Grpc or HttpProtobuf.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            failures.Add($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.ServiceName)} must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
