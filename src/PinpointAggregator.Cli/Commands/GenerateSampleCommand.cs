using System.CommandLine;
using System.Text.Json;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Cli.Commands;

/// <summary><c>generate-sample FOLDER</c>: writes a deterministic sample organization trail with its ground truth.</summary>
internal static class GenerateSampleCommand
{
    /// <summary>Every <see cref="TrailDamage"/> by its flag value (<c>log-modified</c>, ...).</summary>
    private static readonly Dictionary<string, TrailDamage> Damages =
        Enum.GetValues<TrailDamage>().ToDictionary(d => JsonNamingPolicy.KebabCaseLower.ConvertName(d.ToString()), StringComparer.Ordinal);

    private const string AllDamages = "all";

    public static Command Create()
    {
        var defaults = new SampleTrailOptions();
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Where to write AWSLogs/..., ground_truth.json, manifest.json and, with digests, digest-public-key.pem and digest-signatures.json." };
        var seed = Int("--seed", "Random seed; the same seed writes the same bytes.", defaults.Seed);
        var accounts = Int("--accounts", "Accounts in the organization.", defaults.Accounts);
        var regions = Int("--regions", "Regions per account.", defaults.Regions);
        var days = Int("--days", "Days of logs from 2024-06-01.", defaults.Days);
        var filesPerDay = Int("--files-per-day", "Log files per account, region and day.", defaults.FilesPerDay);
        var recordsPerFile = Int("--records-per-file", "Mean records per file.", defaults.RecordsPerFile);
        var malformed = Int("--malformed", "Damaged files to include.", defaults.MalformedFiles);
        var noDigests = new Option<bool>("--no-digests") { Description = "Write no CloudTrail digests (and no key or signatures)." };
        var backfill = new Option<bool>("--backfill-digests") { Description = "List late log files in _backfill digests, a chain of their own." };
        var bucket = new Option<string>("--bucket") { Description = "The bucket the digests name (part of every signature).", DefaultValueFactory = _ => defaults.Bucket };
        var damage = new Option<string[]>("--damage")
        {
            Description = "Break the trail's integrity: repeat for several, 'all' for one of each. The expected findings are in manifest.json.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        damage.AcceptOnlyFromAmong([.. Damages.Keys, AllDamages]);

        var command = new Command("generate-sample", "Write a sample organization trail in the S3 bucket layout, with its ground truth, signed digests and, on request, integrity damage.")
        {
            folder, seed, accounts, regions, days, filesPerDay, recordsPerFile, malformed, noDigests, backfill, bucket, damage,
        };
        command.SetAction(parse =>
        {
            var options = defaults with
            {
                Seed = parse.GetValue(seed), Accounts = parse.GetValue(accounts), Regions = parse.GetValue(regions), Days = parse.GetValue(days),
                FilesPerDay = parse.GetValue(filesPerDay), RecordsPerFile = parse.GetValue(recordsPerFile), MalformedFiles = parse.GetValue(malformed),
                IncludeDigests = !parse.GetValue(noDigests), BackfillDigests = parse.GetValue(backfill), Bucket = parse.GetValue(bucket)!,
                Damage = [.. (parse.GetValue(damage) ?? []).SelectMany(d => d == AllDamages ? Enum.GetValues<TrailDamage>() : [Damages[d]])],
            };
            try
            {
                var trail = SampleTrailGenerator.Generate(parse.GetValue(folder)!.FullName, options);
                Console.Error.WriteLine($"generate-sample: {trail.Files.Count(f => !f.Digest)} log files and {trail.Files.Count(f => f.Digest)} digests for {trail.AccountIds.Count} accounts in {trail.Regions.Count} regions ({trail.OrganizationId}), {trail.GroundTruth.Applications.Count} applications, {trail.ExpectedFindings.Count(f => f.IsViolation)} expected integrity violations");
                return ExitCodes.Success;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"generate-sample: {e.Message}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }

    private static Option<int> Int(string name, string description, int defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };
}
