using Grpc.Core;

namespace PinpointAggregator.Cli.Commands;

/// <summary>Process exit codes, one per class of failure; documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad arguments, a path or file that does not exist, or a request the service refused as INVALID_ARGUMENT.</summary>
    public const int UsageError = 1;

    /// <summary>Any other failure of the service or the call (INTERNAL, UNIMPLEMENTED, a malformed answer, ...).</summary>
    public const int ServiceError = 2;

    /// <summary>The scan finished, but some files were rejected (listed in <c>failed_files</c>).</summary>
    public const int SomeFilesFailed = 3;

    /// <summary><c>verify</c> found violations in a local copy, or <c>integrity</c>: the service has found them (a changed, deleted or unlisted log, a missing or forged digest). Gaps and unverifiable signatures are not violations.</summary>
    public const int IntegrityViolations = 3;

    /// <summary><c>notifications</c>: a prefix is in FALLBACK (its notifications stopped while files kept arriving, so it polls again).</summary>
    public const int NotificationFallback = 3;

    /// <summary>The service refused the caller: UNAUTHENTICATED (no or bad token) or PERMISSION_DENIED.</summary>
    public const int AccessDenied = 4;

    /// <summary>What was asked for does not exist (NOT_FOUND).</summary>
    public const int NotFound = 5;

    /// <summary>The service could not be reached, no TLS connection could be opened, or it did not answer in time (UNAVAILABLE, DEADLINE_EXCEEDED).</summary>
    public const int Unavailable = 6;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code of a call that failed with <paramref name="status"/>.</summary>
    public static int For(StatusCode status) => status switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange => UsageError,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => AccessDenied,
        StatusCode.NotFound => NotFound,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => Unavailable,
        StatusCode.Cancelled => Interrupted,
        _ => ServiceError,
    };
}
