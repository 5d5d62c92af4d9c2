using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Tests.Infrastructure;

public sealed class BackoffTests
{
    private const int Samples = 2000;
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(15);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void NoFailures_IsNoDelay(int failures)
    {
        Assert.Equal(TimeSpan.Zero, Backoff.Delay(failures, Base, Max));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(10, 512)]
    [InlineData(11, 900)] // 1,024 s is above the 900 s cap
    [InlineData(31, 900)]
    [InlineData(1000, 900)]
    [InlineData(int.MaxValue, 900)]
    public void Delay_IsBetweenHalfAndAllOfTheDoubledCappedDelay(int failures, int seconds)
    {
        var d = TimeSpan.FromSeconds(seconds);

        for (var i = 0; i < Samples; i++)
        {
            var delay = Backoff.Delay(failures, Base, Max);
            Assert.InRange(delay, d / 2, d);
        }
    }

    [Fact]
    public void Delay_NeverExceedsTheMaximum_EvenWhenTheBaseDoes()
    {
        for (var i = 0; i < Samples; i++)
        {
            Assert.InRange(Backoff.Delay(1, TimeSpan.FromHours(1), Max), Max / 2, Max);
        }
    }

    [Fact]
    public void Delay_IsJittered_AcrossBothHalvesOfItsRange()
    {
        // Equal jitter: uniform over [d/2, d). 2,000 draws all landing in one half has probability 2^-1999.
        var d = TimeSpan.FromSeconds(8);
        var delays = Enumerable.Range(0, Samples).Select(_ => Backoff.Delay(4, Base, Max)).ToList();

        Assert.Contains(delays, x => x < d * 0.75);
        Assert.Contains(delays, x => x > d * 0.75);
    }
}
