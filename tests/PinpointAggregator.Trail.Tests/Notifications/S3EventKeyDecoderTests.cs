using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Trail.Tests.Notifications;

public sealed class S3EventKeyDecoderTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("a+b", "a b")]
    [InlineData("a%2Bb", "a+b")]
    [InlineData("a%2bb", "a+b")]
    [InlineData("%E6%97%A5%E6%9C%AC", "日本")]
    [InlineData("%F0%9F%98%80+%F0%9F%98%80", "😀 😀")]
    [InlineData("😀%20x", "😀 x")]
    public void Decodes_FormUrlEncoding(string encoded, string key)
    {
        Assert.True(S3EventKeyDecoder.TryDecode(encoded, out var decoded));
        Assert.Equal(key, decoded);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%2")]
    [InlineData("%G0")]
    [InlineData("%C3%28")]
    [InlineData("%80")]
    public void RefusesMalformedEscapesAndBytes(string encoded)
    {
        Assert.False(S3EventKeyDecoder.TryDecode(encoded, out _));
    }

    [Fact]
    public void RefusesAnUnpairedSurrogate()
    {
        // Built here: an attribute argument cannot carry an unpaired surrogate (metadata stores strings as UTF-8).
        Assert.False(S3EventKeyDecoder.TryDecode(new string([(char)0xD83D, '%', '2', '0']), out _));
        Assert.False(S3EventKeyDecoder.TryDecode(new string(['a', '+', (char)0xDE00]), out _));
    }
}
