namespace PinpointAggregator.Abstractions.Options;

/// <summary>One SQS queue that receives the trail's notifications.</summary>
public sealed class NotificationQueueOptions
{
    /// <summary>The queue URL, <c>https://sqs.REGION.amazonaws.com/ACCOUNT/NAME</c>.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The queue's region. Null: the region in <see cref="Url"/>, else <c>Aws:Region</c>.</summary>
    public string? Region { get; set; }

    /// <summary>A role to assume for the queue when it lives in another account. Null: the service's own credentials (or the hub role).</summary>
    public string? RoleArn { get; set; }

    /// <summary>The queue's name in metrics and status. Null: the last segment of <see cref="Url"/>.</summary>
    public string? Name { get; set; }

    public string DisplayName => Name is { Length: > 0 } name ? name : Url.TrimEnd('/').Split('/')[^1];
}
