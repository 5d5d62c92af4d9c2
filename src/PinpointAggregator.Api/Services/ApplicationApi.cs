using Grpc.Core;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Api.Errors;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.Resources;
using PinpointAggregator.Api.Security;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Services;

/// <summary>Applications: one application's state from its grain; lists and histories from the audit store.</summary>
internal sealed class ApplicationApi(IGrainFactory grains, ICallerAccessResolver access) : ApplicationService.ApplicationServiceBase
{
    public override async Task<Application> GetApplication(GetApplicationRequest request, ServerCallContext context)
    {
        if (!ApplicationName.TryParse(request.Name, out var key, out var problem))
        {
            throw FieldViolations.Single("name", problem);
        }

        if (!access.Resolve(context).CanSee(key.Account))
        {
            throw ApiErrors.PermissionDenied(request.Name);
        }

        var audit = await grains.GetGrain<IApplicationGrain>(key.Format()).GetAuditAsync();
        if (audit.Activity.Events == 0 && audit.Created is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"No events of {request.Name} have been read."));
        }

        return audit.ToProto();
    }
}
