using System.Globalization;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Local;

namespace PinpointAggregator.Benchmarks;

/// <summary>
/// A thin organization for the scale benchmark: many accounts × regions, one small log file per prefix. The
/// file's bytes are one good log file of the project's sample generator, copied under every prefix's key
/// (the CloudTrail layout: <c>AWSLogs/o-ID/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_…json.gz</c>).
/// </summary>
internal static class ThinOrganization
{
    public const string OrganizationId = "o-scalebench1";

    private static readonly string[] RegionNames =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
        "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "sa-east-1",
    ];

    /// <returns>How many files the folder holds.</returns>
    public static int Write(string folder, int accounts, int regions)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(regions, RegionNames.Length);
        var marker = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"thin-{accounts}x{regions}.done"));
        if (File.Exists(marker))
        {
            return accounts * regions;
        }

        var template = Template(Path.Combine(folder, "..", Path.GetFileName(folder) + "-template"));
        var root = Path.Combine(folder, "AWSLogs", OrganizationId);
        for (var a = 0; a < accounts; a++)
        {
            var account = (100000000000L + a).ToString(CultureInfo.InvariantCulture);
            foreach (var region in RegionNames.Take(regions))
            {
                var day = Path.Combine(root, account, "CloudTrail", region, "2024", "06", "01");
                Directory.CreateDirectory(day);
                File.WriteAllBytes(Path.Combine(day, $"{account}_CloudTrail_{region}_20240601T0005Z_scalebench{a % 10}.json.gz"), template);
            }
        }

        File.WriteAllText(marker, string.Empty);
        return accounts * regions;
    }

    /// <summary>The smallest good log file of a one-account sample: a few kilobytes of gzip JSON with Pinpoint events in it.</summary>
    private static byte[] Template(string folder)
    {
        if (!File.Exists(Path.Combine(folder, SampleTrail.ManifestFileName)))
        {
            SampleTrailGenerator.Generate(folder, new SampleTrailOptions { Seed = 7, Accounts = 1, Regions = 1, Days = 1, FilesPerDay = 4, RecordsPerFile = 20, MalformedFiles = 0 });
        }

        var good = ManifestJson.Read(folder).Where(f => f.Malformed is null && !f.Digest && f.PinpointRecords > 0).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return LocalTrailFiles.Find([folder]).Where(f => good.Any(k => f.Replace('\\', '/').EndsWith(k, StringComparison.Ordinal))).Select(File.ReadAllBytes).OrderBy(b => b.Length).First();
    }
}
