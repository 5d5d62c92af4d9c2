using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>
/// Regression (issue 8, object size): an object's compressed size was unbounded, and one of 2 GB or more
/// failed in MemoryStream with an error classified transient, so it was downloaded again on every poll.
/// </summary>
public sealed class TrailFileFetcherSizeTests : IDisposable
{
    /// <summary>Small, so an object over it is quick to build; the checks do not depend on the value.</summary>
    private const long Limit = 64 * 1024;
    private static readonly byte[] OverTheLimit = TrailFileBytes.Large((int)Limit + (36 * 1024));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly TrailFileFetcher _fetcher;

    public TrailFileFetcherSizeTests() => _fetcher = TestFetcher.Create(Meters, Limit);

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task ListedOverTheLimit_IsQuarantinedWithoutAGet()
    {
        var store = new ScriptedStore(() => new ScriptedStream(OverTheLimit));

        var outcome = await Fetch(store, listedSize: 2L * 1024 * 1024 * 1024);

        Assert.Equal(FileOutcome.ObjectTooLarge, outcome.QuarantineKind);
        Assert.Equal((0, 0), (outcome.Gets, store.Opens));
        Assert.False(outcome.ShouldRetry);
        Assert.Contains("2147483648 bytes", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("Ingestion:MaxObjectBytes (65536 bytes)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListedExactlyAtTheLimit_IsRead()
    {
        var store = new ScriptedStore(() => new ScriptedStream(TrailFileBytes.Gzip(TrailFileBytes.TwoRecords)));

        var outcome = await Fetch(store, listedSize: Limit);

        Assert.NotNull(outcome.Read);
        Assert.Equal(1, outcome.Gets);
    }

    [Fact]
    public async Task ObjectExactlyAtTheLimit_IsReadWhole()
    {
        var file = TrailFileBytes.Large((int)Limit);
        var fetcher = TestFetcher.Create(Meters, file.Length);

        var outcome = await fetcher.FetchAsync(new ScriptedStore(() => new ScriptedStream(file)), TestFetcher.Key, TestFetcher.Stamp, file.Length, live: false, CancellationToken.None);

        Assert.True(outcome.Read is not null, outcome.Message);
        Assert.Equal(file.Length, outcome.Read.CompressedBytes);
    }

    [Theory]
    [InlineData(1000L)]
    [InlineData(null)]
    public async Task GrowingPastTheLimitWhileStreaming_IsStoppedAndQuarantined_NotRetried(long? listedSize)
    {
        // Listed small (or retried by key, size unknown) but served large: replaced after the listing, or a lying store.
        var body = new ScriptedStream(OverTheLimit);
        var store = new ScriptedStore(() => body, () => new ScriptedStream(OverTheLimit), () => new ScriptedStream(OverTheLimit));

        var outcome = await Fetch(store, listedSize);

        Assert.Equal(FileOutcome.ObjectTooLarge, outcome.QuarantineKind);
        Assert.Equal((1, 1), (outcome.Gets, store.Opens));
        Assert.True(body.Served <= Limit + 1, $"the fetcher took {body.Served} bytes of a body over the {Limit}-byte limit");
        Assert.True(store.AllDisposed, "the stopped download must be disposed");
        Assert.Contains(listedSize is null ? "not known" : "listed at 1000 bytes", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameObject_UnderAHigherLimit_IsRead()
    {
        // The control for the tests above: the object is a good trail file, refused only for its size.
        var outcome = await TestFetcher.Create(Meters).FetchAsync(new ScriptedStore(() => new ScriptedStream(OverTheLimit)), TestFetcher.Key, TestFetcher.Stamp, OverTheLimit.Length, live: false, CancellationToken.None);

        Assert.True(outcome.Read is not null, outcome.Message);
        Assert.True(OverTheLimit.Length > Limit);
    }

    [Fact]
    public async Task LocalFileReplacedByALargerOneAfterTheListing_IsQuarantinedAfterOneGet()
    {
        var root = Directory.CreateTempSubdirectory("pa-size-").FullName;
        try
        {
            var path = Path.Combine(root, TestFetcher.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, TrailFileBytes.Gzip(TrailFileBytes.TwoRecords));
            var store = new LocalFolderObjectStore(root);
            var listed = (await store.ListAsync(new TrailListRequest("AWSLogs/"), CancellationToken.None)).Objects.Single();
            await File.WriteAllBytesAsync(path, OverTheLimit);

            var outcome = await _fetcher.FetchAsync(store, listed.Key, TestFetcher.Stamp, listed.Size, live: false, CancellationToken.None);

            Assert.True(listed.Size < Limit);
            Assert.Equal((FileOutcome.ObjectTooLarge, 1), (outcome.QuarantineKind, outcome.Gets));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public void Dispose() => _services.Dispose();

    private Task<FileOutcome> Fetch(ITrailObjectStore store, long? listedSize) =>
        _fetcher.FetchAsync(store, TestFetcher.Key, TestFetcher.Stamp, listedSize, live: false, CancellationToken.None);
}
