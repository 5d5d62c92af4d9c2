using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.Options;
using PinpointAggregator.Aws.Credentials;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Aws.Sqs;

/// <summary>
/// Opens notification queues on SQS. The region is the queue's own (configured), else the one in its URL
/// (<c>https://sqs.REGION.amazonaws.com/…</c>), else <c>Aws:Region</c>; the endpoint is <c>Aws:SqsServiceUrl</c> when set
/// (tests), else the region's. A queue with a role is read with that role's session (<see cref="AccountCredentialsProvider.ForRole"/>),
/// one without with the hub's session or the ambient chain. One SQS client per credential source and region.
/// </summary>
public sealed class SqsNotificationQueueClientFactory(IOptions<AwsOptions> aws, AccountCredentialsProvider credentials, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<(object Source, string? Region), AmazonSQSClient> _clients = new();
    private readonly object _ambient = new();

    /// <param name="url">The queue URL.</param>
    /// <param name="region">The queue's region; null: from the URL, else <c>Aws:Region</c>.</param>
    /// <param name="roleArn">A role to assume for the queue; null: the service's own credentials.</param>
    /// <param name="name">The queue's name in metrics, status and logs.</param>
    public SqsNotificationQueueClient Open(string url, string? region, string? roleArn, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        var source = credentials.ForRole(roleArn);
        var signingRegion = region ?? RegionOf(url) ?? aws.Value.Region;
        var client = _clients.GetOrAdd(((object?)source ?? _ambient, signingRegion), key => CreateClient(source, key.Region));
        return new SqsNotificationQueueClient(client, url, name, time);
    }

    /// <summary>
    /// The region in an SQS queue URL: <c>sqs.REGION.amazonaws.com</c> (also <c>.com.cn</c>) or the legacy
    /// <c>REGION.queue.amazonaws.com</c>; null for any other host (a local server).
    /// </summary>
    public static string? RegionOf(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var labels = uri.Host.Split('.');
        var region = labels switch
        {
            ["sqs", var r, "amazonaws", ..] => r,
            [var r, "queue", "amazonaws", ..] => r,
            _ => null,
        };
        return region is not null && TrailNames.IsRegion(region) ? region : null;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private AmazonSQSClient CreateClient(AWSCredentials? source, string? region)
    {
        var config = new AmazonSQSConfig();
        if (aws.Value.SqsServiceUrl is { } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = region;
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return source is null ? new AmazonSQSClient(config) : new AmazonSQSClient(source, config);
    }
}
