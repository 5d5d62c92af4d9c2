using System.Globalization;
using Microsoft.Extensions.Configuration;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Host.Hosting;

/// <summary>
/// With no bucket configured, the service reads a sample organization trail from a local folder,
/// generating it the first time, so one command shows the product working with nothing installed.
/// </summary>
public static class EmbeddedDefault
{
    /// <summary>Configuration key for the sample folder. Default: the user's local data folder.</summary>
    public const string FolderKey = "Embedded:SampleFolder";

    public const string BucketName = "sample-organization-trail";

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
        var options = new SampleTrailOptions();
        if (!File.Exists(Path.Combine(folder, SampleTrail.ManifestFileName)))
        {
            Console.Error.WriteLine($"No bucket configured: generating a sample organization trail in {folder}");
            SampleTrailGenerator.Generate(folder, options);
        }

        // The sample is historical: read it from a day before its first file instead of "now".
        var startFrom = options.Start.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{IngestionOptions.SectionName}:Buckets:0:Name"] = BucketName,
            [$"{IngestionOptions.SectionName}:Buckets:0:LocalPath"] = folder,
            [$"{IngestionOptions.SectionName}:StartFrom"] = startFrom.ToString("O", CultureInfo.InvariantCulture),
        });
        return true;
    }
}
