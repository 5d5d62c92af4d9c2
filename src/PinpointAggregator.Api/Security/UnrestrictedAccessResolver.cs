using Grpc.Core;

namespace PinpointAggregator.Api.Security;

/// <summary>Every caller has full access: until authentication is configured.</summary>
internal sealed class UnrestrictedAccessResolver : ICallerAccessResolver
{
    public CallerAccess Resolve(ServerCallContext context) => CallerAccess.Unrestricted;
}
