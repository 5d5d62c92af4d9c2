using Microsoft.Extensions.Options;

namespace PinpointAggregator.Api.Hosting;

/// <summary>
/// Checks <see cref="ApiOptions.HttpUrl"/>: empty, or <c>http://IP:port</c> on a port of its own; an address
/// other machines reach needs <see cref="ApiOptions.AllowPlaintext"/>, as the gRPC endpoint does, because
/// bearer tokens cross it in clear text.
/// </summary>
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

        if (!options.HttpUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || !ApiEndpoint.TryParse(options.HttpUrl, out var http, out _))
        {
            return ValidateOptionsResult.Fail($"{Option} must be empty (off) or http://IP:port (such as {ApiOptions.DefaultHttpUrl}), not '{options.HttpUrl}'.");
        }

        if (!http.IsLoopback && !options.AllowPlaintext)
        {
            return ValidateOptionsResult.Fail(
                $"{Option} {options.HttpUrl} serves plain HTTP on an address other machines reach, where bearer tokens cross in clear text: use a loopback address, leave it empty and serve JSON on an https:// {ApiOptions.SectionName}:{nameof(ApiOptions.Url)}, or set {ApiOptions.SectionName}:{nameof(ApiOptions.AllowPlaintext)}=true when a proxy in front terminates TLS.");
        }

        return ApiEndpoint.TryParse(options.Url, out var grpc, out _) && grpc.Port == http.Port
            ? ValidateOptionsResult.Fail($"{Option} must name another port than {ApiOptions.SectionName}:{nameof(ApiOptions.Url)} ({http.Port}).")
            : ValidateOptionsResult.Success;
    }
}
