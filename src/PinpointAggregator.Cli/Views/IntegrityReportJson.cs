using System.Globalization;
using System.Text.Json;
using PinpointAggregator.Trail.Integrity.Local;

namespace PinpointAggregator.Cli.Views;

/// <summary><c>verify --output json</c>: the report as one snake_case JSON object (documented in docs/integrity.md).</summary>
internal static class IntegrityReportJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize(string path, IntegrityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = new
        {
            Path = path,
            Summary = new
            {
                report.LogsHashed,
                report.LogsUnhashable,
                report.DigestsChecked,
                Chains = report.Chains.Count,
                report.FilesIgnored,
                report.CompressedBytes,
                report.Violations,
                ViolationsByKind = report.ViolationsByKind.ToDictionary(k => k.Key.ToString(), k => k.Value),
                report.Gaps,
                report.Unverifiable,
            },
            Chains = report.Chains.Select(c => new
            {
                c.Chain.AccountId,
                c.Chain.Region,
                c.Chain.TrailName,
                c.Chain.HomeRegion,
                c.Chain.Backfill,
                CoveredFrom = Time(c.CoveredFrom),
                ValidatedThrough = Time(c.ValidatedThrough),
                c.DigestsChecked,
            }),
            Findings = report.Findings.Select(f => new
            {
                Kind = f.Kind.ToString(),
                Violation = f.IsViolation,
                f.DigestKey,
                f.LogKey,
                From = Time(f.From),
                Until = Time(f.Until),
                f.Detail,
            }),
        };
        return JsonSerializer.Serialize(json, Options);
    }

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
