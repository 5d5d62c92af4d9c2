using Grpc.Core;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// The access <see cref="CallerGate"/> admitted the call with: from the API key's entry or the JWT's claims,
/// or unrestricted when <c>Api:Auth:Mode=None</c>. A call the gate did not admit has none, and is refused.
/// </summary>
internal sealed class ClaimsCallerAccessResolver : ICallerAccessResolver
{
    public CallerAccess Resolve(ServerCallContext context) =>
        CallerGate.Admitted(context.GetHttpContext())
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, AuthenticationFailures.Missing));
}
