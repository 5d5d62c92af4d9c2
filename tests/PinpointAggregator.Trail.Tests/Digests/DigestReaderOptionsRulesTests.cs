using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Trail.Tests.Digests;

public sealed class DigestReaderOptionsRulesTests
{
    [Fact]
    public void Defaults_Work() => Assert.Empty(DigestReaderOptionsRules.Check(new DigestReaderOptions()));

    [Theory]
    [InlineData(1024L, 10, "Trail:DigestReader:MaxDecompressedBytes")]
    [InlineData(2L << 30, 10, "Trail:DigestReader:MaxDecompressedBytes")]
    [InlineData(1L << 20, 0, "Trail:DigestReader:MaxLogFiles")]
    public void EachBrokenRule_NamesItsOption(long maxBytes, int maxLogFiles, string option)
    {
        var options = new DigestReaderOptions { MaxDecompressedBytes = maxBytes, MaxLogFiles = maxLogFiles };

        var error = Assert.Single(DigestReaderOptionsRules.Check(options));
        Assert.StartsWith(option, error, StringComparison.Ordinal);
        Assert.Contains(option, Assert.Throws<ArgumentException>(() => new DigestFileReader(options)).Message, StringComparison.Ordinal);
    }
}
