using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PinpointAggregator.Aws.CloudTrail;

/// <summary>
/// What a failed CloudTrail answer says: its error code (from <c>x-amzn-ErrorType</c> or the JSON body's
/// <c>__type</c>/<c>code</c>) and which kind of failure it is.
/// </summary>
/// <remarks>
/// AWS's error message is never kept: for a signature mismatch it quotes the canonical request, whose signed headers
/// include the session token.
/// </remarks>
internal sealed record CloudTrailError(HttpStatusCode Status, string Code)
{
    private const int MaxCodeLength = 64;

    private static readonly HashSet<string> DeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnrecognizedClientException", "InvalidClientTokenId",
        "ExpiredToken", "ExpiredTokenException", "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature",
        "MissingAuthenticationToken", "MissingAuthenticationTokenException", "NotAuthorized",
    };

    private static readonly HashSet<string> ThrottledCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "LimitExceededException",
    };

    /// <summary>The role is not allowed to call, or its credentials were refused.</summary>
    public bool IsDenied => DeniedCodes.Contains(Code) || Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;

    public bool IsThrottled => ThrottledCodes.Contains(Code) || Status == HttpStatusCode.TooManyRequests;

    public bool IsServerSide => (int)Status >= 500;

    public static CloudTrailError From(HttpStatusCode status, HttpResponseHeaders headers, ReadOnlySpan<byte> body)
    {
        var raw = headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        raw ??= CodeInBody(body);
        return new CloudTrailError(status, Clean(raw) ?? $"HTTP{(int)status}");
    }

    private static string? CodeInBody(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name is "__type" or "code" or "Code" && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON (a proxy's page): the status alone names the failure.
        }

        return null;
    }

    /// <summary>
    /// <c>com.amazonaws.cloudtrail.v20131101#ThrottlingException</c> or <c>ThrottlingException:http://…</c> →
    /// <c>ThrottlingException</c>; anything not a plain name is dropped, since it becomes a metric label and a log field.
    /// </summary>
    private static string? Clean(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var code = raw.Split(':')[0];
        code = code[(code.LastIndexOf('#') + 1)..].Trim();
        return code.Length is > 0 and <= MaxCodeLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') ? code : null;
    }
}
