namespace PinpointAggregator.Grains.DoneKeys;

/// <summary>A settled trail key and the UTC time in its name (what <see cref="IDoneKeyStore.ForgetAsync"/> compares).</summary>
public readonly record struct DoneKey(string Key, DateTime NameTime);
