using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

public sealed class LifecycleTests
{
    private static TestEvent CreateApp(string id, int minute, string? name) =>
        Write(id, minute, "CreateApp", "Application", "app1") with { ApplicationName = name };

    private static TestEvent DeleteApp(string id, int minute) => Write(id, minute, "DeleteApp", "Application", "app1");

    [Fact]
    public void CreateAndDelete_EarliestCreateAndLatestDeleteWin_InEveryOrder()
    {
        AuditEvent[] events = [CreateApp("c2", 5, "second"), CreateApp("c1", 1, "first"), DeleteApp("d1", 10), DeleteApp("d2", 12)];

        foreach (var order in Orders.All(events))
        {
            var audit = AuditFold.Of(order);

            Assert.Equal(new Change(At(1), Ops, "c1", "CreateApp"), audit.Created);
            Assert.Equal(new Change(At(12), Ops, "d2", "DeleteApp"), audit.Deleted);
        }
    }

    [Fact]
    public void Name_ComesFromTheLatestCreateAppThatNamesIt_InEveryOrder()
    {
        AuditEvent[] events = [CreateApp("c1", 1, "first"), CreateApp("c2", 5, "second"), CreateApp("c3", 7, null)];

        foreach (var order in Orders.All(events))
        {
            var audit = AuditFold.Of(order);

            Assert.Equal("second", audit.Name);
            Assert.Equal(new Change(At(5), Ops, "c2", "CreateApp"), audit.NamedBy);
        }
    }

    [Fact]
    public void Name_FromAnOriginal_SurvivesAnAddendumThatRedactsIt_InEveryOrder()
    {
        // Regression: with the addendum first, the original was a duplicate and its name was never read.
        var original = CreateApp("c1", 1, "orders");
        AuditEvent[] events = [original, AddendumOf(original, "c1-addendum") with { ApplicationName = null }];

        foreach (var order in Orders.All(events))
        {
            Assert.Equal("orders", AuditFold.Of(order).Name);
        }
    }

    [Fact]
    public void FailedCalls_LeaveTheLifecycleAlone_ButCountAsErrors()
    {
        AuditEvent[] events =
        [
            CreateApp("c1", 5, "orders"),
            CreateApp("c0", 1, "failed-name") with { ErrorCode = "BadRequestException" },
            DeleteApp("d0", 20) with { ErrorCode = "AccessDeniedException" },
        ];

        foreach (var order in Orders.All(events))
        {
            var audit = AuditFold.Of(order);

            Assert.Equal("c1", audit.Created?.EventId);
            Assert.Equal("orders", audit.Name);
            Assert.Null(audit.Deleted);
            Assert.Equal(2, audit.Activity.Errors);
            Assert.Equal(3, audit.Activity.Events);
        }
    }

    [Fact]
    public void ReadOfTheApplication_ChangesNoRegister()
    {
        var audit = AuditFold.Of([Read("r1", 1) with { ApplicationName = "ignored" }]);

        Assert.Null(audit.Created);
        Assert.Null(audit.Name);
        Assert.Equal(1, audit.Activity.Reads);
    }
}
