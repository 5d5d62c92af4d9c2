namespace PinpointAggregator.Trail.Notifications;

/// <summary>How many messages wait in a queue (<c>ApproximateNumberOfMessages</c>) and are held by consumers (<c>…NotVisible</c>).</summary>
public readonly record struct QueueDepth(long Visible, long InFlight);
