using Grpc.Core;

namespace PinpointAggregator.Api.Errors;

/// <summary>The non-validation errors the services answer with, worded once.</summary>
internal static class ApiErrors
{
    /// <summary>The same answer whether or not the resource exists, so a scoped caller learns nothing outside its scope.</summary>
    public static RpcException PermissionDenied(string resource) =>
        new(new Status(StatusCode.PermissionDenied, $"The caller may not read {resource}."));

    public static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, message));

    public static RpcException OperatorOnly() =>
        new(new Status(StatusCode.PermissionDenied, "This call needs the operator role."));
}
