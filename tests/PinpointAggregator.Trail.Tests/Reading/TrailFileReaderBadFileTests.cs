using System.Text;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Tests.Reading;

/// <summary>Every bad file gives a typed error, no events, and how far the reader got.</summary>
public sealed class TrailFileReaderBadFileTests
{
    private static readonly string GoodJson = TrailJson.Document(Enumerable.Range(0, 400).Select(i => TrailJson.PinpointRecord($"p{i}")));

    [Fact]
    public void TruncatedGzip_IsRejected()
    {
        var gz = TrailJson.Gzip(GoodJson);

        var result = TrailFiles.Read(gz[..(gz.Length / 2)]);

        AssertRejected(result, TrailFileErrorKind.TruncatedGzip);
    }

    [Fact]
    public void MissingOnlyTheGzipTrailer_IsRejected_ThoughEveryJsonByteDecompresses()
    {
        var gz = TrailJson.Gzip(GoodJson);

        var result = TrailFiles.Read(gz[..^8]);

        AssertRejected(result, TrailFileErrorKind.TruncatedGzip);
        Assert.Equal(Encoding.UTF8.GetByteCount(GoodJson), result.DecompressedBytes);
    }

    [Fact]
    public void WrongCrc32InTrailer_IsCorruptGzip()
    {
        var gz = TrailJson.Gzip(GoodJson);
        gz[^8] ^= 0xFF;

        AssertRejected(TrailFiles.Read(gz), TrailFileErrorKind.CorruptGzip);
    }

    [Fact]
    public void PartOfTheTrailerMissing_IsTruncatedGzip()
    {
        var gz = TrailJson.Gzip(GoodJson);

        AssertRejected(TrailFiles.Read(gz[..^3]), TrailFileErrorKind.TruncatedGzip);
    }

    [Fact]
    public void NotGzipAtAll_IsCorruptGzip()
    {
        AssertRejected(TrailFiles.Read(Encoding.UTF8.GetBytes(GoodJson)), TrailFileErrorKind.CorruptGzip);
    }

    [Fact]
    public void EmptyFile_IsTruncatedGzip()
    {
        AssertRejected(TrailFiles.Read([]), TrailFileErrorKind.TruncatedGzip);
    }

    [Fact]
    public void InvalidJson_IsRejected_WithRecordsReadBeforeTheError()
    {
        var records = Enumerable.Range(0, 10).Select(i => TrailJson.PinpointRecord($"p{i}")).ToList();
        records[7] = records[7].Replace("\"eventName\":", "\"eventName\"", StringComparison.Ordinal);

        var result = TrailFiles.ReadJson(TrailJson.Document(records));

        AssertRejected(result, TrailFileErrorKind.InvalidJson);
        Assert.Equal(7, result.Error!.RecordsReadBeforeError);
    }

    [Fact]
    public void TruncatedJson_InValidGzip_IsRejected()
    {
        AssertRejected(TrailFiles.ReadJson(GoodJson[..(GoodJson.Length / 2)]), TrailFileErrorKind.InvalidJson);
    }

    [Fact]
    public void TrailingGarbage_AfterTheTopLevelObject_IsInvalidJson()
    {
        AssertRejected(TrailFiles.ReadJson(GoodJson + "{}"), TrailFileErrorKind.InvalidJson);
    }

    [Theory]
    [InlineData("{\"records\":[]}")]
    [InlineData("{\"Records\":{}}")]
    [InlineData("{\"Records\":null}")]
    [InlineData("[{\"eventID\":\"x\"}]")]
    [InlineData("{}")]
    public void TopLevelWithoutRecordsArray_IsMissingRecords(string json)
    {
        AssertRejected(TrailFiles.ReadJson(json), TrailFileErrorKind.MissingRecords);
    }

    [Fact]
    public void RecordThatIsNotAnObject_IsInvalidRecord()
    {
        AssertRejected(TrailFiles.ReadJson("{\"Records\":[" + TrailJson.PinpointRecord("p1") + ",42]}"), TrailFileErrorKind.InvalidRecord);
    }

    [Fact]
    public void KeptRecordWithoutEventId_IsInvalidRecord()
    {
        var json = TrailJson.Document([TrailJson.PinpointRecord("p1").Replace("\"eventID\"", "\"eventId\"", StringComparison.Ordinal)]);

        var result = TrailFiles.ReadJson(json);

        AssertRejected(result, TrailFileErrorKind.InvalidRecord);
        Assert.Contains("eventID", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecompressionBomb_IsStoppedAtTheCap()
    {
        // 200,000 identical small records: about 70 MB of JSON that gzip shrinks a thousandfold.
        // Every record is under the record cap, so only the decompressed-size cap can stop it.
        var bomb = TrailJson.Gzip(TrailJson.Document(Enumerable.Repeat(TrailJson.OtherRecord("same"), 200_000)));
        var options = new TrailReaderOptions { MaxDecompressedBytes = 4 * 1024 * 1024 };

        var result = TrailFiles.Read(bomb, options);

        AssertRejected(result, TrailFileErrorKind.DecompressedSizeLimitExceeded);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes compressed");
        Assert.InRange(result.DecompressedBytes, options.MaxDecompressedBytes, options.MaxDecompressedBytes + (1024 * 1024));
    }

    [Fact]
    public void SingleHugeRecord_IsRejected_AndTheBufferStaysBounded()
    {
        var huge = TrailJson.PinpointRecord("big", extra: $",\"userAgent\":\"{new string('a', 3 * 1024 * 1024)}\"");
        var json = TrailJson.Document([TrailJson.PinpointRecord("p1"), huge, TrailJson.PinpointRecord("p2")]);
        var options = new TrailReaderOptions { MaxRecordBytes = 256 * 1024 };

        var result = TrailFiles.ReadJson(json, options);

        AssertRejected(result, TrailFileErrorKind.RecordTooLarge);
        Assert.Equal(1, result.Error!.RecordsReadBeforeError);
        Assert.True(result.DecompressedBytes < 2 * 1024 * 1024, $"read {result.DecompressedBytes} bytes before rejecting");
    }

    [Fact]
    public void LargeRecord_UnderTheCap_IsRead()
    {
        var large = TrailJson.PinpointRecord("big", extra: $",\"userAgent\":\"{new string('a', 600 * 1024)}\"");

        var result = TrailFiles.ReadJson(TrailJson.Document([TrailJson.PinpointRecord("p1"), large]));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(600 * 1024, result.Events[1].UserAgent!.Length);
    }

    [Fact]
    public void InvalidUtf8_InsideAString_IsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes(GoodJson);
        var at = Array.IndexOf(bytes, (byte)'1', bytes.Length / 2);
        bytes[at] = 0xFF;

        AssertRejected(TrailFiles.Read(TrailJson.Gzip(bytes)), TrailFileErrorKind.InvalidUtf8);
    }

    [Fact]
    public void Utf8SequenceCutAtTheEnd_IsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"Records\":[]}  ");
        bytes[^1] = 0xE2; // the lead byte of a three-byte sequence, and nothing after it

        AssertRejected(TrailFiles.Read(TrailJson.Gzip(bytes)), TrailFileErrorKind.InvalidUtf8);
    }

    [Fact]
    public void SourceThatFailsToRead_IsATransientError()
    {
        var result = new TrailFileReader<ProbeEvent>(ProbeEvent.Mapper).Read(new FailingStream(TrailJson.Gzip(GoodJson)));

        AssertRejected(result, TrailFileErrorKind.SourceReadFailed);
        Assert.True(result.Error!.IsTransient);
    }

    private static void AssertRejected(TrailReadResult<ProbeEvent> result, TrailFileErrorKind kind)
    {
        Assert.False(result.Succeeded, "the file was accepted");
        Assert.True(kind == result.Error!.Kind, $"expected {kind}, got {result.Error}");
        Assert.Empty(result.Events);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    /// <summary>Serves the first half of the data in small reads, then fails like a reset connection.</summary>
    private sealed class FailingStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= data.Length / 2)
            {
                throw new IOException("connection reset by peer");
            }

            var n = Math.Min(Math.Min(count, 1024), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
