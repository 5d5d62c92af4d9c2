using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

public sealed class ActivityCountsTests
{
    [Fact]
    public void Counts_SplitByActionCallerKindAndErrorCode()
    {
        var activity = AuditFold.Of(
        [
            Read("r1", 3),
            Read("r2", 1, "GetCampaigns") with { Caller = Deployer },
            Read("r3", 2, "GetCampaigns") with { ErrorCode = "AccessDeniedException" },
            Write("w1", 7, "UpdateApplicationSettings", "ApplicationSettings") with { ErrorCode = "AccessDeniedException" },
            Write("w2", 5, "CreateSegment", "Segment", "s1") with { ErrorCode = "BadRequestException" },
        ]).Activity;

        Assert.Equal((5L, 3L, 2L, 3L, 0L), (activity.Events, activity.Reads, activity.Writes, activity.Errors, activity.DuplicatesIgnored));
        Assert.Equal(new Dictionary<string, long> { ["GetApp"] = 1, ["GetCampaigns"] = 2, ["UpdateApplicationSettings"] = 1, ["CreateSegment"] = 1 }, activity.ByAction);
        Assert.Equal(new Dictionary<string, long> { [Ops] = 4, [Deployer] = 1 }, activity.Callers);
        Assert.Equal(new Dictionary<string, long> { ["AccessDeniedException"] = 2, ["BadRequestException"] = 1 }, activity.ErrorCodes);
        Assert.Equal((At(1), At(7)), (activity.FirstAt, activity.LastAt));
    }

    [Fact]
    public void ReplacedContribution_LeavesNoZeroEntries()
    {
        var original = Read("orig", 1, "GetCampaigns") with { ErrorCode = "ThrottlingException" };
        var addendum = AddendumOf(original, "add") with { EventName = "GetApp", Caller = Deployer, ErrorCode = null };

        var activity = AuditFold.Of([original, addendum]).Activity;

        Assert.Equal(["GetApp"], activity.ByAction.Keys);
        Assert.Equal([Deployer], activity.Callers.Keys);
        Assert.Empty(activity.ErrorCodes);
    }
}
