using Grpc.Core;

namespace PinpointAggregator.Api.Errors;

/// <summary>The non-validation errors the services answer with, worded once.</summary>
internal static class ApiErrors
{
    /// <summary>The same answer whether or not the resource exists, so a scoped caller learns nothing outside its scope.</summary>
    public static RpcException PermissionDenied(string resource) =>
        new(new Status(StatusCode.PermissionDenied, $"The caller may not read {resource}."));

    /// <summary>One event id stored under several targets (a member account can forge eventIDs): which accounts hold it, all visible to the caller.</summary>
    public static RpcException AmbiguousEventId(string eventId, IEnumerable<string> accounts) =>
        new(new Status(StatusCode.FailedPrecondition,
            $"Event id {eventId} is stored more than once, in accounts {string.Join(", ", accounts)}: eventIDs in member accounts' trails can be forged. " +
            "Search with filter.accounts (and a time range) to see each."));

    public static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, message));

    public static RpcException OperatorOnly() =>
        new(new Status(StatusCode.PermissionDenied, "This call needs the operator role."));
}
