using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Grains.EventStore;

/// <summary>
/// Who folds an event: an application (account, region, application id), or an account, for events that
/// name no application (region and application are then null). <see cref="Key"/> is the grain's key.
/// </summary>
public sealed record AuditTarget(string Account, string? Region, string? ApplicationId)
{
    public string Key => ApplicationId is null ? Account : new ApplicationKey(Account, Region!, ApplicationId).Format();

    public static AuditTarget Of(ApplicationKey key) => new(key.Account, key.Region, key.ApplicationId);

    public static AuditTarget OfAccount(string account) => new(account, null, null);

    public override string ToString() => Key;
}
