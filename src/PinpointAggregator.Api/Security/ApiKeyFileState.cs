namespace PinpointAggregator.Api.Security;

/// <summary>What <see cref="ApiKeyFile.LoadOrCreate"/> found.</summary>
internal enum ApiKeyFileState
{
    /// <summary>No file: a new key was written.</summary>
    Created,

    /// <summary>A private file with a well-formed key: that key is used again, so clients keep working across restarts.</summary>
    Reused,

    /// <summary>A file others could read, or one without a well-formed key: a new key replaced it.</summary>
    Replaced,
}
