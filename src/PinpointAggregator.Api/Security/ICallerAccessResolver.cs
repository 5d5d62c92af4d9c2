using Grpc.Core;

namespace PinpointAggregator.Api.Security;

/// <summary>Finds the <see cref="CallerAccess"/> of a call from its authenticated user.</summary>
public interface ICallerAccessResolver
{
    CallerAccess Resolve(ServerCallContext context);
}
