using Grpc.Core;
using PinpointAggregator.Api.Security;

namespace PinpointAggregator.Api.Tests;

/// <summary>Callers of the tests, sent as a header that only <see cref="TestCallerAccessResolver"/> reads: <c>role;account,account</c>.</summary>
internal static class TestCaller
{
    public const string Header = "x-test-caller";

    /// <summary>A viewer that sees every account.</summary>
    public static Metadata Viewer() => new() { { Header, "viewer;*" } };

    /// <summary>A viewer that sees only <paramref name="accounts"/>.</summary>
    public static Metadata ScopedViewer(params string[] accounts) => new() { { Header, "viewer;" + string.Join(',', accounts) } };

    /// <summary>An operator that sees only <paramref name="accounts"/>.</summary>
    public static Metadata ScopedOperator(params string[] accounts) => new() { { Header, "operator;" + string.Join(',', accounts) } };

    public static CallerAccess Parse(string header)
    {
        var parts = header.Split(';');
        var role = parts[0] == "operator" ? ApiRole.Operator : ApiRole.Viewer;
        IReadOnlySet<string>? accounts = parts[1] == "*" ? null : parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return new CallerAccess("test-" + parts[0], role, accounts);
    }
}
