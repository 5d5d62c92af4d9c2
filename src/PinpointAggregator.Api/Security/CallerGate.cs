using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Errors;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// Decides, before any service code runs, whether a call may proceed: anonymous services pass; every other
/// call needs an authenticated caller with a role (else UNAUTHENTICATED or PERMISSION_DENIED), and operator
/// services an operator. The admitted caller's <see cref="CallerAccess"/> is kept on the request for
/// <see cref="ICallerAccessResolver"/>.
/// </summary>
internal sealed class CallerGate(IOptions<ApiOptions> options, CallerAccessFactory callers)
{
    private static readonly object AccessKey = typeof(CallerAccess);

    public async Task AdmitAsync(ServerCallContext context)
    {
        if (ServiceAccessRules.IsAnonymous(context.Method))
        {
            return;
        }

        var http = context.GetHttpContext();
        if (options.Value.Auth.Mode == ApiAuthMode.None)
        {
            http.Items[AccessKey] = CallerAccess.Unrestricted;
            return;
        }

        var result = await http.AuthenticateAsync();
        if (!result.Succeeded)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, AuthenticationFailures.Describe(result)));
        }

        var access = callers.Create(result.Principal, out var problem)
            ?? throw new RpcException(new Status(StatusCode.PermissionDenied, problem!));
        if (ServiceAccessRules.NeedsOperator(context.Method) && !access.IsOperator)
        {
            throw ApiErrors.OperatorOnly();
        }

        http.Items[AccessKey] = access;
    }

    /// <returns>The access of the caller this gate admitted to the request, or null.</returns>
    public static CallerAccess? Admitted(HttpContext http) => http.Items.TryGetValue(AccessKey, out var access) ? access as CallerAccess : null;
}
