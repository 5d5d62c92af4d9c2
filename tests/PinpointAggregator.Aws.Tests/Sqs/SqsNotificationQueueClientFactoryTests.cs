using PinpointAggregator.Aws.Sqs;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Aws.Tests.Sqs;

public sealed class SqsNotificationQueueClientFactoryTests
{
    [Theory]
    [InlineData("https://sqs.us-east-1.amazonaws.com/111122223333/trail", "us-east-1")]
    [InlineData("https://sqs.eu-central-2.amazonaws.com/111122223333/trail", "eu-central-2")]
    [InlineData("https://sqs.cn-north-1.amazonaws.com.cn/111122223333/trail", "cn-north-1")]
    [InlineData("https://us-gov-west-1.queue.amazonaws.com/111122223333/trail", "us-gov-west-1")]
    [InlineData("http://127.0.0.1:4566/000000000000/trail", null)]
    [InlineData("https://sqs.not-a-region.amazonaws.com/111122223333/trail", null)]
    [InlineData("https://example.com/sqs.us-east-1.amazonaws.com/trail", null)]
    [InlineData("not a url", null)]
    public void TheRegion_IsReadFromAnSqsUrl_OnlyWhenTheHostIsSqs(string url, string? region)
    {
        Assert.Equal(region, SqsNotificationQueueClientFactory.RegionOf(url));
    }

    [Fact]
    public void FailedBatchEntries_MapBackToTheirMessages_UnknownEntriesIgnored()
    {
        QueueMessage[] chunk = [Message("m0"), Message("m1"), Message("m2")];

        Assert.Equal(["m0", "m2"], SqsNotificationQueueClient.FailedIds(chunk, ["2", "0", "3", "x", "-1"]).Order(StringComparer.Ordinal));
        Assert.Empty(SqsNotificationQueueClient.FailedIds(chunk, null));
    }

    private static QueueMessage Message(string id) => new(id, "receipt-" + id, "{}", DateTime.UnixEpoch, 1);
}
