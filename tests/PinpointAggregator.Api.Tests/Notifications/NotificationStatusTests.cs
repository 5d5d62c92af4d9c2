using Google.Protobuf;
using Grpc.Core;
using PinpointAggregator.Api.Tests.Ecosystem;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Notifications;

/// <summary>
/// The notification fields and ListNotificationQueues on the embedded default, which configures no queue:
/// every prefix polls, the queue list is empty (as gRPC and as JSON), and a caller scoped to accounts is refused
/// the queues, which carry every account's notifications.
/// </summary>
[Collection(SharedService.Name)]
public sealed class NotificationStatusTests(ServiceFixture service)
{
    private readonly OrganizationService.OrganizationServiceClient _org = new(service.Channel);

    [Fact]
    public async Task WithoutQueues_EveryPrefixPolls_AndEachAccountCountsItsPrefixesAsPolling()
    {
        var accounts = await _org.ListAccountsAsync(new ListAccountsRequest());

        Assert.NotEmpty(accounts.Accounts);
        foreach (var account in accounts.Accounts)
        {
            Assert.All(account.Prefixes, p => Assert.Equal((PrefixIngestionMode.Polling, 0L, null), (p.Notifications.Mode, p.Notifications.FilesNotified, p.Notifications.LastNotificationTime)));
            Assert.Equal((account.Prefixes.Count, account.Prefixes.Count, 0, 0), (account.Notifications.Prefixes, account.Notifications.PrefixesPolling, account.Notifications.PrefixesNotified, account.Notifications.PrefixesFallback));
        }
    }

    [Fact]
    public async Task WithoutQueues_TheListIsEmpty_AsGrpcAndAsJson()
    {
        var grpc = await _org.ListNotificationQueuesAsync(new ListNotificationQueuesRequest());
        var (status, body) = await Curl.GetAsync(new Uri(service.HttpAddress, "/v1/notification-queues"), service.Bearer);

        Assert.Empty(grpc.Queues);
        Assert.Equal(200, status);
        Assert.Equal(grpc, JsonParser.Default.Parse<ListNotificationQueuesResponse>(body));
    }

    [Fact]
    public async Task AnUnrestrictedViewer_IsServed_ACallerScopedToAccountsIsRefused_AsJsonToo()
    {
        var account = service.GroundTruth.Applications.Values.First().Account!;

        var viewer = await _org.ListNotificationQueuesAsync(new ListNotificationQueuesRequest(), TestCaller.Viewer());
        var scoped = await Errors.CallFails(() => _org.ListNotificationQueuesAsync(new ListNotificationQueuesRequest(), TestCaller.ScopedViewer(account)).ResponseAsync);
        var scopedOperator = await Errors.CallFails(() => _org.ListNotificationQueuesAsync(new ListNotificationQueuesRequest(), TestCaller.ScopedOperator(account)).ResponseAsync);
        var (anonymous, _) = await Curl.GetAsync(new Uri(service.HttpAddress, "/v1/notification-queues"));

        Assert.Empty(viewer.Queues);
        Assert.Equal(StatusCode.PermissionDenied, scoped.StatusCode);
        Assert.Equal(
            "The caller may not read the notification queues (they carry every account's notifications; this caller is scoped to accounts).",
            scoped.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, scopedOperator.StatusCode);
        Assert.Equal(401, anonymous);
    }
}
