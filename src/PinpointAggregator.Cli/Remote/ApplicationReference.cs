using Grpc.Core;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Connection;

namespace PinpointAggregator.Cli.Remote;

/// <summary>
/// An application as a user names it: its resource name (<c>accounts/A/regions/R/applications/ID</c>),
/// the short form <c>A/R/ID</c>, or the bare id, which is looked up in the application list.
/// </summary>
internal static class ApplicationReference
{
    /// <returns>The resource name; a malformed one is left for the service to refuse, naming the field.</returns>
    /// <exception cref="UsageException">A bare id that several applications share.</exception>
    /// <exception cref="RpcException">NOT_FOUND for a bare id that no application has.</exception>
    public static async Task<string> ResolveAsync(string text, ServiceInvocation run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(run);
        if (text.StartsWith("accounts/", StringComparison.Ordinal))
        {
            return text;
        }

        if (text.Split('/') is [var account, var region, var id])
        {
            return $"accounts/{account}/regions/{region}/applications/{id}";
        }

        var matches = new List<string>();
        var rows = await Pages.ReadAsync<ApplicationSummary>(new PageRequest(1000, string.Empty, null), async (token, size) =>
        {
            var page = await run.Connection.Applications.ListApplicationsAsync(new ListApplicationsRequest { PageSize = size, PageToken = token }, run.Connection.Unary(cancellationToken));
            return (page.Applications.Where(a => a.ApplicationId == text).ToList(), page.NextPageToken);
        });
        matches.AddRange(rows.Rows.Select(a => a.Name));
        return matches switch
        {
            [var only] => only,
            [] => throw new RpcException(new Status(StatusCode.NotFound, $"no application has the id {text}")),
            _ => throw new UsageException($"{matches.Count} applications have the id {text}; name one: {string.Join(", ", matches)}"),
        };
    }
}
