using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Audit.Tests.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>One event is one event, wherever its deliveries resolve.</summary>
public sealed class EventRouterTests
{
    private static readonly DateTime KeyStamp = At(0);

    /// <summary>A CreateApp whose original has no responseElements (account level) and whose addendum names the app.</summary>
    private static readonly TestEvent OriginalCall = Write("create", 1, "CreateApp", "Application") with { ApplicationId = null };

    private static readonly AuditEvent Original = OriginalCall;

    private static readonly AuditEvent Addendum = AddendumOf(OriginalCall, "create-addendum") with { ApplicationId = "app1", ResourceId = "app1" };

    [Fact]
    public void AddendumAfterAnOriginalCountedElsewhere_RetractsItThere()
    {
        var routes = new Dictionary<string, RouteEntry>(StringComparer.Ordinal);
        var router = new EventRouter(routes);

        var first = router.Route([(Original, KeyStamp)]);
        var second = router.Route([(Addendum, KeyStamp)]);

        Assert.Equal([Original], Single(first, null).Events);
        var retraction = Assert.Single(Single(second, null).Retractions);
        Assert.Equal(new Retraction("create", Addendum.Key.Time, "create-addendum", IsAddendum: true), retraction);
        Assert.Equal([Addendum], Single(second, "app1", skip: 1).Events);
        Assert.Equal(1, second.DuplicatesDropped);
    }

    [Fact]
    public void OriginalAfterTheAddendumThatMovedIt_IsDroppedAsTheDuplicate()
    {
        var router = new EventRouter(new Dictionary<string, RouteEntry>(StringComparer.Ordinal));

        router.Route([(Addendum, KeyStamp)]);
        var late = router.Route([(Original, KeyStamp)]);

        Assert.Empty(late.Deliveries);
        Assert.Equal(1, late.DuplicatesDropped);
    }

    [Fact]
    public void BothInOneBatch_InEitherOrder_DeliverTheAddendumToTheApplication()
    {
        foreach (var order in Orders.All<AuditEvent>([Original, Addendum]))
        {
            var routed = new EventRouter(new Dictionary<string, RouteEntry>(StringComparer.Ordinal)).Route(order.Select(e => (e, KeyStamp)));

            Assert.Equal(1, routed.DuplicatesDropped);
            Assert.Contains(routed.Deliveries, d => d.Target == "app1" && d.Events.SequenceEqual([Addendum]));
        }
    }

    [Fact]
    public void DeliveriesToTheSameGrain_PassThrough_ForThatGrainToDeduplicate()
    {
        AuditEvent e = Read("r1", 2);
        var routed = new EventRouter(new Dictionary<string, RouteEntry>(StringComparer.Ordinal)).Route([(e, KeyStamp), (e, KeyStamp)]);

        Assert.Equal([e, e], Assert.Single(routed.Deliveries).Events);
        Assert.Equal(0, routed.DuplicatesDropped);
    }

    [Fact]
    public void RoutesOfFilesBeforeTheWindow_AreForgotten()
    {
        var routes = new Dictionary<string, RouteEntry>(StringComparer.Ordinal);
        var router = new EventRouter(routes);
        router.Route([(Original, At(0)), (Read("r2", 3), At(10))]);

        router.Forget(At(5));

        Assert.Equal(["r2"], routes.Keys);
    }

    private static PendingDelivery Single(RoutedEvents routed, string? target, int skip = 0)
    {
        var delivery = routed.Deliveries.Skip(skip).First();
        Assert.Equal(target, delivery.Target);
        return delivery;
    }
}
