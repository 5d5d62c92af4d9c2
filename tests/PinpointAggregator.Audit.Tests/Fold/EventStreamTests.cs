using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

public sealed class EventStreamTests
{
    private const string StreamA = "arn:aws:kinesis:us-east-1:111122223333:stream/a";
    private const string StreamB = "arn:aws:kinesis:us-east-1:111122223333:stream/b";

    private static TestEvent Put(string id, int minute, string destination) =>
        Write(id, minute, "PutEventStream", "EventStream") with { DestinationStreamArn = destination };

    private static TestEvent Delete(string id, int minute) => Write(id, minute, "DeleteEventStream", "EventStream");

    [Fact]
    public void PutThenLaterDelete_IsInactive_InEveryOrder()
    {
        foreach (var order in Orders.All([Put("p1", 1, StreamA), Delete("d1", 2)]))
        {
            var stream = AuditFold.Of(order).EventStream;

            Assert.False(stream.Active);
            Assert.Equal("p1", stream.LastPut?.EventId);
            Assert.Equal(StreamA, stream.DestinationStreamArn);
            Assert.Equal("d1", stream.LastDelete?.EventId);
        }
    }

    [Fact]
    public void PutAfterTheDelete_IsActiveWithItsDestination_InEveryOrder()
    {
        foreach (var order in Orders.All([Put("p1", 1, StreamA), Delete("d1", 2), Put("p2", 3, StreamB)]))
        {
            var stream = AuditFold.Of(order).EventStream;

            Assert.True(stream.Active);
            Assert.Equal(new Change(At(3), Ops, "p2", "PutEventStream"), stream.LastPut);
            Assert.Equal(StreamB, stream.DestinationStreamArn);
        }
    }

    [Fact]
    public void FailedPut_ChangesNothing()
    {
        var stream = AuditFold.Of([Put("p1", 1, StreamA), Put("p2", 2, StreamB) with { ErrorCode = "AccessDeniedException" }]).EventStream;

        Assert.Equal(("p1", StreamA), (stream.LastPut?.EventId, stream.DestinationStreamArn));
    }

    [Fact]
    public void NoCalls_IsInactive()
    {
        Assert.False(new EventStreamState().Active);
    }
}
