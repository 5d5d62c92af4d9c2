using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Grains.Prefixes.Digests;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Tests.Prefixes.Digests;

/// <summary>
/// A prefix's digest work per poll (<see cref="DigestFollower"/>), on a folder of digest files and a fake clock:
/// what it lists, what it downloads, and when, counted request by request.
/// </summary>
public sealed class DigestFollowerTests : IDisposable
{
    private const string Folder = "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/";
    private static readonly TrailPrefixKey Prefix = TrailPrefixKey.Parse("bucket/AWSLogs/111122223333/CloudTrail/us-east-1/");
    private static readonly DateTime Backfill = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _root = Directory.CreateTempSubdirectory("pa-follower-").FullName;
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 6, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly TrailPrefixState _state = new() { Started = true, BackfillFrom = Backfill };
    private readonly MemoryIntegrityFindingStore _findings = new();
    private readonly CountingStore _store;
    private readonly DigestFollower _follower;

    public DigestFollowerTests()
    {
        _store = new CountingStore(new LocalFolderObjectStore(_root));
        var factory = _meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var services = new DigestFollowerServices(
            new IntegrityOptions(),
            new IngestionOptions(),
            new DigestFileReader(),
            Keys: null,
            _findings,
            new MemoryDoneKeyStore(),
            new IngestionMetrics(factory),
            new IntegrityMetrics(factory),
            _time);
        _follower = new DigestFollower(Prefix, _state, services, "bucket", NullLogger.Instance);
        _follower.EnsureStarted();
    }

    [Fact]
    public async Task AtMostOneListingAndABoundedShareOfGetsPerPoll_OneGetPerDigest()
    {
        var digests = Unreadable(100, Backfill.AddHours(1));
        _state.ReadThrough = _time.GetUtcNow().UtcDateTime;

        var perPoll = new List<(int Lists, int Gets)>();
        for (var poll = 0; poll < 4; poll++)
        {
            var (lists, gets) = (_store.Lists, _store.Gets);
            await _follower.RunAsync(_store, default);
            perPoll.Add((_store.Lists - lists, _store.Gets - gets));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([(1, DigestFollower.DigestsPerPoll), (0, DigestFollower.DigestsPerPoll), (0, 100 - (2 * DigestFollower.DigestsPerPoll)), (0, 0)], perPoll);
        Assert.Equal(100, _state.Integrity.DigestsChecked);
        Assert.Equal(100, (await _findings.CountByKindAsync(new IntegrityFindingQuery(), default))["DigestInvalid"]);
        Assert.Equal(digests.Order(StringComparer.Ordinal), _state.Integrity.Checked.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ADigest_IsNotDownloadedBeforeThePrefixHasReadEveryLogBeforeIt()
    {
        var digest = Unreadable(1, Backfill.AddHours(3)).Single();
        _state.ReadThrough = Backfill.AddHours(3).AddSeconds(-1);

        await _follower.RunAsync(_store, default);

        Assert.Equal((1, 0, 1), (_store.Lists, _store.Gets, _follower.Status(_time.GetUtcNow().UtcDateTime).DigestsWaiting));

        _state.ReadThrough = Backfill.AddHours(3);
        await _follower.RunAsync(_store, default);

        Assert.Equal((1, 1, 0), (_store.Lists, _store.Gets, _follower.Status(_time.GetUtcNow().UtcDateTime).DigestsWaiting));
        Assert.True(_state.Integrity.Checked.ContainsKey(digest));
    }

    [Fact]
    public async Task ADigestWaitingLongerThanListedLogWait_IsCheckedWithWhatIsKnown()
    {
        Unreadable(1, Backfill.AddHours(3));
        _state.ReadThrough = Backfill;
        await _follower.RunAsync(_store, default);

        _time.Advance(new IntegrityOptions().ListedLogWait);
        await _follower.RunAsync(_store, default);

        Assert.Equal((1, 1L), (_store.Gets, _state.Integrity.DigestsChecked));
    }

    [Fact]
    public async Task TheFolderIsListedAgain_WhenTheHourTurnsOrTheIntervalPasses_NotOnEveryPoll()
    {
        _state.ReadThrough = _time.GetUtcNow().UtcDateTime;
        var lists = new List<int>();
        foreach (var step in new[] { 0, 1, 1, 13, 1, 44, 1 })
        {
            _time.Advance(TimeSpan.FromMinutes(step));
            await _follower.RunAsync(_store, default);
            lists.Add(_store.Lists);
        }

        // 12:00 lists; 12:01, 12:02 do not; 12:15 (15 minutes) does; 12:16 not; 13:00 (the hour) does; 13:01 not.
        Assert.Equal([1, 1, 1, 2, 2, 3, 3], lists);
    }

    [Fact]
    public async Task AFailingListing_IsSaidInStatus_AndTriedAgainNextPoll()
    {
        _store.FailLists = true;
        await _follower.RunAsync(_store, default);

        Assert.Contains("listing digests failed", _follower.Status(_time.GetUtcNow().UtcDateTime).LastError, StringComparison.Ordinal);

        _store.FailLists = false;
        await _follower.RunAsync(_store, default);

        Assert.Equal((2, (string?)null), (_store.Lists, _follower.Status(_time.GetUtcNow().UtcDateTime).LastError));
    }

    public void Dispose()
    {
        _meters.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Files named as digests of distinct trails, whose bytes are not a digest: each is read once and is DigestInvalid.</summary>
    private List<string> Unreadable(int count, DateTime nameTime)
    {
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var key = $"{Folder}{nameTime:yyyy'/'MM'/'dd}/111122223333_CloudTrail-Digest_us-east-1_trail{i:000}_us-east-1_{nameTime:yyyyMMdd'T'HHmmss}Z.json.gz";
            var path = Path.Combine(_root, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            {
                gzip.Write(Encoding.UTF8.GetBytes("{\"not\":\"a digest\"}"));
            }

            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Counts LISTs and GETs; lists fail on demand.</summary>
    private sealed class CountingStore(ITrailObjectStore inner) : ITrailObjectStore
    {
        private int _lists;
        private int _gets;

        public bool FailLists { get; set; }

        public int Lists => Volatile.Read(ref _lists);

        public int Gets => Volatile.Read(ref _gets);

        public Task<TrailObjectListing> ListAsync(TrailListRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _lists);
            return FailLists ? throw new TrailStoreException(TrailStoreErrorKind.Transient, "SlowDown", "throttled (test)") : inner.ListAsync(request, cancellationToken);
        }

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _gets);
            return inner.OpenReadAsync(key, cancellationToken);
        }
    }
}
