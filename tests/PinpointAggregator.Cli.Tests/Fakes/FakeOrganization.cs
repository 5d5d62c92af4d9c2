using Grpc.Core;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Tests.Fakes;

/// <summary>Accounts and notification queues as given, in one page: prefixes in every mode and queues with known counts, which the sample service cannot be made to have.</summary>
internal sealed class FakeOrganization(IReadOnlyList<Account> accounts, IReadOnlyList<NotificationQueue> queues) : OrganizationService.OrganizationServiceBase
{
    public override Task<ListAccountsResponse> ListAccounts(ListAccountsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListAccountsResponse { Accounts = { accounts.Where(a => !request.ProblemsOnly || a.Notifications?.PrefixesFallback > 0) } });

    public override Task<Account> GetAccount(GetAccountRequest request, ServerCallContext context) =>
        Task.FromResult(accounts.FirstOrDefault(a => a.Name == request.Name) ?? throw new RpcException(new Status(StatusCode.NotFound, $"{request.Name} has not been discovered or configured.")));

    public override Task<ListNotificationQueuesResponse> ListNotificationQueues(ListNotificationQueuesRequest request, ServerCallContext context) =>
        Task.FromResult(new ListNotificationQueuesResponse { Queues = { queues } });
}
