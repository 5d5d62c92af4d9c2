using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Remote;

/// <summary>Pages of ListAccounts, shared by <c>status</c> and <c>accounts</c>.</summary>
internal static class AccountPages
{
    public static Task<PagedRows<Account>> ReadAsync(ServiceInvocation run, PageRequest request, bool problemsOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Pages.ReadAsync<Account>(request, async (token, size) =>
        {
            var page = await run.Connection.Organization.ListAccountsAsync(
                new ListAccountsRequest { PageSize = size, PageToken = token, ProblemsOnly = problemsOnly }, run.Connection.Unary(cancellationToken));
            return (page.Accounts, page.NextPageToken);
        });
    }
}
