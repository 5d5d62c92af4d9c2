namespace PinpointAggregator.SampleData.Damage;

/// <summary>How a log ended up in the sample, as the verifier will see it.</summary>
internal enum LogOutcome
{
    /// <summary>Written as delivered: its content hashes to what its digest lists.</summary>
    Intact,

    /// <summary>Written, but not as delivered (storage damage or <see cref="TrailDamage.LogModified"/>): its digest's hash does not match, or it cannot be read.</summary>
    Altered,

    /// <summary>Delivered and listed, then deleted (<see cref="TrailDamage.LogDeleted"/>).</summary>
    Deleted,

    /// <summary>Never delivered: logging was off in its hour (<see cref="TrailDamage.ChainRestarted"/>). Neither written nor listed.</summary>
    Dropped,
}

/// <summary>One log of a stream after writing: its key, the hash of its content as delivered, its name time, and what became of it.</summary>
internal sealed record WrittenLog(string Key, string Sha256, DateTimeOffset NameTime, LogOutcome Outcome, bool Listed);
