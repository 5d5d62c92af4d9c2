using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PinpointAggregator.Aws;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Aws.Sqs;
using PinpointAggregator.Integration.Tests.Fakes;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Integration.Tests.Notifications;

/// <summary>The SQS adapter against fauxqs, through AWSSDK.SQS unchanged.</summary>
public sealed class SqsNotificationQueueClientTests : IDisposable
{
    private static readonly TimeSpan NoWait = TimeSpan.FromSeconds(1);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly LocalSts _sts;
    private readonly AccountCredentialsProvider _credentials;
    private readonly SqsNotificationQueueClientFactory _factory;

    public SqsNotificationQueueClientTests()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", LocalSts.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", LocalSts.AccessKey);
        _sts = new LocalSts();
        var aws = Options.Create(new AwsOptions { Region = "us-east-1", SqsServiceUrl = TestServices.SqsEndpoint, StsServiceUrl = _sts.Url });
        aws.Value.Roles.SiloName = "test-silo";
        _credentials = new AccountCredentialsProvider(aws, TimeProvider.System, new AwsMetrics(_services.GetRequiredService<IMeterFactory>()));
        _factory = new SqsNotificationQueueClientFactory(aws, _credentials, TimeProvider.System);
    }

    [Fact]
    public async Task AReceive_CarriesTheBody_TheSentTime_AndTheReceiveCount()
    {
        using var queue = await SqsQueueFixture.CreateAsync();
        var client = _factory.Open(queue.Url, region: null, roleArn: null, queue.Name);
        var before = DateTime.UtcNow.AddSeconds(-1);
        await queue.SendAsync("{\"s3Bucket\":\"b\",\"s3ObjectKey\":[\"k\"]}");
        var after = DateTime.UtcNow.AddSeconds(1);

        var first = Assert.Single(await client.ReceiveAsync(10, NoWait, TimeSpan.FromSeconds(30), CancellationToken.None));

        // Visible again at once, then received a second time.
        await client.ExtendVisibilityAsync([first], TimeSpan.Zero, CancellationToken.None);
        var second = Assert.Single(await client.ReceiveAsync(10, NoWait, TimeSpan.FromSeconds(30), CancellationToken.None));

        Assert.Equal("{\"s3Bucket\":\"b\",\"s3ObjectKey\":[\"k\"]}", first.Body);
        Assert.Equal(DateTimeKind.Utc, first.SentAt.Kind);
        Assert.InRange(first.SentAt, before, after);
        Assert.Equal(1, first.ReceiveCount);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(first.SentAt, second.SentAt);
        Assert.Equal(2, second.ReceiveCount);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
        Assert.Equal(queue.Name, client.Name);
    }

    [Fact]
    public async Task MoreThanTenMessages_AreDeletedInBatchesOfTen_AndTheQueueEndsEmpty()
    {
        using var queue = await SqsQueueFixture.CreateAsync();
        var client = _factory.Open(queue.Url, null, null, queue.Name);
        for (var i = 0; i < 25; i++)
        {
            await queue.SendAsync("message " + i);
        }

        var received = new List<QueueMessage>();
        while (received.Count < 25)
        {
            var batch = await client.ReceiveAsync(10, NoWait, TimeSpan.FromMinutes(5), CancellationToken.None);
            Assert.InRange(batch.Count, 1, 10);
            received.AddRange(batch);
        }

        var failed = await client.DeleteAsync(received, CancellationToken.None);

        Assert.Empty(failed);
        Assert.Equal(25, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal((0, 0), await queue.DepthAsync());
        Assert.Equal(new QueueDepth(0, 0), await client.DepthAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ADeleteWithAForgedReceipt_DeletesOnlyTheMessagesWithTheirOwn()
    {
        using var queue = await SqsQueueFixture.CreateAsync();
        var client = _factory.Open(queue.Url, null, null, queue.Name);
        await queue.SendAsync("one");
        await queue.SendAsync("two");
        var received = new List<QueueMessage>();
        while (received.Count < 2)
        {
            received.AddRange(await client.ReceiveAsync(10, NoWait, TimeSpan.FromMinutes(5), CancellationToken.None));
        }

        var forged = received[1] with { ReceiptHandle = "not-a-receipt-handle" };

        // SQS (and fauxqs) accept a receipt that names nothing without a word: the message it should have named stays.
        await client.DeleteAsync([received[0], forged], CancellationToken.None);

        Assert.Equal((0, 1), await queue.DepthAsync());
    }

    [Fact]
    public async Task AnExtendedMessage_StaysHiddenPastItsFirstTimeout()
    {
        using var queue = await SqsQueueFixture.CreateAsync();
        var client = _factory.Open(queue.Url, null, null, queue.Name);
        await queue.SendAsync("held");
        var message = Assert.Single(await client.ReceiveAsync(10, NoWait, TimeSpan.FromSeconds(2), CancellationToken.None));

        await client.ExtendVisibilityAsync([message], TimeSpan.FromMinutes(1), CancellationToken.None);

        // A long poll that outlasts the first timeout (2 s) gets nothing: the message is still hidden.
        Assert.Empty(await client.ReceiveAsync(10, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal(new QueueDepth(0, 1), await client.DepthAsync(CancellationToken.None));

        // Without the extension it would have come back: the control.
        await queue.SendAsync("not held");
        var control = Assert.Single(await client.ReceiveAsync(10, NoWait, TimeSpan.FromSeconds(2), CancellationToken.None));
        var again = Assert.Single(await client.ReceiveAsync(10, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal(control.MessageId, again.MessageId);
        Assert.Equal(2, again.ReceiveCount);
    }

    [Fact]
    public async Task TheDepth_CountsWaitingAndInFlightMessages()
    {
        using var queue = await SqsQueueFixture.CreateAsync();
        var client = _factory.Open(queue.Url, null, null, queue.Name);
        for (var i = 0; i < 3; i++)
        {
            await queue.SendAsync("m" + i);
        }

        Assert.Single(await client.ReceiveAsync(1, NoWait, TimeSpan.FromMinutes(5), CancellationToken.None));

        Assert.Equal(new QueueDepth(2, 1), await client.DepthAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AQueueWithARole_IsReadWithThatRolesSession_AssumedOnce()
    {
        const string role = "arn:aws:iam::444455556666:role/TrailQueueReader";
        using var queue = await SqsQueueFixture.CreateAsync();
        await queue.SendAsync("for the role");

        var client = _factory.Open(queue.Url, null, role, queue.Name);
        var message = Assert.Single(await client.ReceiveAsync(10, NoWait, TimeSpan.FromMinutes(1), CancellationToken.None));
        await _factory.Open(queue.Url, null, role, queue.Name).DeleteAsync([message], CancellationToken.None);
        await _factory.Open(queue.Url, null, roleArn: null, queue.Name).DepthAsync(CancellationToken.None);

        var call = Assert.Single(_sts.Calls);
        Assert.Equal(role, call.RoleArn);
        Assert.Equal("pinpoint-aggregator-test-silo", call.SessionName);
        Assert.Equal("pinpoint-aggregator", call.SourceIdentity);
        Assert.Equal((0, 0), await queue.DepthAsync());
    }

    [Fact]
    public async Task ARoleThatIsDenied_FailsTheRequest_WithoutReachingTheQueue()
    {
        const string role = "arn:aws:iam::444455556666:role/Denied";
        _sts.Deny(role);
        using var queue = await SqsQueueFixture.CreateAsync();
        await queue.SendAsync("unread");
        var client = _factory.Open(queue.Url, null, role, queue.Name);

        var error = await Assert.ThrowsAsync<NotificationQueueException>(() => client.ReceiveAsync(10, NoWait, TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.Contains(queue.Name, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalSts.AccessKey, error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 0), await queue.DepthAsync());
    }

    [Fact]
    public async Task AMissingQueue_FailsWithTheQueueAndTheCode_NeverACredential()
    {
        var client = _factory.Open(TestServices.SqsEndpoint.TrimEnd('/') + "/000000000000/no-such-queue-" + Guid.NewGuid().ToString("N")[..8], null, null, "missing");

        var error = await Assert.ThrowsAsync<NotificationQueueException>(() => client.ReceiveAsync(10, NoWait, TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.StartsWith("SQS ReceiveMessage on queue missing failed: ", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, error.Code);
        Assert.EndsWith(error.Code + ".", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalSts.AccessKey, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _credentials.Dispose();
        _sts.Dispose();
        _services.Dispose();
    }
}
