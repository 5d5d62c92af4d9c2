using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;

namespace PinpointAggregator.Grains.Quarantine;

/// <summary>
/// A prefix's quarantine evidence as pages of <see cref="PageSize"/> files, one grain each: appending
/// writes one bounded page, so a member account that writes millions of bad files grows the log, never the
/// cost of one write or of the prefix's own checkpoint.
/// </summary>
public static class QuarantineLog
{
    /// <summary>Files per page: 1,000 entries of a few hundred bytes each.</summary>
    public const int PageSize = 1000;

    public static string PageKey(string prefixKey, long page) => $"{prefixKey}#{page}";

    /// <summary>Appends files quarantined after the first <paramref name="logged"/> ones, filling pages in order.</summary>
    public static async Task AppendAsync(IGrainFactory grains, string prefixKey, long logged, IReadOnlyList<QuarantinedFile> files)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(files);
        var position = logged;
        foreach (var chunk in files.Chunk(PageSize))
        {
            // A chunk can straddle two pages; split it at the boundary.
            var room = (int)Math.Min(chunk.Length, PageSize - (position % PageSize));
            await grains.GetGrain<IQuarantineLogGrain>(PageKey(prefixKey, position / PageSize)).AddAsync(chunk[..room]);
            if (room < chunk.Length)
            {
                await grains.GetGrain<IQuarantineLogGrain>(PageKey(prefixKey, (position / PageSize) + 1)).AddAsync(chunk[room..]);
            }

            position += chunk.Length;
        }
    }

    /// <summary>Every quarantined file of the prefix, each key once (its latest quarantine), in page order.</summary>
    public static async Task<IReadOnlyList<QuarantinedFile>> ListAsync(IGrainFactory grains, string prefixKey, long logged)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var pages = (logged + PageSize - 1) / PageSize;
        var all = await Task.WhenAll(Enumerable.Range(0, (int)pages).Select(p => grains.GetGrain<IQuarantineLogGrain>(PageKey(prefixKey, p)).GetAsync()));
        var latest = new Dictionary<string, QuarantinedFile>(StringComparer.Ordinal);
        foreach (var file in all.SelectMany(page => page))
        {
            latest[file.Key] = file;
        }

        return [.. latest.Values];
    }
}
