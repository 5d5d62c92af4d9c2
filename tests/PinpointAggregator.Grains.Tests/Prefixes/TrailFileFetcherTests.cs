using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>What the fetcher does with each kind of store and file failure.</summary>
public sealed class TrailFileFetcherTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly TrailFileFetcher _fetcher;

    public TrailFileFetcherTests() => _fetcher = TestFetcher.Create(_services.GetRequiredService<IMeterFactory>());

    [Fact]
    public async Task TransientFailures_WithinTheAttempts_EndInARead()
    {
        var store = new ScriptedStore(Transient(), Transient(), Ok());

        var outcome = await Fetch(store);

        Assert.NotNull(outcome.Read);
        Assert.Equal(3, outcome.Gets);
        Assert.Equal(2, outcome.Read.RecordsRead);
    }

    [Fact]
    public async Task TransientFailures_BeyondTheAttempts_AskForARetryNotAQuarantine()
    {
        var store = new ScriptedStore(Transient(), Transient(), Transient(), Ok());

        var outcome = await Fetch(store);

        Assert.True(outcome.ShouldRetry);
        Assert.Equal((3, "SlowDown"), (outcome.Gets, outcome.ErrorCode));
    }

    [Fact]
    public async Task DeniedRead_AsksForARetryAtOnce()
    {
        var store = new ScriptedStore(() => throw new TrailStoreException(TrailStoreErrorKind.Denied, "AccessDenied", "denied"));

        var outcome = await Fetch(store);

        Assert.True(outcome.ShouldRetry);
        Assert.Equal((1, "AccessDenied"), (outcome.Gets, outcome.ErrorCode));
    }

    [Fact]
    public async Task MissingObject_IsQuarantinedAsNotFound()
    {
        var store = new ScriptedStore(() => throw new TrailStoreException(TrailStoreErrorKind.NotFound, "NoSuchKey", "gone"));

        var outcome = await Fetch(store);

        Assert.Equal("NotFound", outcome.QuarantineKind);
    }

    [Fact]
    public async Task CorruptFile_IsQuarantinedWithTheReaderError_WithoutRetrying()
    {
        var store = new ScriptedStore(() => new ScriptedStream([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));

        var outcome = await Fetch(store);

        Assert.Equal(1, outcome.Gets);
        Assert.Equal(nameof(TrailFileErrorKind.TruncatedGzip), outcome.QuarantineKind);
        Assert.False(outcome.ShouldRetry);
    }

    [Fact]
    public async Task ConnectionLostWhileStreaming_IsReadAgain_NotQuarantined()
    {
        var store = new ScriptedStore(ResetMidway(), Ok());

        var outcome = await Fetch(store);

        Assert.NotNull(outcome.Read);
        Assert.Null(outcome.QuarantineKind);
        Assert.Equal(2, outcome.Gets);
    }

    [Fact]
    public async Task ConnectionLostOnEveryAttempt_AsksForARetryWithTheReadersReason()
    {
        var store = new ScriptedStore(ResetMidway(), ResetMidway(), ResetMidway());

        var outcome = await Fetch(store);

        Assert.True(outcome.ShouldRetry);
        Assert.Equal((3, nameof(TrailFileErrorKind.SourceReadFailed)), (outcome.Gets, outcome.ErrorCode));
        Assert.True(store.AllDisposed, "every opened stream must be disposed");
    }

    [Fact]
    public async Task ArchivedObject_IsQuarantinedAsUnreadable_WithoutRetrying()
    {
        var store = new ScriptedStore(() => throw new TrailStoreException(TrailStoreErrorKind.Unreadable, "InvalidObjectState", "archived"), Ok());

        var outcome = await Fetch(store);

        Assert.Equal(("Unreadable", 1), (outcome.QuarantineKind, outcome.Gets));
    }

    public void Dispose() => _services.Dispose();

    private Task<FileOutcome> Fetch(ITrailObjectStore store) => _fetcher.FetchAsync(store, TestFetcher.Key, TestFetcher.Stamp, 1000, live: false, CancellationToken.None);

    private static Func<Stream> Transient() => () => throw new TrailStoreException(TrailStoreErrorKind.Transient, "SlowDown", "slow down");

    private static Func<Stream> ResetMidway() => () => new ScriptedStream(TrailFileBytes.Gzip(TrailFileBytes.TwoRecords), failAfter: 10);

    private static Func<Stream> Ok() => () => new ScriptedStream(TrailFileBytes.Gzip(TrailFileBytes.TwoRecords));
}
