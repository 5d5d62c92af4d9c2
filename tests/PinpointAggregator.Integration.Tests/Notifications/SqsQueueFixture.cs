using Amazon.SQS;
using Amazon.SQS.Model;

namespace PinpointAggregator.Integration.Tests.Notifications;

/// <summary>A fresh fauxqs queue per test, with what the tests do to it from the outside (send, look).</summary>
internal sealed class SqsQueueFixture : IDisposable
{
    private SqsQueueFixture(AmazonSQSClient sqs, string name, string url, string arn)
    {
        (Sqs, Name, Url, Arn) = (sqs, name, url, arn);
    }

    public AmazonSQSClient Sqs { get; }

    public string Name { get; }

    public string Url { get; }

    public string Arn { get; }

    public static async Task<SqsQueueFixture> CreateAsync(string prefix = "q")
    {
        var sqs = TestServices.CreateSqsClient();
        var name = prefix + "-" + Guid.NewGuid().ToString("N")[..12];
        var url = (await sqs.CreateQueueAsync(name)).QueueUrl;
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = ["QueueArn"] });
        return new SqsQueueFixture(sqs, name, url, attributes.Attributes["QueueArn"]);
    }

    public Task SendAsync(string body) => Sqs.SendMessageAsync(Url, body);

    /// <summary>Messages waiting plus in flight, as the queue counts them.</summary>
    public async Task<(int Visible, int InFlight)> DepthAsync()
    {
        var attributes = await Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = Url,
            AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        });
        return (int.Parse(attributes.Attributes["ApproximateNumberOfMessages"], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(attributes.Attributes["ApproximateNumberOfMessagesNotVisible"], System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task PurgeAsync() => Sqs.PurgeQueueAsync(Url);

    public void Dispose() => Sqs.Dispose();
}
