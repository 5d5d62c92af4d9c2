namespace PinpointAggregator.Audit.Pinpoint;

/// <summary>
/// What a Pinpoint event acts on: the application (absent for account-level calls such as GetApps or a
/// failed CreateApp), the resource kind, the resource id where the record has one, and the channel type
/// for channel actions.
/// </summary>
/// <param name="ApplicationId">A valid application id (<see cref="PinpointNames.IsApplicationId"/>), or null.</param>
/// <param name="Resource">The resource kind the action addresses.</param>
/// <param name="ResourceId">The resource's id where the record has one.</param>
/// <param name="Channel">The channel type, for channel actions.</param>
/// <param name="UnresolvedApplicationId">
/// The record named an application with a value that is not an application id (bounded copy): the event
/// counts at account level, as an unresolved target.
/// </param>
public sealed record PinpointTarget(string? ApplicationId, PinpointResource Resource, string? ResourceId, PinpointChannel? Channel, string? UnresolvedApplicationId = null)
{
    public static PinpointTarget None { get; } = new(null, PinpointResource.Other, null, null);
}
