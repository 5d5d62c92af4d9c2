using Google.Rpc;
using Grpc.Core;

namespace PinpointAggregator.Api.Errors;

/// <summary>
/// Collects what is wrong with a request, field by field, and turns it into one INVALID_ARGUMENT whose
/// <c>google.rpc.BadRequest</c> detail names every bad field (a client fixes them all in one round).
/// </summary>
internal sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public bool Any => _violations.Count > 0;

    public void Add(string field, string description) => _violations.Add(new() { Field = field, Description = description });

    /// <summary>Throws INVALID_ARGUMENT when any violation was added.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw ToException();
        }
    }

    public RpcException ToException()
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(_violations);
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = string.Join("; ", _violations.Select(v => $"{v.Field}: {v.Description}")),
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        }.ToRpcException();
    }

    /// <summary>INVALID_ARGUMENT for one field.</summary>
    public static RpcException Single(string field, string description)
    {
        var violations = new FieldViolations();
        violations.Add(field, description);
        return violations.ToException();
    }
}
