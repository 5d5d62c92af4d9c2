using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

public sealed class ChannelTests
{
    [Fact]
    public void EnableThenLaterDelete_LeavesTheChannelDisabledAndDeleted_InEveryOrder()
    {
        AuditEvent[] events = [Channel("u1", 1, "UpdateSmsChannel", "Sms", enabled: true), Channel("d1", 2, "DeleteSmsChannel", "Sms")];

        foreach (var order in Orders.All(events))
        {
            var sms = Assert.Single(AuditFold.Of(order).Channels).Value;

            Assert.False(sms.Enabled);
            Assert.Equal(new Change(At(2), Ops, "d1", "DeleteSmsChannel"), sms.Deleted);
            Assert.Equal(sms.Deleted, sms.LastChange);
            Assert.Equal(2, sms.Changes);
        }
    }

    [Fact]
    public void DeleteThenLaterEnable_LeavesTheChannelEnabled_WithTheDeleteRecorded_InEveryOrder()
    {
        AuditEvent[] events = [Channel("d1", 1, "DeleteSmsChannel", "Sms"), Channel("u1", 2, "UpdateSmsChannel", "Sms", enabled: true)];

        foreach (var order in Orders.All(events))
        {
            var sms = AuditFold.Of(order).Channels["Sms"];

            Assert.True(sms.Enabled);
            Assert.Equal("d1", sms.Deleted?.EventId);
            Assert.Equal("u1", sms.LastChange?.EventId);
            Assert.Equal(2, sms.Changes);
        }
    }

    [Fact]
    public void UpdateThatDoesNotStateEnabled_LeavesTheLatestStatedValue_InEveryOrder()
    {
        // Regression: "enabled" used to come from whichever update arrived last, stated or not.
        AuditEvent[] events =
        [
            Channel("u0", 0, "UpdateSmsChannel", "Sms", enabled: false),
            Channel("u1", 1, "UpdateSmsChannel", "Sms", enabled: true),
            Channel("u2", 2, "UpdateSmsChannel", "Sms"),
        ];

        foreach (var order in Orders.All(events))
        {
            var sms = AuditFold.Of(order).Channels["Sms"];

            Assert.True(sms.Enabled);
            Assert.Equal("u1", sms.EnabledBy?.EventId);
            Assert.Equal("u2", sms.LastChange?.EventId);
        }
    }

    [Fact]
    public void FailedAndReadCalls_DoNotChangeTheChannel()
    {
        AuditEvent[] events =
        [
            Channel("u1", 1, "UpdateSmsChannel", "Sms", enabled: false),
            Channel("u2", 2, "UpdateSmsChannel", "Sms", enabled: true) with { ErrorCode = "BadRequestException" },
            Channel("g1", 3, "GetSmsChannel", "Sms", enabled: true) with { IsWrite = false },
        ];

        foreach (var order in Orders.All(events))
        {
            var sms = Assert.Single(AuditFold.Of(order).Channels).Value;

            Assert.False(sms.Enabled);
            Assert.Equal("u1", sms.LastChange?.EventId);
            Assert.Equal(1, sms.Changes);
        }
    }

    [Fact]
    public void ChannelTypes_AreKeptApart()
    {
        var audit = AuditFold.Of(
        [
            Channel("s1", 1, "UpdateSmsChannel", "Sms", enabled: true),
            Channel("m1", 2, "UpdateEmailChannel", "Email", enabled: false),
            Channel("m2", 3, "UpdateEmailChannel", "Email", enabled: true),
        ]);

        Assert.Equal((true, 1L), (audit.Channels["Sms"].Enabled, audit.Channels["Sms"].Changes));
        Assert.Equal((true, 2L), (audit.Channels["Email"].Enabled, audit.Channels["Email"].Changes));
        Assert.Null(audit.Channels["Email"].Deleted);
    }
}
