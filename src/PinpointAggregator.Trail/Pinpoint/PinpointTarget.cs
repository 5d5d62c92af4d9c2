namespace PinpointAggregator.Trail.Pinpoint;

/// <summary>
/// What a Pinpoint event acts on: the application (absent for account-level calls such as GetApps or a
/// failed CreateApp), the resource kind, the resource id where the record has one, and the channel type
/// for channel actions.
/// </summary>
public sealed record PinpointTarget(string? ApplicationId, PinpointResource Resource, string? ResourceId, PinpointChannel? Channel)
{
    public static PinpointTarget None { get; } = new(null, PinpointResource.Other, null, null);
}
