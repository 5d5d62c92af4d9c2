using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Grains.Audit;

/// <summary>
/// The one place an application's folded state becomes its directory line (<see cref="ApplicationListing"/>),
/// which the application grain commits with the state.
/// </summary>
internal static class ApplicationListings
{
    public static ApplicationListing ToListing(this ApplicationAuditState state) => new()
    {
        Account = state.Account,
        Region = state.Region,
        ApplicationId = state.ApplicationId,
        Name = state.Name,
        Deleted = state.Deleted is not null,
        Created = state.Created.ToContract(),
        DeletedBy = state.Deleted.ToContract(),
        FirstEventAt = state.Activity.FirstAt,
        LastEventAt = state.Activity.LastAt,
        Events = state.Activity.Events,
        Errors = state.Activity.Errors,
        ByAction = new Dictionary<string, long>(state.Activity.ByAction, StringComparer.Ordinal),
        ErrorCodes = new Dictionary<string, long>(state.Activity.ErrorCodes, StringComparer.Ordinal),
        Callers = new Dictionary<string, long>(state.Activity.Callers, StringComparer.Ordinal),
    };
}
