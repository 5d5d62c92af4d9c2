using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PinpointAggregator.Api.Security;

/// <summary>The token of a request's <c>authorization: Bearer …</c> header (gRPC metadata is HTTP/2 headers).</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <returns>The token, or null when the request has no bearer authorization.</returns>
    public static string? Of(HttpRequest request)
    {
        string? header = request.Headers[HeaderNames.Authorization];
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
