using Google.Rpc;
using Grpc.Core;

namespace PinpointAggregator.Api.Tests;

/// <summary>Reads what a failed call said: its status code and the fields its <c>google.rpc.BadRequest</c> named.</summary>
internal static class Errors
{
    public static async Task<RpcException> CallFails(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        return e;
    }

    /// <summary>The fields a BadRequest detail names, in order.</summary>
    public static IReadOnlyList<string> BadFields(this RpcException e) =>
        e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
