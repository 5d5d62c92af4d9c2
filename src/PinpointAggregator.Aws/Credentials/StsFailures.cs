using System.Net.Sockets;
using System.Xml;
using Amazon.Runtime;

namespace PinpointAggregator.Aws.Credentials;

/// <summary>Which AssumeRole failures leave a held session usable, and the code they are counted under.</summary>
internal static class StsFailures
{
    /// <summary>
    /// STS answered with an error, or could not be reached: refused, reset or dropped connections, DNS
    /// trouble, timeouts, an answer mangled on the way (a proxy's error page). Either way the session already
    /// held is still good until it expires.
    /// </summary>
    /// <remarks>
    /// An <see cref="OperationCanceledException"/> is the HTTP client's timeout: credential lookups take no
    /// cancellation token, so no caller can have cancelled. Anything else is a bug and is not hidden.
    /// </remarks>
    public static bool KeepsHeldSession(Exception exception) => exception
        is AmazonServiceException or AmazonClientException
        or HttpRequestException or IOException or SocketException or TimeoutException or OperationCanceledException or XmlException;

    /// <summary>STS's error code, or the exception's type for failures that never reached STS.</summary>
    public static string Code(Exception exception) =>
        exception is AmazonServiceException { ErrorCode: { Length: > 0 } code } ? code : exception.GetType().Name;
}
