using System.Globalization;
using System.Text;
using System.Text.Json;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.SampleData;

/// <summary>
/// Writes a deterministic organization trail in the S3 bucket layout to a folder, with the summary a
/// correct reader must produce (<c>ground_truth.json</c>) and a list of every file (<c>manifest.json</c>).
/// </summary>
public static class SampleTrailGenerator
{
    public static SampleTrail Generate(string folder, SampleTrailOptions options)
    {
        options.Validate();
        var organization = new SampleOrganization(options.Seed, options.Accounts);
        var root = new TrailRoot(string.Empty, organization.Id);
        var regions = SampleOrganization.RegionNames[..options.Regions];
        var streams = organization.Accounts.SelectMany(a => regions.Select(r => (Account: a, Region: r))).ToArray();
        var perStream = options.Days * options.FilesPerDay;
        var malformed = PickMalformed(options, streams.Length * perStream);

        var results = new (List<SampleFile> Files, List<(string Key, IReadOnlyList<SampleRecord> Records, MalformedKind? Kind)> Content)[streams.Length];
        Parallel.For(0, streams.Length, s =>
        {
            var stream = new SampleStream(options, root, streams[s].Account, streams[s].Region, s);
            var corruptRandom = new SampleRandom(SampleRandom.Mix(options.Seed, 4, s));
            var files = new List<SampleFile>();
            var content = new List<(string, IReadOnlyList<SampleRecord>, MalformedKind?)>();
            var index = 0;
            foreach (var (key, records, late) in stream.Files())
            {
                var json = FileCorruptor.Document(records);
                MalformedKind? kind = malformed.TryGetValue((s * perStream) + index++, out var k) ? k : null;
                var bytes = kind is { } bad ? FileCorruptor.Corrupt(bad, json, corruptRandom) : FileCorruptor.Compress(json);
                var path = key.Format();
                Write(folder, path, bytes);
                files.Add(new SampleFile(path, records.Count, records.Count(r => r.IsPinpoint), late, kind, kind is { } e ? FileCorruptor.ExpectedError(e) : null, Digest: false));
                content.Add((path, records, kind));
            }

            if (options.IncludeDigests)
            {
                files.AddRange(WriteDigests(folder, root, streams[s].Account.Id, streams[s].Region, options));
            }

            results[s] = (files, content);
        });

        var truth = new GroundTruthBuilder();
        foreach (var (path, records, kind) in results.SelectMany(r => r.Content).OrderBy(c => c.Key, StringComparer.Ordinal))
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

        var trail = new SampleTrail(folder, organization.Id, organization.Accounts.Select(a => a.Id).ToArray(), regions,
            results.SelectMany(r => r.Files).OrderBy(f => f.Key, StringComparer.Ordinal).ToArray(), truth.Build());
        File.WriteAllText(Path.Combine(folder, SampleTrail.GroundTruthFileName), ScanSummaryJson.Serialize(trail.GroundTruth));
        File.WriteAllText(Path.Combine(folder, SampleTrail.ManifestFileName), JsonSerializer.Serialize(trail.Files, ManifestJson.Options));
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

    private static IEnumerable<SampleFile> WriteDigests(string folder, TrailRoot root, string account, string region, SampleTrailOptions options)
    {
        for (var d = 0; d < options.Days; d++)
        {
            var day = options.Start.AddDays(d);
            var key = new TrailKey
            {
                Root = root, Kind = TrailFileKind.Digest, AccountId = account, Region = region, Day = day,
                Timestamp = new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0, 0)), TimeSpan.Zero), TrailName = "org-trail", HomeRegion = "us-east-1",
            };
            var json = $"{{\"awsAccountId\":\"{account}\",\"digestStartTime\":\"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T00:00:00Z\",\"logFiles\":[]}}";
            Write(folder, key.Format(), FileCorruptor.Compress(Encoding.UTF8.GetBytes(json)));
            yield return new SampleFile(key.Format(), 0, 0, Late: false, Malformed: null, ExpectedError: null, Digest: true);
        }
    }

    private static void Write(string folder, string key, byte[] bytes)
    {
        var path = Path.Combine(folder, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
