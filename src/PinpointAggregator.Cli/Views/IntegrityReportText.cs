using System.Globalization;
using PinpointAggregator.Cli.Output;
using PinpointAggregator.Trail.Integrity;
using PinpointAggregator.Trail.Integrity.Local;

namespace PinpointAggregator.Cli.Views;

/// <summary><c>verify</c> for people: a summary, each chain's reach, then every finding with its kind, time, keys and detail.</summary>
internal static class IntegrityReportText
{
    private static readonly IReadOnlyList<Column<ChainReport>> Chains =
    [
        new("chain", c => c.Chain.ToString(), Whole: true),
        new("covered_from", c => c.CoveredFrom is { } from ? Time(from) : string.Empty),
        new("validated_through", c => c.ValidatedThrough is { } through ? Time(through) : string.Empty),
        new("digests", c => Number(c.DigestsChecked), Numeric: true),
    ];

    public static void Print(TextWriter output, string path, IntegrityReport report, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        TextTable.WriteFields(output,
        [
            ("verified", path),
            ("logs hashed", Number(report.LogsHashed)),
            ("logs unhashable", Number(report.LogsUnhashable)),
            ("digests checked", Number(report.DigestsChecked)),
            ("chains", Number(report.Chains.Count)),
            ("files ignored", Number(report.FilesIgnored)),
            ("read", string.Create(CultureInfo.InvariantCulture, $"{report.CompressedBytes / 1e6:F1} MB compressed in {elapsed.TotalSeconds:F2} s")),
            ("violations", report.Violations == 0 ? "none" : $"{Number(report.Violations)} ({string.Join(", ", report.ViolationsByKind.Select(k => $"{k.Key} {Number(k.Value)}"))})"),
            ("gaps", Number(report.Gaps)),
            ("unverifiable", $"{Number(report.Unverifiable)} (signatures not checked: no stored signature and no successor)"),
        ]);

        if (report.Chains.Count > 0)
        {
            output.WriteLine();
            TextTable.Write(output, Chains, report.Chains, wide: true);
        }

        if (report.Findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Findings:");
        }

        foreach (var finding in report.Findings)
        {
            output.WriteLine();
            var span = finding.Until == finding.From ? Time(finding.From) : $"{Time(finding.From)} to {Time(finding.Until)}";
            output.WriteLine($"{finding.Kind}  {span}{(finding.IsViolation ? string.Empty : "  (not a violation)")}");
            var fields = new List<(string, string)>();
            if (finding.DigestKey is not null)
            {
                fields.Add(("  digest", finding.DigestKey));
            }

            if (finding.LogKey is not null)
            {
                fields.Add(("  log", finding.LogKey));
            }

            fields.Add(("  detail", finding.Detail));
            TextTable.WriteFields(output, fields);
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
