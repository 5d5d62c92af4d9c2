using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

public sealed class EventStampTests
{
    [Fact]
    public void Addendum_SupersedesTheOriginal_AndNotTheOtherWayRound()
    {
        var original = Read("orig", 5);
        var addendum = AddendumOf(original, "add");

        Assert.True(EventStamp.Of(original).IsSupersededBy(addendum));
        Assert.False(EventStamp.Of(addendum).IsSupersededBy(original));
    }

    [Fact]
    public void SameDelivery_DoesNotSupersedeItself()
    {
        var e = Read("e1", 5);

        Assert.False(EventStamp.Of(e).IsSupersededBy(e));
        Assert.False(EventStamp.Of(AddendumOf(e, "add")).IsSupersededBy(AddendumOf(e, "add")));
    }

    [Fact]
    public void BetweenTwoAddenda_TheLaterWins_ThenTheLargerEventId()
    {
        var original = Read("orig", 5);
        var early = AddendumOf(original, "z") with { At = At(6) };
        var late = AddendumOf(original, "a") with { At = At(7) };

        Assert.True(EventStamp.Of(early).IsSupersededBy(late));
        Assert.False(EventStamp.Of(late).IsSupersededBy(early));
        Assert.True(EventStamp.Of(AddendumOf(original, "a")).IsSupersededBy(AddendumOf(original, "b")));
        Assert.False(EventStamp.Of(AddendumOf(original, "b")).IsSupersededBy(AddendumOf(original, "a")));
    }

    [Fact]
    public void Of_KeepsWhatTheCountsNeed()
    {
        var e = Write("e1", 5, "UpdateCampaign", "Campaign", "c1") with { ErrorCode = "BadRequestException" };

        Assert.Equal(new EventStamp(At(5), "e1", false, "UpdateCampaign", "BadRequestException", Ops, true), EventStamp.Of(e));
    }
}
