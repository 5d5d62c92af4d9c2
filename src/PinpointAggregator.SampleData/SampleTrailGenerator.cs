using System.Text.Json;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.SampleData.Damage;
using PinpointAggregator.SampleData.Digests;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.SampleData;

/// <summary>
/// Writes a deterministic organization trail in the S3 bucket layout to a folder, with the summary a
/// correct reader must produce (<c>ground_truth.json</c>), a list of every file and the findings a correct
/// integrity verifier reports (<c>manifest.json</c>), and, with digests, the public key and every digest's
/// signature (<c>digest-public-key.pem</c>, <c>digest-signatures.json</c>).
/// </summary>
public static class SampleTrailGenerator
{
    public static SampleTrail Generate(string folder, SampleTrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var organization = new SampleOrganization(options.Seed, options.Accounts);
        var root = new TrailRoot(string.Empty, organization.Id);
        var regions = SampleOrganization.RegionNames[..options.Regions];
        var streams = organization.Accounts.SelectMany(a => regions.Select(r => (Account: a, Region: r))).ToArray();
        var perStream = options.Days * options.FilesPerDay;
        var malformed = PickMalformed(options, streams.Length * perStream);

        var logs = new List<PlannedLog>[streams.Length];
        Parallel.For(0, streams.Length, s =>
        {
            var stream = new SampleStream(options, root, streams[s].Account, streams[s].Region, s);
            logs[s] = [.. stream.Files().Select((f, i) => new PlannedLog(f.Key.Format(), f.Key, f.Records, f.Late, f.Delivered, malformed.TryGetValue((s * perStream) + i, out var k) ? k : null))];
        });

        var hours = options.IncludeDigests ? streams.Select((_, s) => HoursOf(options, s, logs[s])).ToArray() : null;
        var targets = hours is null || options.Damage.Count == 0
            ? []
            : DamagePlanner.Plan(options.Damage, [.. streams.Select((_, s) => Layout(options, logs[s], hours[s]))], new SampleRandom(SampleRandom.Mix(options.Seed, 6)));

        var outputs = new StreamOutput[streams.Length];
        Parallel.For(0, streams.Length, s =>
        {
            var mine = targets.Where(t => t.Stream == s).ToList();
            var account = streams[s].Account.Id;
            var region = streams[s].Region;
            var logWriter = new StreamLogWriter(folder, root, account, region, new SampleRandom(SampleRandom.Mix(options.Seed, 4, s)), new SampleRandom(SampleRandom.Mix(options.Seed, 9, s)));
            logWriter.Write(logs[s], hours?[s], mine);
            if (hours is null)
            {
                outputs[s] = new StreamOutput(logWriter.Files, logWriter.Content, new Dictionary<string, string>(), []);
                return;
            }

            var digestWriter = new StreamDigestWriter(folder, root, account, region, options, hours[s]);
            digestWriter.Write(logs[s], logWriter.Logs, mine);
            outputs[s] = new StreamOutput(
                [.. logWriter.Files, .. digestWriter.Files],
                logWriter.Content,
                digestWriter.Signatures,
                [.. digestWriter.Findings, .. ExpectedLogFindings.For(digestWriter.Found, logWriter.Logs)]);
        });

        var truth = new GroundTruthBuilder();
        foreach (var (path, records, kind) in outputs.SelectMany(o => o.Logs).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (kind is { } bad)
            {
                truth.AddMalformedFile(path, bad);
            }
            else
            {
                truth.AddGoodFile(records);
            }
        }

        var publicKey = options.IncludeDigests ? SampleSigningKey.For(0) : null;
        var trail = new SampleTrail(folder, organization.Id, organization.Accounts.Select(a => a.Id).ToArray(), regions,
            outputs.SelectMany(o => o.Files).OrderBy(f => f.Key, StringComparer.Ordinal).ToArray(), truth.Build())
        {
            ExpectedFindings = [.. outputs.SelectMany(o => o.Findings).Order(ExpectedFinding.Order)],
            DigestSignatures = outputs.SelectMany(o => o.Signatures).ToDictionary(StringComparer.Ordinal),
            PublicKeyFile = publicKey is null ? null : Path.Combine(folder, SampleTrail.PublicKeyFileName),
            PublicKeyFingerprint = publicKey?.Fingerprint,
        };
        File.WriteAllText(Path.Combine(folder, SampleTrail.GroundTruthFileName), ScanSummaryJson.Serialize(trail.GroundTruth));
        File.WriteAllText(Path.Combine(folder, SampleTrail.ManifestFileName), ManifestJson.Serialize(new SampleManifest(trail.Files, trail.ExpectedFindings)));
        if (publicKey is not null)
        {
            File.WriteAllText(trail.PublicKeyFile!, publicKey.PublicKeyPem);
            DigestSignatureMap.Write(Path.Combine(folder, SampleTrail.SignaturesFileName), trail.DigestSignatures);
        }

        return trail;
    }

    private static Dictionary<int, MalformedKind> PickMalformed(SampleTrailOptions options, int totalFiles)
    {
        var random = new SampleRandom(SampleRandom.Mix(options.Seed, 5));
        var kinds = Enum.GetValues<MalformedKind>();
        var picked = new Dictionary<int, MalformedKind>();
        while (picked.Count < Math.Min(options.MalformedFiles, totalFiles))
        {
            picked.TryAdd(random.Next(totalFiles), kinds[picked.Count % kinds.Length]);
        }

        return picked;
    }

    /// <summary>The digest periods of one stream: not aligned to the clock (a random second of the hour, as CloudTrail's are), covering every delivery.</summary>
    private static DigestHours HoursOf(SampleTrailOptions options, int stream, List<PlannedLog> logs)
    {
        var start = new DateTimeOffset(options.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var offset = new SampleRandom(SampleRandom.Mix(options.Seed, 8, stream)).Next(3600);
        return DigestHours.Covering(start, offset, logs.Count == 0 ? start : logs.Max(l => l.Delivered));
    }

    private static DamageLayout Layout(SampleTrailOptions options, List<PlannedLog> logs, DigestHours hours)
    {
        var listed = Enumerable.Range(0, hours.Count).Select(_ => new List<int>()).ToArray();
        var delivered = new bool[hours.Count];
        for (var i = 0; i < logs.Count; i++)
        {
            var hour = hours.HourOf(logs[i].Delivered);
            delivered[hour] = true;
            if (!(options.BackfillDigests && logs[i].Late))
            {
                listed[hour].Add(i);
            }
        }

        return new DamageLayout(hours.Count, listed, delivered, i => logs[i].Malformed is null);
    }
}
