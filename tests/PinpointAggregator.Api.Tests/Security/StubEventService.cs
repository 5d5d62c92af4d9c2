using Grpc.Core;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>A server stream of two fixed events, so the gate is tested on a streaming call without any data.</summary>
internal sealed class StubEventService : EventService.EventServiceBase
{
    public override async Task ExportEvents(ExportEventsRequest request, IServerStreamWriter<Event> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(new Event { Name = "events/one" });
        await responseStream.WriteAsync(new Event { Name = "events/two" });
    }
}
