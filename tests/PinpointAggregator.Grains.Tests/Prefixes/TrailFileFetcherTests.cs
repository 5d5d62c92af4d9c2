using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>What the fetcher does with each kind of store and file failure.</summary>
public sealed class TrailFileFetcherTests : IDisposable
{
    private const string Key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/01/111122223333_CloudTrail_us-east-1_20240601T0000Z_a.json.gz";
    private const string TwoRecords = """{"Records":[{"eventID":"1","eventSource":"ec2.amazonaws.com"},{"eventID":"2","eventSource":"s3.amazonaws.com"}]}""";
    private static readonly DateTime Stamp = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly TrailFileFetcher _fetcher;

    public TrailFileFetcherTests()
    {
        var options = new IngestionOptions { TransientAttempts = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(2) };
        _fetcher = new TrailFileFetcher(new TrailFileReader(), options, TimeProvider.System, new IngestionMetrics(_services.GetRequiredService<IMeterFactory>()));
    }

    [Fact]
    public async Task TransientFailures_WithinTheAttempts_EndInARead()
    {
        var store = new ScriptedStore(Transient(), Transient(), Ok());

        var outcome = await _fetcher.FetchAsync(store, Key, Stamp, CancellationToken.None);

        Assert.NotNull(outcome.Read);
        Assert.Equal(3, outcome.Gets);
        Assert.Equal(2, outcome.Read.RecordsRead);
    }

    [Fact]
    public async Task TransientFailures_BeyondTheAttempts_AskForARetryNotAQuarantine()
    {
        var store = new ScriptedStore(Transient(), Transient(), Transient(), Ok());

        var outcome = await _fetcher.FetchAsync(store, Key, Stamp, CancellationToken.None);

        Assert.True(outcome.ShouldRetry);
        Assert.Equal((3, "SlowDown"), (outcome.Gets, outcome.ErrorCode));
    }

    [Fact]
    public async Task DeniedRead_AsksForARetryAtOnce()
    {
        var store = new ScriptedStore(() => throw new TrailStoreException(TrailStoreErrorKind.Denied, "AccessDenied", "denied"));

        var outcome = await _fetcher.FetchAsync(store, Key, Stamp, CancellationToken.None);

        Assert.True(outcome.ShouldRetry);
        Assert.Equal((1, "AccessDenied"), (outcome.Gets, outcome.ErrorCode));
    }

    [Fact]
    public async Task MissingObject_IsQuarantinedAsNotFound()
    {
        var store = new ScriptedStore(() => throw new TrailStoreException(TrailStoreErrorKind.NotFound, "NoSuchKey", "gone"));

        var outcome = await _fetcher.FetchAsync(store, Key, Stamp, CancellationToken.None);

        Assert.Equal("NotFound", outcome.QuarantineKind);
    }

    [Fact]
    public async Task CorruptFile_IsQuarantinedWithTheReaderError_WithoutRetrying()
    {
        var store = new ScriptedStore(() => new MemoryStream([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));

        var outcome = await _fetcher.FetchAsync(store, Key, Stamp, CancellationToken.None);

        Assert.Equal(1, outcome.Gets);
        Assert.Equal(nameof(TrailFileErrorKind.TruncatedGzip), outcome.QuarantineKind);
        Assert.False(outcome.ShouldRetry);
    }

    [Fact]
    public async Task ConnectionLostWhileStreaming_IsReadAgain_NotQuarantined()
    {
        var store = new ScriptedStore(() => new FailingStream(Gzip(TwoRecords), failAfter: 10), Ok());

        var outcome = await _fetcher.FetchAsync(store, Key, Stamp, CancellationToken.None);

        Assert.NotNull(outcome.Read);
        Assert.Null(outcome.QuarantineKind);
        Assert.Equal(2, outcome.Gets);
    }

    [Fact]
    public async Task ConnectionLostOnEveryAttempt_AsksForARetryWithTheReadersReason()
    {
        var store = new ScriptedStore(() => new FailingStream(Gzip(TwoRecords), 10), () => new FailingStream(Gzip(TwoRecords), 10), () => new FailingStream(Gzip(TwoRecords), 10));

        var outcome = await _fetcher.FetchAsync(store, Key, Stamp, CancellationToken.None);

        Assert.True(outcome.ShouldRetry);
        Assert.Equal((3, nameof(TrailFileErrorKind.SourceReadFailed)), (outcome.Gets, outcome.ErrorCode));
        Assert.True(store.AllDisposed, "every opened stream must be disposed");
    }

    [Fact]
    public async Task ArchivedObject_IsQuarantinedAsUnreadable_WithoutRetrying()
    {
        var store = new ScriptedStore(() => throw new TrailStoreException(TrailStoreErrorKind.Unreadable, "InvalidObjectState", "archived"), Ok());

        var outcome = await _fetcher.FetchAsync(store, Key, Stamp, CancellationToken.None);

        Assert.Equal(("Unreadable", 1), (outcome.QuarantineKind, outcome.Gets));
    }

    public void Dispose() => _services.Dispose();

    private static Func<Stream> Transient() => () => throw new TrailStoreException(TrailStoreErrorKind.Transient, "SlowDown", "slow down");

    private static Func<Stream> Ok() => () => new MemoryStream(Gzip(TwoRecords));

    private static byte[] Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }

    /// <summary>Answers GETs from a script, one step per call, and remembers the streams it handed out.</summary>
    private sealed class ScriptedStore(params Func<Stream>[] steps) : ITrailObjectStore
    {
        private readonly List<Stream> _opened = [];
        private int _next;

        public int Opens => _next;

        public bool AllDisposed => _opened.All(s => !s.CanRead);

        public Task<TrailObjectListing> ListAsync(TrailListRequest request, CancellationToken cancellationToken) => Task.FromResult(TrailObjectListing.Empty);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
        {
            var stream = steps[_next++]();
            _opened.Add(stream);
            return Task.FromResult(stream);
        }
    }

    /// <summary>Serves its bytes, then fails like a connection reset after <c>failAfter</c> bytes.</summary>
    /// <remarks>Not derived from MemoryStream: its span overloads call back into overrides and recurse.</remarks>
    private sealed class FailingStream(byte[] bytes, int failAfter) : Stream
    {
        private int _position;

        public override bool CanRead => _position >= 0;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter)
            {
                throw new IOException("Connection reset by peer");
            }

            var n = Math.Min(count, Math.Min(failAfter, bytes.Length) - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _position = -1;
            base.Dispose(disposing);
        }
    }
}
