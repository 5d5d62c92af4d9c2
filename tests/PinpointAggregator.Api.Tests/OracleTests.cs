namespace PinpointAggregator.Api.Tests;

/// <summary>The trail oracle agrees with the generator's ground truth wherever the ground truth says something.</summary>
[Collection(SharedService.Name)]
public sealed class OracleTests(ServiceFixture service)
{
    [Fact]
    public void Oracle_CountsWhatTheGroundTruthCounts()
    {
        var oracle = Oracles.Of(service);
        var truth = service.GroundTruth;
        Assert.Equal(truth.Totals.Events, oracle.Events.Count);
        Assert.Equal(truth.NoApplicationId.Events, oracle.Events.Count(e => e.ApplicationId is null));
        foreach (var (id, app) in truth.Applications)
        {
            var events = oracle.Events.Where(e => e.ApplicationId == id).ToList();
            Assert.Equal(app.Events, events.Count);
            Assert.Equal(app.ByEventName, new SortedDictionary<string, long>(TrailOracle.CountBy(events, e => e.Event.EventName), StringComparer.Ordinal));
            Assert.All(events, e => Assert.Equal((app.Account, app.Region), (e.Account, e.Region)));
        }
    }
}
