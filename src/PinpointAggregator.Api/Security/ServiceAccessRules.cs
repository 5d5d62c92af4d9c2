using System.Collections.Frozen;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Security;

/// <summary>Which gRPC services need no caller, and which need an operator, by full service name.</summary>
internal static class ServiceAccessRules
{
    /// <summary>
    /// Open to anyone who reaches the port: health (probes carry no tokens) and reflection, which reveals only
    /// the public contract that <c>protos/</c> publishes anyway and lets grpcurl and Postman discover it.
    /// </summary>
    private static readonly FrozenSet<string> Anonymous = FrozenSet.Create(
        StringComparer.Ordinal,
        "grpc.health.v1.Health",
        "grpc.reflection.v1alpha.ServerReflection",
        "grpc.reflection.v1.ServerReflection");

    private static readonly FrozenSet<string> OperatorOnly = FrozenSet.Create(StringComparer.Ordinal, OperationsService.Descriptor.FullName);

    /// <param name="method">A call's method, <c>/package.Service/Method</c>.</param>
    public static bool IsAnonymous(string method) => Anonymous.Contains(ServiceOf(method));

    public static bool NeedsOperator(string method) => OperatorOnly.Contains(ServiceOf(method));

    private static string ServiceOf(string method)
    {
        var trimmed = method.AsSpan().TrimStart('/');
        var slash = trimmed.IndexOf('/');
        return (slash < 0 ? trimmed : trimmed[..slash]).ToString();
    }
}
