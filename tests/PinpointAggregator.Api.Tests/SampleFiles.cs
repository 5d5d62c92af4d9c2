using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Api.Tests;

/// <summary>
/// Adds trail files to a running service's sample folder, as CloudTrail would deliver them, and has the prefix
/// read them now (<see cref="ITrailPrefixGrain.PollNowAsync"/>): new events for watch and paging tests.
/// </summary>
internal static class SampleFiles
{
    private static int _sequence;

    /// <summary>
    /// A new file, delivered at <paramref name="delivered"/>, of <paramref name="count"/> <c>GetCampaign</c> calls of
    /// one application, a second apart, five minutes before delivery.
    /// </summary>
    /// <returns>The new events' ids, oldest first.</returns>
    public static async Task<IReadOnlyList<string>> AddAsync(ServiceFixture service, TrailPrefixKey prefix, string applicationId, DateTime delivered, int count, bool poll = true)
    {
        var ids = Enumerable.Range(0, count).Select(_ => NewEventId()).ToList();
        var records = ids.Select((id, i) => Record(prefix, id, delivered.AddMinutes(-5).AddSeconds(i), "GetCampaign", readOnly: true,
            "{\"application-id\":" + JsonSerializer.Serialize(applicationId) + ",\"campaign-id\":\"watchtest\"}", "null"));
        await WriteAsync(service, prefix, delivered, records, poll);
        return ids;
    }

    /// <summary>A new file with one <c>GetCampaign</c> of <paramref name="applicationId"/> carrying a chosen eventID (a forged one).</summary>
    public static Task ForgeAsync(ServiceFixture service, TrailPrefixKey prefix, string eventId, string applicationId, DateTime delivered) =>
        WriteAsync(service, prefix, delivered, [Record(prefix, eventId, delivered.AddMinutes(-5), "GetCampaign", readOnly: true,
            "{\"application-id\":" + JsonSerializer.Serialize(applicationId) + ",\"campaign-id\":\"forged\"}", "null")], poll: true);

    /// <summary>A new file with one successful <c>CreateApp</c> that names the application <paramref name="name"/>.</summary>
    public static async Task CreateAppAsync(ServiceFixture service, TrailPrefixKey prefix, string applicationId, string name, DateTime delivered)
    {
        var record = Record(prefix, NewEventId(), delivered.AddMinutes(-5), "CreateApp", readOnly: false,
            "{\"CreateApplicationRequest\":{\"Name\":" + JsonSerializer.Serialize(name) + "}}",
            "{\"Arn\":\"arn:aws:mobiletargeting:" + prefix.Region + ":" + prefix.Account + ":apps/" + applicationId + "\",\"Id\":\"" + applicationId + "\",\"Name\":" + JsonSerializer.Serialize(name) + "}");
        await WriteAsync(service, prefix, delivered, [record], poll: true);
    }

    private static string NewEventId() => $"{Interlocked.Increment(ref _sequence):D8}-0000-4000-8000-{Guid.NewGuid().ToString("N")[..12]}";

    private static async Task WriteAsync(ServiceFixture service, TrailPrefixKey prefix, DateTime delivered, IEnumerable<string> records, bool poll)
    {
        var key = $"{prefix.RegionPrefix}{delivered:yyyy/MM/dd}/{prefix.Account}_CloudTrail_{prefix.Region}_{delivered:yyyyMMdd'T'HHmm}Z_{Guid.NewGuid().ToString("N")[..16]}.json.gz";
        var path = Path.Combine(service.SampleFolder, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(',', records) + "]}"));
        }

        if (poll)
        {
            var grains = (IGrainFactory)service.Services.GetService(typeof(IGrainFactory))!;
            await grains.GetGrain<ITrailPrefixGrain>(prefix.Format()).PollNowAsync();
        }
    }

    private static string Record(TrailPrefixKey prefix, string eventId, DateTime time, string eventName, bool readOnly, string request, string response) =>
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::" + prefix.Account + ":user/api-test\",\"accountId\":\"" + prefix.Account + "\"},"
        + "\"eventTime\":\"" + time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\",\"eventSource\":\"pinpoint.amazonaws.com\","
        + "\"eventName\":\"" + eventName + "\",\"awsRegion\":\"" + prefix.Region + "\",\"sourceIPAddress\":\"198.51.100.9\",\"readOnly\":" + (readOnly ? "true" : "false") + ","
        + "\"requestParameters\":" + request + ",\"responseElements\":" + response + ","
        + "\"requestID\":\"" + Guid.NewGuid() + "\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"" + prefix.Account + "\",\"eventID\":\"" + eventId + "\"}";
}
