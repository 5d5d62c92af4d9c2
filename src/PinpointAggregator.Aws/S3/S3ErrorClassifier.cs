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

    public static TrailStoreException Classify(Exception exception, string what)
    {
        if (exception is AmazonServiceException service)
        {
            var code = service.ErrorCode ?? service.StatusCode.ToString();
            var kind = DeniedCodes.Contains(code) || service.StatusCode == HttpStatusCode.Forbidden ? TrailStoreErrorKind.Denied
                : TransientCodes.Contains(code) || (int)service.StatusCode >= 500 ? TrailStoreErrorKind.Transient
                : code is "NoSuchKey" || service.StatusCode == HttpStatusCode.NotFound ? TrailStoreErrorKind.NotFound
                : TrailStoreErrorKind.Failed;
            return new TrailStoreException(kind, code, $"{what}: {service.Message}", exception);
        }

        // Timeouts, resets and DNS trouble surface as these; none means the object is bad.
        var transient = exception is HttpRequestException or IOException or TimeoutException or TaskCanceledException or AmazonClientException;
        return new TrailStoreException(
            transient ? TrailStoreErrorKind.Transient : TrailStoreErrorKind.Failed,
            exception.GetType().Name,
            $"{what}: {exception.Message}",
            exception);
    }
}
