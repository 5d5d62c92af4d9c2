using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

public sealed class SettingsTests
{
    private static TestEvent Update(string id, int minute) => Write(id, minute, "UpdateApplicationSettings", "ApplicationSettings");

    [Fact]
    public void SuccessfulUpdates_AreCountedOnce_WithTheLatestKept_InEveryOrder()
    {
        AuditEvent[] events = [Update("s1", 1), Update("s3", 3), Update("s2", 2), Update("s2", 2), Update("sx", 4) with { ErrorCode = "BadRequestException" }];

        foreach (var order in Orders.All(events))
        {
            var audit = AuditFold.Of(order);

            Assert.Equal(3, audit.Settings.Changes);
            Assert.Equal(new Change(At(3), Ops, "s3", "UpdateApplicationSettings"), audit.Settings.LastChange);
            Assert.Equal(1, audit.Activity.DuplicatesIgnored);
        }
    }

    [Fact]
    public void UpdatesAtTheSameTime_KeepTheLargerEventId_InEveryOrder()
    {
        foreach (var order in Orders.All([Update("b", 1), Update("a", 1), Update("B", 1)]))
        {
            Assert.Equal("b", AuditFold.Of(order).Settings.LastChange?.EventId);
        }
    }
}
