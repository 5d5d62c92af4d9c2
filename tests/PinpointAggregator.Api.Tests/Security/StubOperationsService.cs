using Grpc.Core;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>
/// Stands in for the operations service where the API does not map one yet, so the operator rule is tested
/// on its real route: the gate decides by service name, before any implementation runs.
/// </summary>
internal sealed class StubOperationsService : OperationsService.OperationsServiceBase
{
    public override Task<ListOperationsResponse> ListOperations(ListOperationsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListOperationsResponse());
}
