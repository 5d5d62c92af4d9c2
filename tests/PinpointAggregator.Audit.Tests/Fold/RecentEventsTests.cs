using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

public sealed class RecentEventsTests
{
    private static List<AuditEvent> TenReads() => [.. Enumerable.Range(0, 10).Select(i => Read($"r{i}", i))];

    [Fact]
    public void RecentList_HoldsTheNewestUpToTheLimit_NewestFirst_InAnyOrder()
    {
        foreach (var order in Orders.Sample(TenReads()))
        {
            var recent = AuditFold.Of(order, recentLimit: 3).Activity.Recent;

            Assert.Equal(["r9", "r8", "r7"], recent.Select(r => r.EventId));
            Assert.Equal([At(9), At(8), At(7)], recent.Select(r => r.At));
        }
    }

    [Fact]
    public void RecentList_OrdersTiesByEventId_InEveryOrder()
    {
        foreach (var order in Orders.All([Read("a", 1), Read("c", 1), Read("b", 1), Read("z", 0)]))
        {
            Assert.Equal(["c", "b", "a"], AuditFold.Of(order, recentLimit: 3).Activity.Recent.Select(r => r.EventId));
        }
    }

    [Fact]
    public void RecentEntry_CarriesTheEventsDetails()
    {
        var e = Campaign("e1", 4, "UpdateCampaign", "c1") with { ErrorCode = "BadRequestException" };

        var entry = Assert.Single(AuditFold.Of([e]).Activity.Recent);

        Assert.Equal(new RecentEvent(At(4), "e1", "UpdateCampaign", Ops, "BadRequestException", "c1", "192.0.2.10"), entry);
    }

    [Fact]
    public void ShorterHistoryThanTheLimit_IsKeptWhole()
    {
        Assert.Equal(10, AuditFold.Of(TenReads(), recentLimit: 50).Activity.Recent.Count);
    }

    [Fact]
    public void ZeroLimit_KeepsNoRecentEvents_ButCountsThem()
    {
        var activity = AuditFold.Of(TenReads(), recentLimit: 0).Activity;

        Assert.Empty(activity.Recent);
        Assert.Equal(10, activity.Events);
    }
}
