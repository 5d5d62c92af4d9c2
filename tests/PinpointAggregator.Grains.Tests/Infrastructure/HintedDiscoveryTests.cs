using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Tests.Infrastructure;

public sealed class HintedDiscoveryTests
{
    private static readonly DateTime T = new(2024, 6, 10, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AHint_LongAfterTheLastRound_RunsARoundAtOnce()
    {
        var hinted = new HintedDiscovery(TimeSpan.FromMinutes(1));
        hinted.RoundRan(T);
        hinted.Scheduled(T.AddHours(1));

        Assert.Equal(TimeSpan.Zero, hinted.DelayFor(T.AddMinutes(10)));
    }

    [Fact]
    public void AHint_WithinAMinuteOfTheLastRound_WaitsForTheMinuteToEnd()
    {
        var hinted = new HintedDiscovery(TimeSpan.FromMinutes(1));
        hinted.RoundRan(T);
        hinted.Scheduled(T.AddHours(1));

        Assert.Equal(TimeSpan.FromSeconds(40), hinted.DelayFor(T.AddSeconds(20)));
    }

    [Fact]
    public void HintsWhileARoundIsAlreadyDueAsSoon_ChangeNothing()
    {
        var hinted = new HintedDiscovery(TimeSpan.FromMinutes(1));
        hinted.RoundRan(T);
        hinted.Scheduled(T.AddSeconds(30));

        Assert.Null(hinted.DelayFor(T.AddSeconds(10)));
    }

    [Fact]
    public void AFloodOfHints_BringsForwardOneRound()
    {
        var hinted = new HintedDiscovery(TimeSpan.FromMinutes(1));
        hinted.RoundRan(T);
        hinted.Scheduled(T.AddHours(1));

        Assert.Equal(TimeSpan.FromSeconds(50), hinted.DelayFor(T.AddSeconds(10)));
        Assert.All(Enumerable.Range(11, 40), s => Assert.Null(hinted.DelayFor(T.AddSeconds(s))));
    }

    [Fact]
    public void AHint_BeforeAnyRound_RunsOneAtOnce()
    {
        Assert.Equal(TimeSpan.Zero, new HintedDiscovery(TimeSpan.FromMinutes(1)).DelayFor(T));
    }

    [Fact]
    public void AfterAHintedRound_AndTheIntervalScheduledAgain_TheNextHintIsHonoured()
    {
        // The grain tells it every schedule: the hinted round, then the interval the round re-arms.
        var hinted = new HintedDiscovery(TimeSpan.FromMinutes(1));
        hinted.RoundRan(T);
        hinted.Scheduled(T.AddHours(1));
        var first = hinted.DelayFor(T.AddMinutes(5));
        hinted.RoundRan(T.AddMinutes(5));
        hinted.Scheduled(T.AddMinutes(5).AddHours(1));

        Assert.Equal(TimeSpan.Zero, first);
        Assert.Equal(TimeSpan.Zero, hinted.DelayFor(T.AddMinutes(15)));
    }
}
