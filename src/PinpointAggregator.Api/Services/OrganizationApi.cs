using Grpc.Core;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Errors;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.Paging;
using PinpointAggregator.Api.Queries;
using PinpointAggregator.Api.Resources;
using PinpointAggregator.Api.Security;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Api.Validation;
using ScanSummaryJson = PinpointAggregator.Audit.Summary.ScanSummaryJson;
using PinpointAggregator.Grains.Organization;

namespace PinpointAggregator.Api.Services;

/// <summary>The organization: its summary (directory, account grains, event store), the ingestion status of its accounts (grains) and its notification queues (queue grains).</summary>
internal sealed class OrganizationApi(
    IGrainFactory grains,
    OrganizationSummaryQuery summaries,
    AccountPages accounts,
    NotificationQueueQuery queues,
    PageTokens tokens,
    ICallerAccessResolver access,
    IOptions<ApiOptions> options) : OrganizationService.OrganizationServiceBase
{
    private ApiOptions Options => options.Value;

    public override async Task<OrganizationSummary> GetOrganizationSummary(GetOrganizationSummaryRequest request, ServerCallContext context)
    {
        var caller = access.Resolve(context);
        var violations = new FieldViolations();
        var named = FieldRules.AccountIds(request.Accounts, "accounts", violations);
        var top = FieldRules.Count(request.TopCallers, "top_callers", RequestLimits.DefaultTopCallers, RequestLimits.MaxTopCallers, violations);
        var days = FieldRules.Count(request.Days, "days", RequestLimits.DefaultSummaryDays, Options.MaxSummaryDays, violations);
        violations.ThrowIfAny();
        var scope = AccountScope.Resolve(caller, named);
        return await summaries.RunAsync(scope, days, top, context.CancellationToken);
    }

    public override async Task<ScanSummary> GetScanSummary(GetScanSummaryRequest request, ServerCallContext context)
    {
        var caller = access.Resolve(context);
        var summary = await LiveSummary.BuildAsync(grains, caller.Accounts);
        return new ScanSummary { Json = ScanSummaryJson.Serialize(summary) };
    }

    public override async Task<ListAccountsResponse> ListAccounts(ListAccountsRequest request, ServerCallContext context)
    {
        var caller = access.Resolve(context);
        var violations = new FieldViolations();
        var pageSize = FieldRules.PageSize(request.PageSize, Options, violations);
        var after = await tokens.ReadAsync(request, request.PageToken, bytes => new AccountPosition(PagePositions.Account(bytes)), violations);
        violations.ThrowIfAny();

        var visible = await accounts.VisibleAsync(caller.CanSee);
        var (page, resumeAfter) = await accounts.ReadAsync(visible, after?.Account, pageSize, request.ProblemsOnly, context.CancellationToken);
        var response = new ListAccountsResponse { Accounts = { page } };
        if (resumeAfter is not null)
        {
            response.NextPageToken = await tokens.IssueAsync(request, PagePositions.OfAccount(resumeAfter));
        }

        return response;
    }

    public override async Task<Account> GetAccount(GetAccountRequest request, ServerCallContext context)
    {
        if (!AccountName.TryParse(request.Name, out var account, out var problem))
        {
            throw FieldViolations.Single("name", problem);
        }

        AccountScope.Demand(access.Resolve(context), account, request.Name);
        var visible = await accounts.VisibleAsync(a => a == account);
        if (visible.Count == 0)
        {
            throw ApiErrors.NotFound($"{request.Name} has not been discovered or configured.");
        }

        var (status, prefixes) = await accounts.ReadAsync(account);
        return status.ToProto(prefixes);
    }

    public override async Task<ListNotificationQueuesResponse> ListNotificationQueues(ListNotificationQueuesRequest request, ServerCallContext context)
    {
        // A queue carries every account's notifications: its counts and errors are the organization's, not an account's.
        if (access.Resolve(context).Accounts is not null)
        {
            throw ApiErrors.PermissionDenied("the notification queues (they carry every account's notifications; this caller is scoped to accounts)");
        }

        return await queues.RunAsync();
    }
}
