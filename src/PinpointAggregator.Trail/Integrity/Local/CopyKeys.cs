namespace PinpointAggregator.Trail.Integrity.Local;

/// <summary>
/// How keys of a local copy meet the keys digests state: from their <c>AWSLogs/</c> segment on. A copy's root is
/// the bucket or any prefix of it, and a local copy knows neither, so the bucket prefix is not compared.
/// </summary>
internal static class CopyKeys
{
    private const string Logs = "AWSLogs/";

    /// <summary>The key from its (last) <c>AWSLogs/</c> segment on; the key itself when it has none.</summary>
    public static string FromAwsLogs(string key)
    {
        if (key.StartsWith(Logs, StringComparison.Ordinal))
        {
            return key;
        }

        var at = key.LastIndexOf("/" + Logs, StringComparison.Ordinal);
        return at < 0 ? key : key[(at + 1)..];
    }
}
