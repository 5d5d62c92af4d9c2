using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Grains.Notifications;

/// <summary>What becomes of a receive batch's waiting messages once their prefix grains have answered.</summary>
/// <param name="Done">Messages to delete: every key they name is settled (read, quarantined, done before, or not to be read through them).</param>
/// <param name="GivenUp">Messages to delete although keys still wait: received <c>MaxReceives</c> times (their keys wait in their prefixes' retry state).</param>
/// <param name="Keep">Messages left alone: they come back after the visibility timeout and their waiting keys are asked for again.</param>
/// <param name="SetAside">What was set aside after the calls, by reason (<see cref="NotificationSetAsideReasons.TooManyReceives"/>).</param>
public sealed record NotificationBatchOutcome(
    IReadOnlyList<QueueMessage> Done,
    IReadOnlyList<QueueMessage> GivenUp,
    IReadOnlyList<QueueMessage> Keep,
    IReadOnlyDictionary<string, long> SetAside)
{
    /// <summary>Everything to delete.</summary>
    public IReadOnlyList<QueueMessage> Delete => [.. Done, .. GivenUp];
}
