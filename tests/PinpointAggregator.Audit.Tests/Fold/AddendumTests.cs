using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

public sealed class AddendumTests
{
    [Fact]
    public void AddendumAfterItsOriginal_ReplacesIt()
    {
        var original = Read("orig", 5);
        var addendum = AddendumOf(original, "add") with { ErrorCode = "AccessDeniedException", Caller = Deployer };
        var fold = new AuditFold();

        Assert.Equal([ApplyOutcome.New, ApplyOutcome.Replaced], fold.Apply([original, addendum]));
        AssertCountsTheAddendumOnce(fold.Audit.Activity);
    }

    [Fact]
    public void AddendumBeforeItsOriginal_KeepsTheAddendum()
    {
        var original = Read("orig", 5);
        var addendum = AddendumOf(original, "add") with { ErrorCode = "AccessDeniedException", Caller = Deployer };
        var fold = new AuditFold();

        Assert.Equal([ApplyOutcome.New, ApplyOutcome.Duplicate], fold.Apply([addendum, original]));
        AssertCountsTheAddendumOnce(fold.Audit.Activity);
    }

    [Fact]
    public void AddendumThatClearsAnError_RemovesTheErrorInEitherOrder()
    {
        var original = Read("orig", 5) with { ErrorCode = "ThrottlingException" };
        var addendum = AddendumOf(original, "add") with { ErrorCode = null };

        foreach (var order in Orders.All([original, addendum]))
        {
            var activity = AuditFold.Of(order).Activity;

            Assert.Equal((1L, 0L, 1L), (activity.Events, activity.Errors, activity.DuplicatesIgnored));
            Assert.Empty(activity.ErrorCodes);
            Assert.Null(Assert.Single(activity.Recent).ErrorCode);
        }
    }

    [Fact]
    public void AddendumThatSucceedsWhereTheOriginalFailed_CountsTheChangeOnceInEitherOrder()
    {
        var original = Write("orig", 5, "UpdateApplicationSettings", "ApplicationSettings") with { ErrorCode = "InternalFailure" };
        var addendum = AddendumOf(original, "add") with { ErrorCode = null };

        foreach (var order in Orders.All([original, addendum]))
        {
            var audit = AuditFold.Of(order);

            Assert.Equal(1, audit.Settings.Changes);
            Assert.Equal(new Change(At(5), Ops, "orig", "UpdateApplicationSettings"), audit.Settings.LastChange);
            Assert.Equal(0, audit.Activity.Errors);
        }
    }

    [Fact]
    public void AddendumOfAChange_TakesItsPlaceInTheRegisterWithoutCountingTwice()
    {
        var original = Campaign("orig", 5, "UpdateCampaign", "c1", version: 2);
        var addendum = AddendumOf(original, "add") with { Caller = Deployer };

        foreach (var order in Orders.All([original, addendum]))
        {
            var campaign = AuditFold.Of(order).Campaigns["c1"];

            Assert.Equal(1, campaign.Updates);
            Assert.Equal(new Change(At(5), Deployer, "orig", "UpdateCampaign"), campaign.LastUpdate);
        }
    }

    private static void AssertCountsTheAddendumOnce(ActivityState activity)
    {
        Assert.Equal(1, activity.Events);
        Assert.Equal(1, activity.Reads);
        Assert.Equal(1, activity.DuplicatesIgnored);
        Assert.Equal(1, activity.Errors);
        Assert.Equal(new Dictionary<string, long> { ["AccessDeniedException"] = 1 }, activity.ErrorCodes);
        Assert.Equal(new Dictionary<string, long> { [Deployer] = 1 }, activity.Callers);
        Assert.Equal(new Dictionary<string, long> { ["GetApp"] = 1 }, activity.ByAction);
        var recent = Assert.Single(activity.Recent);
        Assert.Equal(("orig", "AccessDeniedException", Deployer), (recent.EventId, recent.ErrorCode, recent.Caller));
    }
}
