using System.Text;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Tests.Reading;

public sealed class Utf8StringPoolTests
{
    [Fact]
    public void RepeatedValue_IsOneSharedString()
    {
        var pool = new Utf8StringPool(capacity: 8, maxLength: 64);

        var first = pool.Get("pinpoint.amazonaws.com"u8);
        var second = pool.Get(Encoding.UTF8.GetBytes("pinpoint.amazonaws.com"));

        Assert.Equal("pinpoint.amazonaws.com", first);
        Assert.Same(first, second);
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void NonAsciiValue_DecodesAsUtf8()
    {
        var pool = new Utf8StringPool(capacity: 8, maxLength: 64);

        Assert.Equal("ゲーム-é-😀", pool.Get(Encoding.UTF8.GetBytes("ゲーム-é-😀")));
        Assert.Same(pool.Get(Encoding.UTF8.GetBytes("ゲーム-é-😀")), pool.Get(Encoding.UTF8.GetBytes("ゲーム-é-😀")));
    }

    [Fact]
    public void FullPool_StillDecodes_ButTakesNoMoreValues()
    {
        // A member account writing made-up values fills the pool: later values cost their sharing, nothing else.
        var pool = new Utf8StringPool(capacity: 3, maxLength: 64);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal($"caller-{i}", pool.Get(Encoding.UTF8.GetBytes($"caller-{i}")));
        }

        Assert.Equal(3, pool.Count);
        Assert.Same(pool.Get("caller-0"u8), pool.Get("caller-0"u8));
        Assert.NotSame(pool.Get("caller-99"u8), pool.Get("caller-99"u8));
    }

    [Fact]
    public void LongValue_IsNeverPooled()
    {
        var pool = new Utf8StringPool(capacity: 8, maxLength: 16);
        var longValue = Encoding.UTF8.GetBytes(new string('a', 17));

        Assert.Equal(new string('a', 17), pool.Get(longValue));
        Assert.NotSame(pool.Get(longValue), pool.Get(longValue));
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void EmptyValue_IsTheEmptyString() =>
        Assert.Same(string.Empty, new Utf8StringPool(capacity: 8, maxLength: 16).Get([]));

    [Fact]
    public async Task ManyThreads_AgreeOnOneStringPerValue()
    {
        var pool = new Utf8StringPool(capacity: 1000, maxLength: 64);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 200).Select(i => pool.Get(Encoding.UTF8.GetBytes($"value-{i % 50}"))).ToArray())));

        for (var i = 0; i < 200; i++)
        {
            Assert.All(results, r => Assert.Same(results[0][i], r[i]));
        }

        Assert.Equal(50, pool.Count);
    }
}
