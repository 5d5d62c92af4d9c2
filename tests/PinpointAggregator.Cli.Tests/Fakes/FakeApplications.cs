using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Tests.Fakes;

/// <summary>Applications that remember the authorization header of each call, and a list that refuses two fields at once.</summary>
internal sealed class FakeApplications : ApplicationService.ApplicationServiceBase
{
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public override Task<Application> GetApplication(GetApplicationRequest request, ServerCallContext context)
    {
        Authorizations.Enqueue(context.RequestHeaders.GetValue("authorization"));
        return Task.FromResult(new Application { Name = request.Name, ApplicationId = "abc", DisplayName = "fake" });
    }

    public override Task<ListApplicationsResponse> ListApplications(ListApplicationsRequest request, ServerCallContext context)
    {
        var badRequest = new BadRequest
        {
            FieldViolations =
            {
                new BadRequest.Types.FieldViolation { Field = "accounts[0]", Description = "must be a 12-digit AWS account id" },
                new BadRequest.Types.FieldViolation { Field = "page_size", Description = "must be 1 to 1000" },
            },
        };
        throw new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = "accounts[0]; page_size", Details = { Any.Pack(badRequest) } }.ToRpcException();
    }
}
