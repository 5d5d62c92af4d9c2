using System.Security.Cryptography;
using PinpointAggregator.SampleData.Damage;
using PinpointAggregator.SampleData.Digests;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.SampleData;

/// <summary>
/// Writes the log files of one account and region: as delivered, with their storage damage
/// (<see cref="MalformedKind"/>), or with this stream's log damages (modified, deleted, an extra unlisted log,
/// an hour not delivered at all), and says what became of each.
/// </summary>
internal sealed class StreamLogWriter(string folder, TrailRoot root, string account, string region, SampleRandom corruptRandom, SampleRandom damageRandom)
{
    public List<SampleFile> Files { get; } = [];

    public List<(string Key, IReadOnlyList<SampleRecord> Records, MalformedKind? Kind)> Content { get; } = [];

    /// <summary>Every log, written or not, in the stream's order; the extra unlisted log last.</summary>
    public List<WrittenLog> Logs { get; } = [];

    /// <param name="logs">The stream's logs in delivery order.</param>
    /// <param name="hours">The digest periods, or null when no digests are written.</param>
    /// <param name="targets">This stream's damages.</param>
    public void Write(IReadOnlyList<PlannedLog> logs, DigestHours? hours, IReadOnlyList<DamageTarget> targets)
    {
        var offHour = targets.FirstOrDefault(t => t.Kind == TrailDamage.ChainRestarted)?.Hour;
        var deleted = targets.FirstOrDefault(t => t.Kind == TrailDamage.LogDeleted)?.Log;
        var modified = targets.FirstOrDefault(t => t.Kind == TrailDamage.LogModified)?.Log;
        for (var i = 0; i < logs.Count; i++)
        {
            var log = logs[i];
            var json = FileCorruptor.Document(log.Records);
            var sha256 = hours is null ? string.Empty : Convert.ToHexStringLower(SHA256.HashData(json));
            if (offHour is { } off && hours!.HourOf(log.Delivered) == off)
            {
                Logs.Add(new WrittenLog(log.Key, sha256, log.Name.Timestamp, LogOutcome.Dropped, Listed: false));
                continue;
            }

            if (i == deleted)
            {
                Logs.Add(new WrittenLog(log.Key, sha256, log.Name.Timestamp, LogOutcome.Deleted, Listed: true));
                continue;
            }

            var bytes = log.Malformed is { } bad ? FileCorruptor.Corrupt(bad, json, corruptRandom)
                : i == modified ? FileCorruptor.Compress(LogBytes.ChangeOneByte(json))
                : FileCorruptor.Compress(json);
            SampleFolder.Write(folder, log.Key, bytes);
            Files.Add(new SampleFile(log.Key, log.Records.Count, log.Records.Count(r => r.IsPinpoint), log.Late, log.Malformed, log.Malformed is { } e ? FileCorruptor.ExpectedError(e) : null, Digest: false)
            {
                Damage = i == modified ? TrailDamage.LogModified : null,
            });
            Content.Add((log.Key, log.Records, log.Malformed));
            var altered = log.Malformed is not null || i == modified;
            Logs.Add(new WrittenLog(log.Key, sha256, log.Name.Timestamp, altered ? LogOutcome.Altered : LogOutcome.Intact, Listed: true));
        }

        if (targets.FirstOrDefault(t => t.Kind == TrailDamage.UnlistedLog) is { } extra)
        {
            WriteUnlisted(logs[extra.Log], hours!.Start(extra.Hour) + TimeSpan.FromMinutes(extra.MinuteInHour));
        }
    }

    /// <summary>A replay of <paramref name="source"/>'s records under a new name no digest lists.</summary>
    private void WriteUnlisted(PlannedLog source, DateTimeOffset at)
    {
        var minute = new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var key = new TrailKey
        {
            Root = root, Kind = TrailFileKind.Log, AccountId = account, Region = region,
            Day = DateOnly.FromDateTime(minute.UtcDateTime), Timestamp = minute, Unique = damageRandom.AlnumString(16),
        };
        var path = key.Format();
        var json = FileCorruptor.Document(source.Records);
        SampleFolder.Write(folder, path, FileCorruptor.Compress(json));
        Files.Add(new SampleFile(path, source.Records.Count, source.Records.Count(r => r.IsPinpoint), Late: false, Malformed: null, ExpectedError: null, Digest: false) { Damage = TrailDamage.UnlistedLog });
        Content.Add((path, source.Records, null));
        Logs.Add(new WrittenLog(path, Convert.ToHexStringLower(SHA256.HashData(json)), minute, LogOutcome.Intact, Listed: false));
    }
}
