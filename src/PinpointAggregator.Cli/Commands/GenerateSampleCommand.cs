using System.CommandLine;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Cli.Commands;

/// <summary><c>generate-sample FOLDER</c>: writes a deterministic sample organization trail with its ground truth.</summary>
internal static class GenerateSampleCommand
{
    public static Command Create()
    {
        var defaults = new SampleTrailOptions();
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Where to write AWSLogs/..., ground_truth.json and manifest.json." };
        var seed = Int("--seed", "Random seed; the same seed writes the same bytes.", defaults.Seed);
        var accounts = Int("--accounts", "Accounts in the organization.", defaults.Accounts);
        var regions = Int("--regions", "Regions per account.", defaults.Regions);
        var days = Int("--days", "Days of logs from 2024-06-01.", defaults.Days);
        var filesPerDay = Int("--files-per-day", "Log files per account, region and day.", defaults.FilesPerDay);
        var recordsPerFile = Int("--records-per-file", "Mean records per file.", defaults.RecordsPerFile);
        var malformed = Int("--malformed", "Damaged files to include.", defaults.MalformedFiles);

        var command = new Command("generate-sample", "Write a sample organization trail in the S3 bucket layout, with its ground truth.")
        {
            folder, seed, accounts, regions, days, filesPerDay, recordsPerFile, malformed,
        };
        command.SetAction(parse =>
        {
            var options = defaults with
            {
                Seed = parse.GetValue(seed), Accounts = parse.GetValue(accounts), Regions = parse.GetValue(regions), Days = parse.GetValue(days),
                FilesPerDay = parse.GetValue(filesPerDay), RecordsPerFile = parse.GetValue(recordsPerFile), MalformedFiles = parse.GetValue(malformed),
            };
            try
            {
                var trail = SampleTrailGenerator.Generate(parse.GetValue(folder)!.FullName, options);
                Console.Error.WriteLine($"generate-sample: {trail.Files.Count} files for {trail.AccountIds.Count} accounts in {trail.Regions.Count} regions ({trail.OrganizationId}), {trail.GroundTruth.Applications.Count} applications");
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
