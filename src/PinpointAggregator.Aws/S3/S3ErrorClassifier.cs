using System.Net;
using Amazon.Runtime;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Aws.S3;

/// <summary>
/// Maps AWS SDK failures (from S3, or from STS while the S3 client got credentials) to what the grains
/// do next: retry soon, back off the account, or give up on a key.
/// </summary>
internal static class S3ErrorClassifier
{
    private static readonly HashSet<string> DeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId",
        "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException", "RegionDisabledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException",
        "RequestTimeout", "RequestTimeTooSkewed", "InternalError", "ServiceUnavailable", "IDPCommunicationError",
    };

    /// <summary>Objects that exist but cannot be read as stored (archived to Glacier): quarantine, do not retry.</summary>
    private static readonly HashSet<string> UnreadableCodes = new(StringComparer.Ordinal) { "InvalidObjectState" };

    public static TrailStoreException Classify(Exception exception, string what)
    {
        if (exception is AmazonServiceException service && service.ErrorCode is { Length: > 0 } code)
        {
            // Codes first: some transient and unreadable errors come with 403 (RequestTimeTooSkewed, InvalidObjectState).
            var kind = TransientCodes.Contains(code) ? TrailStoreErrorKind.Transient
                : UnreadableCodes.Contains(code) ? TrailStoreErrorKind.Unreadable
                : DeniedCodes.Contains(code) ? TrailStoreErrorKind.Denied
                : code is "NoSuchKey" ? TrailStoreErrorKind.NotFound
                : ByStatus(service.StatusCode);
            return new TrailStoreException(kind, code, $"{what}: {service.Message}", exception);
        }

        if (exception is AmazonServiceException { InnerException: not (HttpRequestException or IOException or TimeoutException) } bare)
        {
            return new TrailStoreException(ByStatus(bare.StatusCode), bare.StatusCode.ToString(), $"{what}: {bare.Message}", exception);
        }

        // Timeouts, resets and DNS trouble surface as these (or wrapped in them); none means the object is bad.
        var network = exception is HttpRequestException or IOException or TimeoutException or TaskCanceledException
            || exception.InnerException is HttpRequestException or IOException or TimeoutException;
        var noCredentials = exception is AmazonClientException && !network;
        return new TrailStoreException(
            network ? TrailStoreErrorKind.Transient : noCredentials ? TrailStoreErrorKind.Denied : TrailStoreErrorKind.Failed,
            noCredentials ? "NoCredentials" : exception.GetType().Name,
            $"{what}: {exception.Message}",
            exception);
    }

    private static TrailStoreErrorKind ByStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => TrailStoreErrorKind.Transient,
        >= HttpStatusCode.InternalServerError => TrailStoreErrorKind.Transient,
        HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => TrailStoreErrorKind.Denied,
        HttpStatusCode.NotFound => TrailStoreErrorKind.NotFound,
        _ => TrailStoreErrorKind.Failed,
    };
}
