using Grpc.Core;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Api.Errors;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.Paging;
using PinpointAggregator.Api.Queries;
using PinpointAggregator.Api.Resources;
using PinpointAggregator.Api.Security;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Api.Validation;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Services;

/// <summary>Applications: one application's state from its grain; lists from the directory and histories from the event store.</summary>
internal sealed class ApplicationApi(
    IGrainFactory grains,
    IApplicationDirectory directory,
    IEventQueries events,
    PageTokens tokens,
    ICallerAccessResolver access,
    IOptions<ApiOptions> options) : ApplicationService.ApplicationServiceBase
{
    private ApiOptions Options => options.Value;

    public override async Task<ListApplicationsResponse> ListApplications(ListApplicationsRequest request, ServerCallContext context)
    {
        var caller = access.Resolve(context);
        var violations = new FieldViolations();
        var named = FieldRules.AccountIds(request.Accounts, "accounts", violations);
        var regions = FieldRules.Regions(request.Regions, "regions", violations);
        FieldRules.Defined(request.Lifecycle, "lifecycle", violations);
        var nameContains = FieldRules.Bounded(request.NameContains, "name_contains", RequestLimits.MaxNameContains, violations);
        var activeSince = FieldRules.Time(request.ActiveSince, "active_since", violations);
        var pageSize = FieldRules.PageSize(request.PageSize, Options, violations);
        var after = await tokens.ReadAsync(request, request.PageToken, PagePositions.Application, violations);
        violations.ThrowIfAny();

        var query = new ApplicationQuery
        {
            Accounts = AccountScope.Resolve(caller, named),
            Regions = regions,
            Deleted = request.Lifecycle switch { LifecycleFilter.Alive => false, LifecycleFilter.Deleted => true, _ => null },
            NameContains = nameContains,
            ActiveSince = activeSince,
            HasErrors = request.HasErrors,
        };
        var rows = await directory.ListAsync(query, after is { } a ? (a.Account, a.Region, a.ApplicationId) : null, pageSize + 1, context.CancellationToken);
        var page = rows.Take(pageSize).ToList();
        var response = new ListApplicationsResponse { Applications = { page.Select(l => l.ToProto()) } };
        if (rows.Count > pageSize)
        {
            var last = page[^1];
            response.NextPageToken = await tokens.IssueAsync(request, PagePositions.Of(new ApplicationPosition(last.Account, last.Region, last.ApplicationId)));
        }

        return response;
    }

    public override async Task<Application> GetApplication(GetApplicationRequest request, ServerCallContext context)
    {
        if (!ApplicationName.TryParse(request.Name, out var key, out var problem))
        {
            throw FieldViolations.Single("name", problem);
        }

        AccountScope.Demand(access.Resolve(context), key.Account, request.Name);
        var audit = await grains.GetGrain<IApplicationGrain>(key.Format()).GetAuditAsync();
        if (audit.Activity.Events == 0 && audit.Created is null)
        {
            throw ApiErrors.NotFound($"No events of {request.Name} have been read.");
        }

        return audit.ToProto();
    }

    public override async Task<ListResourceHistoryResponse> ListResourceHistory(ListResourceHistoryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (!ApplicationName.TryParse(request.Application, out var key, out var problem))
        {
            violations.Add("application", problem);
        }

        var (kind, resourceId) = HistoryRules.Resource(request.Kind, request.ResourceId, violations);
        FieldRules.Defined(request.Order, "order", violations);
        var pageSize = FieldRules.PageSize(request.PageSize, Options, violations);
        var after = await tokens.ReadAsync(request, request.PageToken, PagePositions.Event, violations);
        violations.ThrowIfAny();

        AccountScope.Demand(access.Resolve(context), key.Account, request.Application);
        var query = new EventQuery
        {
            Accounts = [key.Account],
            Regions = [key.Region],
            Applications = [key.ApplicationId],
            ResourceKind = kind,
            ResourceId = resourceId,
            WritesOnly = !request.IncludeReads,
        };
        var (page, next) = await EventPages.ReadAsync(events, query, after, request.Order != EventOrder.OldestFirst, pageSize, includeRaw: false, context.CancellationToken);
        var response = new ListResourceHistoryResponse { Events = { page.Select(e => e.ToProto(full: false)) } };
        if (next is { } position)
        {
            response.NextPageToken = await tokens.IssueAsync(request, PagePositions.Of(position));
        }

        return response;
    }
}
