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
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Services;

/// <summary>Events: search, export, one by id and the live watch, all from the event store and all within the caller's scope.</summary>
internal sealed class EventApi(
    IEventQueries events,
    EventExport exports,
    EventWatch watches,
    PageTokens tokens,
    WatchCursors cursors,
    ICallerAccessResolver access,
    IOptions<ApiOptions> options) : EventService.EventServiceBase
{
    private ApiOptions Options => options.Value;

    public override async Task<SearchEventsResponse> SearchEvents(SearchEventsRequest request, ServerCallContext context)
    {
        var caller = access.Resolve(context);
        var violations = new FieldViolations();
        var query = Query(request.Filter, violations);
        FieldRules.Defined(request.Order, "order", violations);
        FieldRules.Defined(request.View, "view", violations);
        var pageSize = FieldRules.PageSize(request.PageSize, Options, violations);
        var after = await tokens.ReadAsync(request, request.PageToken, PagePositions.Event, violations);
        violations.ThrowIfAny();

        var full = request.View == EventView.Full;
        var (page, next) = await EventPages.ReadAsync(events, Scoped(caller, query), after, Descending(request.Order), pageSize, full, context.CancellationToken);
        var response = new SearchEventsResponse { Events = { page.Select(e => e.ToProto(full)) } };
        if (next is { } position)
        {
            response.NextPageToken = await tokens.IssueAsync(request, PagePositions.Of(position));
        }

        return response;
    }

    public override async Task ExportEvents(ExportEventsRequest request, IServerStreamWriter<Event> responseStream, ServerCallContext context)
    {
        var caller = access.Resolve(context);
        var violations = new FieldViolations();
        var query = Query(request.Filter, violations);
        FieldRules.Defined(request.Order, "order", violations);
        FieldRules.Defined(request.View, "view", violations);
        violations.ThrowIfAny();
        await exports.RunAsync(Scoped(caller, query), Descending(request.Order), request.View == EventView.Full, responseStream, context.CancellationToken);
    }

    public override async Task<Event> GetEvent(GetEventRequest request, ServerCallContext context)
    {
        if (!EventName.TryParse(request.Name, out var eventId, out var problem))
        {
            throw FieldViolations.Single("name", problem);
        }

        var caller = access.Resolve(context);
        var rows = await events.FindAsync(eventId, context.CancellationToken);

        // A member account can forge an eventID, so one id may be stored under several targets. Answering with
        // one of them would let a forged harmless read stand in for the real change: the caller is told instead.
        var visible = rows.Where(r => caller.CanSee(r.Account)).OrderBy(r => r.Target, StringComparer.Ordinal).ToList();
        if (visible.Count == 1)
        {
            return visible[0].ToProto(full: true);
        }

        if (visible.Count > 1)
        {
            throw ApiErrors.AmbiguousEventId(eventId, visible.Select(r => r.Account).Distinct(StringComparer.Ordinal));
        }

        // A scoped caller learns nothing about events outside its scope, not even whether they exist.
        throw caller.Accounts is null ? ApiErrors.NotFound($"No event {eventId} is stored.") : ApiErrors.PermissionDenied(request.Name);
    }

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<WatchEventsResponse> responseStream, ServerCallContext context)
    {
        var caller = access.Resolve(context);
        var violations = new FieldViolations();
        var query = Query(request.Filter, violations);
        FieldRules.Defined(request.View, "view", violations);
        var from = await cursors.ReadAsync(request.Cursor, violations);
        violations.ThrowIfAny();
        await watches.RunAsync(caller.Subject, Scoped(caller, query), from, request.View == EventView.Full, responseStream, context.CancellationToken);
    }

    /// <summary>The filter as a query, its named accounts kept for <see cref="Scoped"/> (validation first, scope after).</summary>
    private EventQuery Query(EventFilter? filter, FieldViolations violations)
    {
        var (query, named) = EventFilterRules.ToQuery(filter, "filter", Options, violations);
        return query with { Accounts = named };
    }

    /// <summary>The query limited to what the caller may see; naming an account outside its scope is PERMISSION_DENIED.</summary>
    private static EventQuery Scoped(CallerAccess caller, EventQuery query) =>
        query with { Accounts = AccountScope.Resolve(caller, query.Accounts ?? []) };

    private static bool Descending(EventOrder order) => order != EventOrder.OldestFirst;
}
