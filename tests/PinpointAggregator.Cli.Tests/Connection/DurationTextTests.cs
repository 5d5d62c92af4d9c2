using PinpointAggregator.Cli.Connection;

namespace PinpointAggregator.Cli.Tests.Connection;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("30s", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5m", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("7d", 604_800_000)]
    public void TryParse_KnownForms(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("-1")]
    [InlineData("5w")]
    [InlineData("99999d")]
    public void TryParse_RefusesTheRest(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
