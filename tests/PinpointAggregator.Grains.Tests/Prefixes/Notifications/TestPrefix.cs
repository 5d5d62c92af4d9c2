using System.Globalization;
using System.IO.Compression;
using System.Text;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>One prefix's files, grain and counters, for a test.</summary>
internal sealed class TestPrefix(PrefixCluster cluster, string account)
{
    public const string Region = "us-east-1";
    private const string Bucket = "trail";
    private const string Organization = "o-abcdefghij";

    public string Account => account;

    public string RegionPrefix => $"AWSLogs/{Organization}/{account}/CloudTrail/{Region}/";

    public string Key => $"{Bucket}/{RegionPrefix}";

    public ITrailPrefixGrain Grain => cluster.Grains.GetGrain<ITrailPrefixGrain>(Key);

    public SettableClock Clock => cluster.Clock;

    /// <summary>The key CloudTrail would give a file of this prefix delivered at <paramref name="stamp"/>.</summary>
    public string KeyAt(DateTime stamp, string unique = "a") =>
        $"{RegionPrefix}{stamp:yyyy/MM/dd}/{account}_CloudTrail_{Region}_{stamp:yyyyMMdd'T'HHmm}Z_{unique}.json.gz";

    /// <summary>Writes a file of one Pinpoint event of application <paramref name="application"/>; returns its key.</summary>
    public string Put(DateTime stamp, string application = "app1", string unique = "a")
    {
        var key = KeyAt(stamp, unique);
        var path = Path.Combine(cluster.Folder, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var record = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"" + account + "\"},"
            + "\"eventTime\":\"" + stamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\",\"eventSource\":\"pinpoint.amazonaws.com\","
            + "\"eventName\":\"GetApp\",\"awsRegion\":\"" + Region + "\",\"sourceIPAddress\":\"198.51.100.7\","
            + "\"requestParameters\":{\"application-id\":\"" + application + "\"},\"recipientAccountId\":\"" + account + "\",\"eventID\":\"" + key.GetHashCode(StringComparison.Ordinal) + "-" + unique + "\"}";
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("{\"Records\":[" + record + "]}"));
        }

        return key;
    }

    /// <summary>Starts the prefix from <paramref name="backfillFrom"/> and waits for its first poll, which the start runs at once.</summary>
    public async Task StartAsync(DateTime backfillFrom)
    {
        await Grain.StartAsync(backfillFrom);
        await EventuallyAsync(s => s.NextPollAt is not null, $"{Key} finished its first poll");
    }

    public Task<IReadOnlyList<NotifiedFileResult>> NotifyAsync(params string[] keys) =>
        Grain.ReadNotifiedAsync([.. keys.Select(k => new NotifiedFile(k, Clock.Now, Clock.Now))]);

    public Task<PrefixStatus> StatusAsync() => Grain.GetStatusAsync();

    /// <summary>Waits (with a deadline, never a fixed sleep) for the prefix's status to match, e.g. after a poll the grain ran by itself.</summary>
    public async Task<PrefixStatus> EventuallyAsync(Func<PrefixStatus, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var status = await StatusAsync();
            if (condition(status))
            {
                // Status calls interleave with a poll; an empty notification does not, so the poll has ended when it returns.
                Assert.Empty(await Grain.ReadNotifiedAsync([]));
                return await StatusAsync();
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>(LIST, GET) requests of the prefix's logs so far.</summary>
    public async Task<(long Lists, long Gets)> RequestsAsync()
    {
        var requests = (await StatusAsync()).Counters.Requests;
        return (requests.GetValueOrDefault(RequestKinds.List), requests.GetValueOrDefault(RequestKinds.Get));
    }
}
