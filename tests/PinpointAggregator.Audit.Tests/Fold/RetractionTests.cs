using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

/// <summary>Taking back an event counted at a grain because its superseding delivery was counted elsewhere.</summary>
public sealed class RetractionTests
{
    private static readonly TestEvent Original = Write("orig", 5, "CreateApp", "Application") with { ApplicationId = null, ErrorCode = null };

    private static readonly Retraction ByAddendum = new("orig", Original.At, "add", IsAddendum: true);

    [Fact]
    public void Retract_TakesBackEveryCount_AndTheRecentEntry()
    {
        var (counts, seen) = (new ActivityState(), new Dictionary<string, EventStamp>(StringComparer.Ordinal));
        ActivityLedger.Record(counts, seen, Original, 10);

        Assert.True(ActivityLedger.Retract(counts, seen, ByAddendum));

        Assert.Equal((0L, 0L, 0L), (counts.Events, counts.Writes, counts.DuplicatesIgnored));
        Assert.Empty(counts.ByAction);
        Assert.Empty(counts.Callers);
        Assert.Empty(counts.Recent);
    }

    [Fact]
    public void OriginalArrivingAfterItsRetraction_CountsNowhere()
    {
        var (counts, seen) = (new ActivityState(), new Dictionary<string, EventStamp>(StringComparer.Ordinal));
        ActivityLedger.Retract(counts, seen, ByAddendum);

        Assert.Equal(ApplyOutcome.Duplicate, ActivityLedger.Record(counts, seen, Original, 10));

        Assert.Equal(0, counts.Events);
        Assert.Empty(counts.Recent);
    }

    [Fact]
    public void Retract_IsIdempotent()
    {
        var (counts, seen) = (new ActivityState(), new Dictionary<string, EventStamp>(StringComparer.Ordinal));
        ActivityLedger.Record(counts, seen, Original, 10);
        ActivityLedger.Retract(counts, seen, ByAddendum);

        Assert.False(ActivityLedger.Retract(counts, seen, ByAddendum));

        Assert.Equal(0, counts.Events);
    }

    [Fact]
    public void Retract_ByADeliveryThatDoesNotSupersedeWhatIsKept_ChangesNothing()
    {
        var (counts, seen) = (new ActivityState(), new Dictionary<string, EventStamp>(StringComparer.Ordinal));
        var addendumKeptHere = AddendumOf(Original, "add2");
        ActivityLedger.Record(counts, seen, addendumKeptHere, 10);

        Assert.False(ActivityLedger.Retract(counts, seen, new Retraction("orig", Original.At, "orig", IsAddendum: false)));

        Assert.Equal(1, counts.Events);
    }

    [Fact]
    public void ALaterDeliveryRoutedHereAfterARetraction_CountsOnce()
    {
        var (counts, seen) = (new ActivityState(), new Dictionary<string, EventStamp>(StringComparer.Ordinal));
        ActivityLedger.Record(counts, seen, Original, 10);
        ActivityLedger.Retract(counts, seen, ByAddendum);

        Assert.Equal(ApplyOutcome.New, ActivityLedger.Record(counts, seen, AddendumOf(Original, "add9"), 10));

        Assert.Equal((1L, 0L), (counts.Events, counts.DuplicatesIgnored));
        Assert.Equal("orig", Assert.Single(counts.Recent).EventId);
    }
}
