using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.Audit;
using ContractChange = PinpointAggregator.Abstractions.Contracts.Change;

namespace PinpointAggregator.Grains.Tests.EventStore.Queries;

/// <summary>The one mapping from an application's folded state to its directory line.</summary>
public sealed class ApplicationListingsTests
{
    private static readonly DateTime T0 = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ToListing_TakesIdentityLifecycleAndCounts_FromTheState()
    {
        var state = new ApplicationAuditState
        {
            Account = "111111111111",
            Region = "us-east-1",
            ApplicationId = "app1",
            Name = "Alpha",
            Created = new Change(T0, "alice", "e1", "CreateApp"),
            Deleted = new Change(T0.AddDays(1), "bob", "e9", "DeleteApp"),
            Activity =
            {
                Events = 7,
                Errors = 2,
                FirstAt = T0,
                LastAt = T0.AddDays(1),
            },
        };
        state.Activity.ByAction["CreateApp"] = 1;
        state.Activity.ErrorCodes["BadRequestException"] = 2;
        state.Activity.Callers["alice"] = 6;

        var listing = state.ToListing();
        state.Activity.ByAction["CreateApp"] = 99;

        Assert.Equal(("111111111111", "us-east-1", "app1", "Alpha"), (listing.Account, listing.Region, listing.ApplicationId, listing.Name));
        Assert.True(listing.Deleted);
        Assert.Equal(new ContractChange(T0, "alice", "e1", "CreateApp"), listing.Created);
        Assert.Equal(new ContractChange(T0.AddDays(1), "bob", "e9", "DeleteApp"), listing.DeletedBy);
        Assert.Equal((7L, 2L, (DateTime?)T0, (DateTime?)T0.AddDays(1)), (listing.Events, listing.Errors, listing.FirstEventAt, listing.LastEventAt));
        Assert.Equal(new Dictionary<string, long> { ["CreateApp"] = 1 }, listing.ByAction);
        Assert.Equal(new Dictionary<string, long> { ["BadRequestException"] = 2 }, listing.ErrorCodes);
        Assert.Equal(new Dictionary<string, long> { ["alice"] = 6 }, listing.Callers);
    }

    [Fact]
    public void ToListing_OfANewApplication_IsAliveAndEmpty()
    {
        var listing = new ApplicationAuditState { Account = "111111111111", Region = "us-east-1", ApplicationId = "app1" }.ToListing();

        Assert.False(listing.Deleted);
        Assert.Null(listing.Name);
        Assert.Null(listing.Created);
        Assert.Null(listing.DeletedBy);
        Assert.Null(listing.LastEventAt);
        Assert.Equal(0, listing.Events);
        Assert.Empty(listing.Callers);
    }
}
