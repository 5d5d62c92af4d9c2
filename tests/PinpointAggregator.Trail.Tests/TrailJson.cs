using System.IO.Compression;
using System.Text;

namespace PinpointAggregator.Testing;

/// <summary>
/// Trail file bytes for reader tests: gzip, compact records and the <c>{"Records":[...]}</c> document.
/// Shared by the Trail and Audit tests (linked), which each read them with their own mapper.
/// </summary>
internal static class TrailJson
{
    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Gzip(string json) => Gzip(Encoding.UTF8.GetBytes(json));

    /// <summary>A compact Pinpoint record; <paramref name="extra"/> is spliced in as more properties.</summary>
    public static string PinpointRecord(string eventId, string eventName = "GetApp", string applicationId = "app1", string extra = "", string source = "pinpoint.amazonaws.com") =>
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\"},"
        + "\"eventTime\":\"2024-06-01T10:00:00Z\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + eventName + "\",\"awsRegion\":\"us-east-1\","
        + "\"requestParameters\":{\"application-id\":\"" + applicationId + "\"},\"responseElements\":null,\"recipientAccountId\":\"111122223333\","
        + "\"eventID\":\"" + eventId + "\"" + extra + "}";

    public static string OtherRecord(string eventId) =>
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AWSService\",\"invokedBy\":\"pinpoint.amazonaws.com\"},\"eventTime\":\"2024-06-01T10:00:00Z\","
        + "\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Decrypt\",\"awsRegion\":\"us-east-1\","
        + "\"requestParameters\":{\"encryptionContext\":{\"aws:pinpoint:application-id\":\"app1\"}},\"sourceIPAddress\":\"pinpoint.amazonaws.com\",\"eventID\":\"" + eventId + "\"}";

    public static string Document(IEnumerable<string> records) => "{\"Records\":[" + string.Join(',', records) + "]}";
}
