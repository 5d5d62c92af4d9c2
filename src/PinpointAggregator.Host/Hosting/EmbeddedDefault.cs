using System.Globalization;
using Microsoft.Extensions.Configuration;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// With no bucket configured, the service reads a sample organization trail from a local folder,
/// generating it the first time, so one command shows the product working with nothing installed. The sample
/// has signed CloudTrail digests; its public key is the one trusted key (<c>Integrity:PublicKeyFiles</c>), and
/// <c>ListPublicKeys</c> is off (there is no AWS account to ask).
/// </summary>
public static class EmbeddedDefault
{
    /// <summary>Configuration key for the sample folder. Default: the user's local data folder.</summary>
    public const string FolderKey = "Embedded:SampleFolder";

    /// <summary>The bucket the sample is read as: the one its digests name, so their stated locations hold.</summary>
    public const string BucketName = SampleTrailOptions.DefaultBucket;

    /// <returns>True when the embedded sample is what the service will read.</returns>
    public static bool ApplyIfUnconfigured(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection($"{IngestionOptions.SectionName}:Buckets").GetChildren().Any())
        {
            return false;
        }

        var folder = configuration[FolderKey] ?? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "pinpoint-aggregator",
            "sample-trail");
        var options = new SampleTrailOptions { Bucket = BucketName };
        var publicKey = Path.Combine(folder, SampleTrail.PublicKeyFileName);
        if (File.Exists(Path.Combine(folder, SampleTrail.ManifestFileName)) && !File.Exists(publicKey))
        {
            // A sample written before digests were signed: its placeholder digests would read as damaged ones.
            Console.Error.WriteLine($"The sample organization trail in {folder} has no signed digests: writing it again");
            DeleteBucketTree(folder);
        }

        if (!File.Exists(Path.Combine(folder, SampleTrail.ManifestFileName)))
        {
            Console.Error.WriteLine($"No bucket configured: generating a sample organization trail in {folder}");
            SampleTrailGenerator.Generate(folder, options);
        }

        // The sample's key goes after any key files already configured, not in place of one.
        var trustedKeyFiles = configuration.GetSection($"{IntegrityOptions.SectionName}:PublicKeyFiles").GetChildren().Count();

        // The sample is historical: read it from a day before its first file instead of "now".
        var startFrom = options.Start.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{IngestionOptions.SectionName}:Buckets:0:Name"] = BucketName,
            [$"{IngestionOptions.SectionName}:Buckets:0:LocalPath"] = folder,
            [$"{IngestionOptions.SectionName}:StartFrom"] = startFrom.ToString("O", CultureInfo.InvariantCulture),
            [$"{IntegrityOptions.SectionName}:PublicKeyFiles:{trustedKeyFiles}"] = publicKey,
            [$"{IntegrityOptions.SectionName}:ListPublicKeys"] = "false",
        });
        return true;
    }

    /// <summary>Removes the generated bucket tree and files of an outdated sample (only what the generator writes).</summary>
    private static void DeleteBucketTree(string folder)
    {
        var logs = Path.Combine(folder, "AWSLogs");
        if (Directory.Exists(logs))
        {
            Directory.Delete(logs, recursive: true);
        }

        File.Delete(Path.Combine(folder, SampleTrail.ManifestFileName));
        File.Delete(Path.Combine(folder, SampleTrail.GroundTruthFileName));
    }
}
