using Grpc.Core;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Errors;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.Paging;
using PinpointAggregator.Api.Queries;
using PinpointAggregator.Api.Security;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Api.Validation;
using PinpointAggregator.Grains.Integrity;

namespace PinpointAggregator.Api.Services;

/// <summary>Integrity: the summary (prefix grains and the finding store) and the findings (the finding store), over the caller's accounts.</summary>
internal sealed class IntegrityApi(
    IntegritySummaryQuery summaries,
    IIntegrityFindingStore findings,
    PageTokens tokens,
    ICallerAccessResolver access,
    IOptions<ApiOptions> options) : IntegrityService.IntegrityServiceBase
{
    public override async Task<IntegritySummary> GetIntegritySummary(GetIntegritySummaryRequest request, ServerCallContext context)
    {
        var caller = access.Resolve(context);
        var violations = new FieldViolations();
        var named = FieldRules.AccountIds(request.Accounts, "accounts", violations);
        violations.ThrowIfAny();
        return await summaries.RunAsync(AccountScope.Resolve(caller, named), context.CancellationToken);
    }

    public override async Task<ListIntegrityFindingsResponse> ListIntegrityFindings(ListIntegrityFindingsRequest request, ServerCallContext context)
    {
        var caller = access.Resolve(context);
        var violations = new FieldViolations();
        var named = FieldRules.AccountIds(request.Accounts, "accounts", violations);
        var region = IntegrityRules.Region(request.Region, "region", violations);
        var kinds = IntegrityRules.Kinds(request.Kinds, "kinds", violations);
        var (from, until) = FieldRules.TimeRange(request.FoundStartTime, request.FoundEndTime, "found_start_time", "found_end_time", required: false, violations);
        var pageSize = FieldRules.PageSize(request.PageSize, options.Value, violations);
        var after = await tokens.ReadAsync(request, request.PageToken, bytes => new FindingPosition(PagePositions.Sequence(bytes)), violations);
        violations.ThrowIfAny();

        var query = new IntegrityFindingQuery(AccountScope.Resolve(caller, named), region, kinds, request.ViolationsOnly, from, until);
        var rows = await findings.ListAsync(query, after?.Sequence, pageSize + 1, context.CancellationToken);
        var page = rows.Take(pageSize).ToList();
        var response = new ListIntegrityFindingsResponse { Findings = { page.Select(f => f.ToProto()) } };
        if (rows.Count > pageSize)
        {
            response.NextPageToken = await tokens.IssueAsync(request, PagePositions.OfSequence(page[^1].Sequence));
        }

        return response;
    }
}
