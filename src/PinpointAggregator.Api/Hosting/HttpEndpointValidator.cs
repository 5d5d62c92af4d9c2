using Microsoft.Extensions.Options;

namespace PinpointAggregator.Api.Hosting;

/// <summary>Checks <see cref="ApiOptions.HttpUrl"/>: empty, or <c>http://IP:port</c> on a port of its own.</summary>
internal sealed class HttpEndpointValidator : IValidateOptions<ApiOptions>
{
    private const string Option = $"{ApiOptions.SectionName}:{nameof(ApiOptions.HttpUrl)}";

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.HttpUrl))
        {
            return ValidateOptionsResult.Success;
        }

        if (!options.HttpUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || !EndpointAddress.TryParse(options.HttpUrl, out _, out var port))
        {
            return ValidateOptionsResult.Fail($"{Option} must be empty (off) or http://IP:port (such as {ApiOptions.DefaultHttpUrl}), not '{options.HttpUrl}'.");
        }

        return EndpointAddress.TryParse(options.Url, out _, out var grpcPort) && grpcPort == port
            ? ValidateOptionsResult.Fail($"{Option} must name another port than {ApiOptions.SectionName}:{nameof(ApiOptions.Url)} ({port}).")
            : ValidateOptionsResult.Success;
    }
}
