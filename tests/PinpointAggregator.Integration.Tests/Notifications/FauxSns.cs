using System.Net.Http;
using System.Xml.Linq;

namespace PinpointAggregator.Integration.Tests.Notifications;

/// <summary>
/// SNS on fauxqs through its query protocol (form POST, XML answer): the three calls the tests need, to publish
/// notifications as CloudTrail does (to a topic a queue subscribes), without an SNS package the mirror does not serve.
/// </summary>
internal sealed class FauxSns : IDisposable
{
    private static readonly XNamespace Sns = "http://sns.amazonaws.com/doc/2010-03-31/";

    private readonly HttpClient _http = new() { BaseAddress = new Uri(TestServices.SqsEndpoint) };

    public async Task<string> CreateTopicAsync(string name) =>
        (await CallAsync(new() { ["Action"] = "CreateTopic", ["Name"] = name })).Descendants(Sns + "TopicArn").Single().Value;

    /// <summary>Subscribes an SQS queue; <paramref name="raw"/> is SNS's raw message delivery (no envelope).</summary>
    public async Task SubscribeAsync(string topicArn, string queueArn, bool raw)
    {
        var form = new Dictionary<string, string>
        {
            ["Action"] = "Subscribe",
            ["TopicArn"] = topicArn,
            ["Protocol"] = "sqs",
            ["Endpoint"] = queueArn,
        };
        if (raw)
        {
            form["Attributes.entry.1.key"] = "RawMessageDelivery";
            form["Attributes.entry.1.value"] = "true";
        }

        await CallAsync(form);
    }

    public async Task PublishAsync(string topicArn, string message, string? subject = null)
    {
        var form = new Dictionary<string, string> { ["Action"] = "Publish", ["TopicArn"] = topicArn, ["Message"] = message };
        if (subject is not null)
        {
            form["Subject"] = subject;
        }

        await CallAsync(form);
    }

    public void Dispose() => _http.Dispose();

    private async Task<XDocument> CallAsync(Dictionary<string, string> form)
    {
        form["Version"] = "2010-03-31";
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(new Uri("/", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"SNS {form["Action"]} failed: {(int)response.StatusCode} {body}");
        return XDocument.Parse(body);
    }
}
