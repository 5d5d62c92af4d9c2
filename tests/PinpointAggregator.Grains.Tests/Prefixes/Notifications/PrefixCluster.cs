using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>
/// One silo running real prefix grains on a folder bucket and the test's clock. Each test takes a prefix of its own
/// (<see cref="NewPrefix"/>); polls run only when the test asks (a poll interval of an hour of real time, and
/// reminders that never tick), so counted requests are exactly those of the polls and notifications a test made.
/// </summary>
public sealed class PrefixCluster : IAsyncLifetime
{
    internal const string FolderSetting = "Test:Folder";
    internal const string ClockSetting = "Test:Clock";

    /// <summary>When every test starts: a Monday morning.</summary>
    public static readonly DateTime T0 = new(2024, 6, 10, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The clocks of the clusters of this process, by id (silo configurators are made by type, so they look theirs up).</summary>
    internal static readonly ConcurrentDictionary<string, SettableClock> Clocks = new(StringComparer.Ordinal);

    private readonly string _clockId = Guid.NewGuid().ToString("N");
    private int _prefixes;
    private TestCluster? _cluster;

    internal string Folder { get; } = Directory.CreateTempSubdirectory("pa-notified-").FullName;

    internal SettableClock Clock { get; } = new(T0);

    public IGrainFactory Grains => _cluster!.Client;

    public static TimeSpan QuietAfter => TimeSpan.FromMinutes(30);

    public async Task InitializeAsync()
    {
        Clocks[_clockId] = Clock;
        var builder = new TestClusterBuilder(1);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FolderSetting] = Folder,
            [ClockSetting] = _clockId,
            ["Ingestion:PollInterval"] = "01:00:00",
            ["Ingestion:MaxPollInterval"] = "02:00:00",
            ["Ingestion:Notifications:QuietAfter"] = QuietAfter.ToString("c", CultureInfo.InvariantCulture),
        }));
        builder.AddSiloBuilderConfigurator<PrefixSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PrefixClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        Clocks.TryRemove(_clockId, out _);
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>A prefix of an account no other test uses, with the clock at <see cref="T0"/>.</summary>
    internal TestPrefix NewPrefix()
    {
        Clock.Set(T0);
        var account = (100000000000L + Interlocked.Increment(ref _prefixes)).ToString(CultureInfo.InvariantCulture);
        return new TestPrefix(this, account);
    }
}

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
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await Grain.GetStatusAsync()).NextPollAt is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Key} did not finish its first poll within 60 s");
            await Task.Delay(50);
        }

        // Status calls interleave with a poll; an empty notification does not, so it returns once the first poll has ended.
        Assert.Empty(await Grain.ReadNotifiedAsync([]));
    }

    public Task<IReadOnlyList<NotifiedFileResult>> NotifyAsync(params string[] keys) =>
        Grain.ReadNotifiedAsync([.. keys.Select(k => new NotifiedFile(k, Clock.Now, Clock.Now))]);

    public Task<PrefixStatus> StatusAsync() => Grain.GetStatusAsync();

    /// <summary>(LIST, GET) requests of the prefix's logs so far.</summary>
    public async Task<(long Lists, long Gets)> RequestsAsync()
    {
        var requests = (await StatusAsync()).Counters.Requests;
        return (requests.GetValueOrDefault(RequestKinds.List), requests.GetValueOrDefault(RequestKinds.Get));
    }
}
