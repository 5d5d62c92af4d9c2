using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using PinpointAggregator.Cli.Commands;
using PinpointAggregator.Cli.Connection;
using PinpointAggregator.Cli.Remote;

namespace PinpointAggregator.Cli.Tests.Remote;

/// <summary>One exit code per class of failure, and one clear line (plus one per bad field) saying it.</summary>
public sealed class ExitCodeTests
{
    private static readonly ConnectionSettings Settings = new(new Uri("http://127.0.0.1:50051"), null, null, TimeSpan.FromSeconds(30), false);

    [Theory]
    [InlineData(StatusCode.InvalidArgument, ExitCodes.UsageError)]
    [InlineData(StatusCode.OutOfRange, ExitCodes.UsageError)]
    [InlineData(StatusCode.Unauthenticated, ExitCodes.AccessDenied)]
    [InlineData(StatusCode.PermissionDenied, ExitCodes.AccessDenied)]
    [InlineData(StatusCode.NotFound, ExitCodes.NotFound)]
    [InlineData(StatusCode.Unavailable, ExitCodes.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded, ExitCodes.Unavailable)]
    [InlineData(StatusCode.Cancelled, ExitCodes.Interrupted)]
    [InlineData(StatusCode.Internal, ExitCodes.ServiceError)]
    [InlineData(StatusCode.Unimplemented, ExitCodes.ServiceError)]
    [InlineData(StatusCode.FailedPrecondition, ExitCodes.ServiceError)]
    [InlineData(StatusCode.Unknown, ExitCodes.ServiceError)]
    public void For_MapsEachStatusToItsClass(StatusCode status, int exitCode)
    {
        Assert.Equal(exitCode, ExitCodes.For(status));
    }

    [Fact]
    public void Classes_HaveDistinctCodes()
    {
        int[] codes = [ExitCodes.Success, ExitCodes.UsageError, ExitCodes.ServiceError, ExitCodes.SomeFilesFailed, ExitCodes.AccessDenied, ExitCodes.NotFound, ExitCodes.Unavailable, ExitCodes.Interrupted];

        Assert.Equal(codes.Length, codes.Distinct().Count());
    }

    [Fact]
    public void InvalidArgument_PrintsEachFieldViolation()
    {
        var badRequest = new BadRequest
        {
            FieldViolations =
            {
                new BadRequest.Types.FieldViolation { Field = "filter.accounts[0]", Description = "must be a 12-digit AWS account id" },
                new BadRequest.Types.FieldViolation { Field = "page_size", Description = "must be 1 to 1000" },
            },
        };
        var failure = new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = "two problems", Details = { Any.Pack(badRequest) } }.ToRpcException();

        var lines = RpcFailure.Describe(failure, "events search", Settings);

        Assert.Equal(
            [
                "events search: the service refused the request (INVALID_ARGUMENT):",
                "  filter.accounts[0]: must be a 12-digit AWS account id",
                "  page_size: must be 1 to 1000",
            ],
            lines);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument, "apps list: the service refused the request (INVALID_ARGUMENT): bad")]
    [InlineData(StatusCode.Unauthenticated, "apps list: not authenticated (UNAUTHENTICATED): bad; no token was given (--token, --token-file, PINPOINT_AUDIT_TOKEN or the config file)")]
    [InlineData(StatusCode.PermissionDenied, "apps list: permission denied (PERMISSION_DENIED): bad")]
    [InlineData(StatusCode.NotFound, "apps list: not found (NOT_FOUND): bad")]
    [InlineData(StatusCode.Unavailable, "apps list: the service at http://127.0.0.1:50051 is unavailable (UNAVAILABLE): bad")]
    [InlineData(StatusCode.DeadlineExceeded, "apps list: no answer from http://127.0.0.1:50051 within 30 s (DEADLINE_EXCEEDED); --timeout allows longer")]
    [InlineData(StatusCode.Unimplemented, "apps list: the service at http://127.0.0.1:50051 does not offer this call (UNIMPLEMENTED): bad")]
    [InlineData(StatusCode.FailedPrecondition, "apps list: the call failed (FAILED_PRECONDITION): bad")]
    public void OtherFailures_AreOneLine(StatusCode status, string line)
    {
        Assert.Equal([line], RpcFailure.Describe(new RpcException(new Grpc.Core.Status(status, "bad")), "apps list", Settings));
    }

    [Fact]
    public void ServiceDetail_IsMadePrintable()
    {
        var lines = RpcFailure.Describe(new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "no \u001b[31mred")), "events get", Settings);

        Assert.Equal(["events get: not found (NOT_FOUND): no \\u001b[31mred"], lines);
    }
}
