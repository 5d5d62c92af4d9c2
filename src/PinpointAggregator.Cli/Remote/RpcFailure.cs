using System.Security.Authentication;
using Google.Rpc;
using Grpc.Core;
using PinpointAggregator.Cli.Commands;
using PinpointAggregator.Cli.Connection;
using PinpointAggregator.Cli.Output;

namespace PinpointAggregator.Cli.Remote;

/// <summary>
/// Says why a call failed, on one line (plus one line per bad field of an INVALID_ARGUMENT's
/// <c>google.rpc.BadRequest</c>), and picks the exit code of its class.
/// </summary>
internal static class RpcFailure
{
    public static int Report(RpcException failure, string command, ConnectionSettings settings, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var line in Describe(failure, command, settings))
        {
            error.WriteLine(line);
        }

        return TlsFailure(failure) is null ? ExitCodes.For(failure.StatusCode) : ExitCodes.Unavailable;
    }

    public static IEnumerable<string> Describe(RpcException failure, string command, ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(settings);
        // The service's words are shown, made printable: they may quote what the request carried.
        var detail = TextCell.Printable(failure.Status.Detail ?? string.Empty);
        var address = settings.Address.GetLeftPart(UriPartial.Authority);
        if (TlsFailure(failure) is { } tls)
        {
            // gRPC reports a certificate it could not trust as INTERNAL; it is a connection that never opened.
            yield return $"{command}: no TLS connection to {address}: {TextCell.Printable(tls.Message)}" + (settings.CaFile is null ? " (--ca-file trusts a private CA)" : string.Empty);
            yield break;
        }

        switch (failure.StatusCode)
        {
            case StatusCode.InvalidArgument when failure.GetRpcStatus()?.GetDetail<BadRequest>() is { FieldViolations.Count: > 0 } badRequest:
                yield return $"{command}: the service refused the request (INVALID_ARGUMENT):";
                foreach (var violation in badRequest.FieldViolations)
                {
                    yield return $"  {TextCell.Printable(violation.Field)}: {TextCell.Printable(violation.Description)}";
                }

                break;
            case StatusCode.InvalidArgument:
                yield return $"{command}: the service refused the request (INVALID_ARGUMENT): {detail}";
                break;
            case StatusCode.Unauthenticated:
                yield return settings.Token is null
                    ? $"{command}: not authenticated (UNAUTHENTICATED): {detail}; no token was given (--token, --token-file, {ConnectionSettingsResolver.TokenVariable} or the config file)"
                    : $"{command}: not authenticated (UNAUTHENTICATED): {detail}";
                break;
            case StatusCode.PermissionDenied:
                yield return $"{command}: permission denied (PERMISSION_DENIED): {detail}";
                break;
            case StatusCode.NotFound:
                yield return $"{command}: not found (NOT_FOUND): {detail}";
                break;
            case StatusCode.Unavailable:
                yield return $"{command}: the service at {address} is unavailable (UNAVAILABLE): {detail}";
                break;
            case StatusCode.DeadlineExceeded:
                yield return $"{command}: no answer from {address} within {settings.Timeout.TotalSeconds:0.###} s (DEADLINE_EXCEEDED); --timeout allows longer";
                break;
            case StatusCode.Unimplemented:
                yield return $"{command}: the service at {address} does not offer this call (UNIMPLEMENTED): {detail}";
                break;
            case StatusCode.Cancelled:
                yield return $"{command}: cancelled";
                break;
            default:
                yield return $"{command}: the call failed ({Name(failure.StatusCode)}): {detail}";
                break;
        }
    }

    /// <summary>The TLS handshake's failure behind a call's failure, if that is what it was.</summary>
    private static AuthenticationException? TlsFailure(RpcException failure)
    {
        for (var e = failure.Status.DebugException; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException tls)
            {
                return tls;
            }
        }

        return null;
    }

    /// <summary>The status code as gRPC spells it: <c>FAILED_PRECONDITION</c>.</summary>
    private static string Name(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
