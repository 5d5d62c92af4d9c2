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

    /// <summary>A new file of <paramref name="count"/> <c>GetCampaign</c> calls of one application, delivered at <paramref name="delivered"/>.</summary>
    /// <returns>The new events' ids, oldest first.</returns>
    public static async Task<IReadOnlyList<string>> AddAsync(ServiceFixture service, TrailPrefixKey prefix, string applicationId, DateTime delivered, int count)
    {
        var n = Interlocked.Increment(ref _sequence);
        var ids = Enumerable.Range(0, count).Select(i => $"00000000-test-{n:D4}-{i:D4}-{Guid.NewGuid():N}"[..48]).ToList();
        var records = ids.Select((id, i) => Record(prefix, applicationId, id, delivered.AddMinutes(-5).AddSeconds(i)));
        var key = $"{prefix.RegionPrefix}{delivered:yyyy/MM/dd}/{prefix.Account}_CloudTrail_{prefix.Region}_{delivered:yyyyMMdd'T'HHmm}Z_test{n:D4}.json.gz";
        var path = Path.Combine(service.SampleFolder, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(',', records) + "]}"));
        }

        var grains = (IGrainFactory)service.Services.GetService(typeof(IGrainFactory))!;
        await grains.GetGrain<ITrailPrefixGrain>(prefix.Format()).PollNowAsync();
        return ids;
    }

    private static string Record(TrailPrefixKey prefix, string applicationId, string eventId, DateTime time) =>
        "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::" + prefix.Account + ":user/watch-test\",\"accountId\":\"" + prefix.Account + "\"},"
        + "\"eventTime\":\"" + time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\",\"eventSource\":\"pinpoint.amazonaws.com\","
        + "\"eventName\":\"GetCampaign\",\"awsRegion\":\"" + prefix.Region + "\",\"sourceIPAddress\":\"198.51.100.9\",\"readOnly\":true,"
        + "\"requestParameters\":{\"application-id\":" + JsonSerializer.Serialize(applicationId) + ",\"campaign-id\":\"watchtest\"},\"responseElements\":null,"
        + "\"requestID\":\"" + Guid.NewGuid() + "\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"" + prefix.Account + "\",\"eventID\":\"" + eventId + "\"}";
}
