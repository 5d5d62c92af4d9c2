using System.Text;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Tests.Reading;

public sealed class Utf8StreamValidatorTests
{
    [Fact]
    public void ValidText_SplitAtEveryPosition_IsValid()
    {
        var bytes = Encoding.UTF8.GetBytes("aé€😀ゲーム z");
        for (var split = 0; split <= bytes.Length; split++)
        {
            for (var second = split; second <= bytes.Length; second++)
            {
                var validator = new Utf8StreamValidator();
                var ok = validator.Append(bytes.AsSpan(0, split)) & validator.Append(bytes.AsSpan(split, second - split)) & validator.Append(bytes.AsSpan(second));
                Assert.True(ok && validator.IsComplete, $"split at {split} and {second}");
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE2, 0x82, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a UTF-16 surrogate encoded in UTF-8
    public void InvalidSequence_IsFound_WhereverTheChunkBoundaryFalls(byte[] bad)
    {
        byte[] bytes = [.. "ab"u8, .. bad, .. "cd"u8];
        for (var split = 0; split <= bytes.Length; split++)
        {
            var validator = new Utf8StreamValidator();
            var ok = validator.Append(bytes.AsSpan(0, split)) & validator.Append(bytes.AsSpan(split));
            Assert.False(ok && validator.IsComplete, $"split at {split}");
        }
    }
}
