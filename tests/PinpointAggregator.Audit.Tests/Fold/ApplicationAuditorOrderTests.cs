using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

public sealed class ApplicationAuditorOrderTests
{
    private const int RecentLimit = 5;

    /// <summary>A mixed application history: every register, reads, failures, a duplicate, an addendum, ties.</summary>
    private static List<AuditEvent> History()
    {
        var update = Campaign("e11", 6, "UpdateCampaign", "c1", version: 2);
        return
        [
            Write("e01", 0, "CreateApp", "Application", "app1") with { ApplicationName = "orders" },
            Read("e02", 1),
            Read("e03", 2) with { Caller = Deployer },
            Read("e03", 2) with { Caller = Deployer },
            Write("e04", 3, "UpdateApplicationSettings", "ApplicationSettings"),
            Write("e05", 9, "UpdateApplicationSettings", "ApplicationSettings"),
            Channel("e06", 4, "UpdateSmsChannel", "Sms", enabled: true),
            Channel("e07", 5, "UpdateEmailChannel", "Email", enabled: false),
            Channel("e08", 8, "DeleteSmsChannel", "Sms"),
            Channel("e09", 10, "UpdateSmsChannel", "Sms", enabled: true) with { ErrorCode = "BadRequestException" },
            Campaign("e10", 2, "CreateCampaign", "c1", version: 1),
            update,
            AddendumOf(update, "e11-addendum") with { Caller = Deployer },
            Campaign("e12", 7, "UpdateCampaign", "c1", version: 3),
            Campaign("e13", 20, "DeleteCampaign", "c1"),
            Campaign("e14", 14, "UpdateCampaign", "c1", version: 9) with { ErrorCode = "NotFoundException" },
            Write("e15", 3, "CreateSegment", "Segment", "s1"),
            Write("e16a", 15, "UpdateSegment", "Segment", "s1"),
            Write("e16b", 15, "UpdateSegment", "Segment", "s1") with { Caller = Deployer },
            Write("e17", 4, "CreateImportJob", "ImportJob", "j1"),
            Write("e18", 11, "PutEventStream", "EventStream") with { DestinationStreamArn = "arn:aws:kinesis:us-east-1:111122223333:stream/a" },
            Write("e19", 12, "DeleteEventStream", "EventStream"),
            Write("e20", 13, "PutEventStream", "EventStream") with { DestinationStreamArn = "arn:aws:kinesis:us-east-1:111122223333:stream/b" },
            Read("e21", 16, "GetCampaigns") with { ErrorCode = "AccessDeniedException" },
        ];
    }

    [Fact]
    public void SameEventsInDifferentOrders_GiveIdenticalAudits()
    {
        var history = History();
        var expected = CanonicalJson.Of(AuditFold.Of(history, RecentLimit));

        foreach (var order in Orders.Sample(history))
        {
            Assert.Equal(expected, CanonicalJson.Of(AuditFold.Of(order, RecentLimit)));
        }
    }

    [Fact]
    public void MixedHistory_CountsEachDistinctEventOnce()
    {
        var audit = AuditFold.Of(History(), RecentLimit);

        // 24 deliveries: the duplicate of e03 and the addendum of e11 count as the events they repeat.
        Assert.Equal(22, audit.Activity.Events);
        Assert.Equal(2, audit.Activity.DuplicatesIgnored);
        Assert.Equal(3, audit.Activity.Reads);
        Assert.Equal(19, audit.Activity.Writes);
        Assert.Equal(3, audit.Activity.Errors);
        Assert.Equal(3, audit.Activity.Callers[Deployer]);
        Assert.Equal(19, audit.Activity.Callers[Ops]);
        Assert.Equal(At(0), audit.Activity.FirstAt);
        Assert.Equal(At(20), audit.Activity.LastAt);
        Assert.Equal(["e13", "e21", "e16b", "e16a", "e14"], audit.Activity.Recent.Select(r => r.EventId));
    }

    [Fact]
    public void BatchAppliedTwice_ChangesOnlyDuplicatesIgnored()
    {
        var history = History();
        var fold = new AuditFold(RecentLimit);
        fold.Apply(history);
        var once = CanonicalJson.Of(fold.Audit);
        var seenOnce = CanonicalJson.Of(fold.Seen);
        var duplicatesOnce = fold.Audit.Activity.DuplicatesIgnored;

        var outcomes = fold.Apply(history);

        Assert.All(outcomes, o => Assert.Equal(ApplyOutcome.Duplicate, o));
        Assert.Equal(duplicatesOnce + history.Count, fold.Audit.Activity.DuplicatesIgnored);
        fold.Audit.Activity.DuplicatesIgnored = duplicatesOnce;
        Assert.Equal(once, CanonicalJson.Of(fold.Audit));
        Assert.Equal(seenOnce, CanonicalJson.Of(fold.Seen));
    }

    [Fact]
    public void FirstDeliveries_AreNew_AndRepeatsAreDuplicates()
    {
        var e = Read("e1", 0);
        var fold = new AuditFold();

        Assert.Equal([ApplyOutcome.New, ApplyOutcome.Duplicate], fold.Apply([e, e]));
        Assert.Equal(1, fold.Audit.Activity.Events);
        Assert.Equal(1, fold.Audit.Activity.DuplicatesIgnored);
    }
}
