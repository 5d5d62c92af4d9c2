using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Api.Errors;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.Queries;
using PinpointAggregator.Api.Security;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Api.Validation;
using PinpointAggregator.Grains.Organization;

namespace PinpointAggregator.Api.Services;

/// <summary>Operator actions on the prefix grains: re-read, pause, resume, and what is running. Every RPC needs the operator role.</summary>
internal sealed partial class OperationsApi(
    IGrainFactory grains,
    AccountPrefixes prefixes,
    ICallerAccessResolver access,
    IOptions<ApiOptions> options,
    ILogger<OperationsApi> logger) : OperationsService.OperationsServiceBase
{
    public override async Task<RereadResponse> Reread(RereadRequest request, ServerCallContext context)
    {
        var caller = Operator(context);
        var violations = new FieldViolations();
        var account = Account(request.Account, violations);
        var regions = FieldRules.Regions(request.Regions, "regions", violations);
        var (from, until) = FieldRules.TimeRange(request.StartTime, request.EndTime, "start_time", "end_time", required: true, violations);
        var maxDays = options.Value.MaxRereadDays;
        if (from is { } a && until is { } b && b - a > TimeSpan.FromDays(maxDays))
        {
            violations.Add("end_time", $"must be at most {maxDays} days after start_time (Api:MaxRereadDays)");
        }

        violations.ThrowIfAny();
        AccountScope.Demand(caller, account!, $"accounts/{account}");
        var keys = await prefixes.SelectAsync(account!, regions);
        await Task.WhenAll(keys.Select(k => grains.GetGrain<ITrailPrefixGrain>(k).RereadAsync(from!.Value, until!.Value)));
        LogReread(logger, caller.Subject, account!, keys.Count, from!.Value, until!.Value);
        return new RereadResponse { Prefixes = { keys } };
    }

    public override async Task<PausePrefixesResponse> PausePrefixes(PausePrefixesRequest request, ServerCallContext context)
    {
        var caller = Operator(context);
        var violations = new FieldViolations();
        var account = Account(request.Account, violations);
        var regions = FieldRules.Regions(request.Regions, "regions", violations);
        var reason = FieldRules.Bounded(request.Reason, "reason", RequestLimits.MaxReasonLength, violations);
        violations.ThrowIfAny();
        AccountScope.Demand(caller, account!, $"accounts/{account}");
        var keys = await prefixes.SelectAsync(account!, regions);
        await Task.WhenAll(keys.Select(k => grains.GetGrain<ITrailPrefixGrain>(k).PauseAsync(reason)));
        LogPaused(logger, caller.Subject, account!, keys.Count);
        return new PausePrefixesResponse { Prefixes = { keys } };
    }

    public override async Task<ResumePrefixesResponse> ResumePrefixes(ResumePrefixesRequest request, ServerCallContext context)
    {
        var caller = Operator(context);
        var violations = new FieldViolations();
        var account = Account(request.Account, violations);
        var regions = FieldRules.Regions(request.Regions, "regions", violations);
        violations.ThrowIfAny();
        AccountScope.Demand(caller, account!, $"accounts/{account}");
        var keys = await prefixes.SelectAsync(account!, regions);
        await Task.WhenAll(keys.Select(k => grains.GetGrain<ITrailPrefixGrain>(k).ResumeAsync()));
        LogResumed(logger, caller.Subject, account!, keys.Count);
        return new ResumePrefixesResponse { Prefixes = { keys } };
    }

    public override async Task<ListOperationsResponse> ListOperations(ListOperationsRequest request, ServerCallContext context)
    {
        var caller = Operator(context);
        var snapshot = await OrganizationSnapshot.TakeAsync(grains, caller.Accounts);
        var operations = snapshot.Prefixes.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(OperationMapping.Operations);
        return new ListOperationsResponse { Operations = { operations } };
    }

    private CallerAccess Operator(ServerCallContext context)
    {
        var caller = access.Resolve(context);
        AccountScope.DemandOperator(caller);
        return caller;
    }

    private static string? Account(string account, FieldViolations violations)
    {
        if (!FieldRules.IsAccountId(account))
        {
            violations.Add("account", "must be a 12-digit AWS account id");
            return null;
        }

        return account;
    }

    [LoggerMessage(1, LogLevel.Information, "{Subject} asked {Prefixes} prefixes of account {Account} to re-read files delivered from {From:O} until {Until:O}")]
    private static partial void LogReread(ILogger logger, string subject, string account, int prefixes, DateTime from, DateTime until);

    [LoggerMessage(2, LogLevel.Information, "{Subject} paused {Prefixes} prefixes of account {Account}")]
    private static partial void LogPaused(ILogger logger, string subject, string account, int prefixes);

    [LoggerMessage(3, LogLevel.Information, "{Subject} resumed {Prefixes} prefixes of account {Account}")]
    private static partial void LogResumed(ILogger logger, string subject, string account, int prefixes);
}
