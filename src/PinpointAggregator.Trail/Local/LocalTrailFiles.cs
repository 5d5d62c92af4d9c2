using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Trail.Local;

/// <summary>
/// Finds CloudTrail log files on disk: folders laid out like the bucket (searched recursively) or loose
/// files. Digest files are not log files and are left out, and so is a file under <c>AWSLogs/</c> whose
/// path is not a log key (<see cref="TrailKey"/>), which the service would not read either.
/// </summary>
public static class LocalTrailFiles
{
    private const string Pattern = "*.json.gz";

    /// <summary>Every log file under the given paths, sorted, each once.</summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, Pattern, SearchOption.AllDirectories))
                {
                    if (IsLogFile(file))
                    {
                        files.Add(file);
                    }
                }
            }
            else
            {
                throw new FileNotFoundException($"'{path}' is neither a file nor a folder", path);
            }
        }

        return [.. files];
    }

    private static bool IsLogFile(string file)
    {
        var normalized = file.Replace('\\', '/');
        var logs = normalized.LastIndexOf("AWSLogs/", StringComparison.Ordinal);
        return logs >= 0
            ? TrailKey.TryParse(normalized[logs..], out var key, out _) && key.Kind == TrailFileKind.Log
            : !Path.GetFileName(file).Contains("_CloudTrail-Digest_", StringComparison.Ordinal);
    }
}
