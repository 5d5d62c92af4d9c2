using System.IO.Compression;
using System.Text;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Audit.Tests;

/// <summary>Builds gzip trail files in memory and reads them.</summary>
internal static class TrailFiles
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

    public static TrailReadResult<AuditEvent> Read(byte[] compressed, TrailReaderOptions? options = null) =>
        AuditEventReader.Create(options).Read(new MemoryStream(compressed));

    public static TrailReadResult<AuditEvent> ReadJson(string json, TrailReaderOptions? options = null) => Read(Gzip(json), options);

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
