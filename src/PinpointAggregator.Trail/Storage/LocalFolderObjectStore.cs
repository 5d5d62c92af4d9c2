namespace PinpointAggregator.Trail.Storage;

/// <summary>
/// A local folder read as a bucket: the relative path with <c>/</c> separators is the key. Used by the
/// embedded default, demos and tests; listings follow S3's rules so the grains cannot tell the difference.
/// </summary>
public sealed class LocalFolderObjectStore(string root) : ITrailObjectStore
{
    /// <summary>S3's page size for <c>ListObjectsV2</c>.</summary>
    public const int PageSize = 1000;

    private readonly string _root = Path.GetFullPath(root);

    /// <summary>The root with one trailing separator: a key's path must start with it, so a sibling folder
    /// whose name merely starts with the root's (<c>../bucket-old/x</c>) is outside.</summary>
    private string RootFolder => Path.EndsInDirectorySeparator(_root) ? _root : _root + Path.DirectorySeparatorChar;

    public Task<TrailObjectListing> ListAsync(TrailListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var after = MaxOrdinal(request.StartAfter, request.ContinuationToken);
        var objects = new List<TrailObject>();
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        string? last = null;
        foreach (var (key, file) in FilesUnder(request.Prefix))
        {
            if (after is not null && string.CompareOrdinal(key, after) <= 0)
            {
                continue;
            }

            // A key under a common prefix already on this page adds nothing (its keys are contiguous), so a
            // full page ends only before a new entry, and the next page never repeats a prefix.
            var cut = request.Delimiter is { Length: > 0 } d ? key.IndexOf(d, request.Prefix.Length, StringComparison.Ordinal) : -1;
            var commonPrefix = cut >= 0 ? key[..(cut + request.Delimiter!.Length)] : null;
            if ((commonPrefix is null || !prefixes.Contains(commonPrefix)) && objects.Count + prefixes.Count == PageSize)
            {
                return Task.FromResult(new TrailObjectListing(objects, [.. prefixes], last));
            }

            if (commonPrefix is not null)
            {
                prefixes.Add(commonPrefix);
            }
            else
            {
                objects.Add(new TrailObject(key, file.Length));
            }

            last = key;
        }

        return Task.FromResult(new TrailObjectListing(objects, [.. prefixes], null));
    }

    /// <remarks>
    /// Sequential scan: the reader makes one forward pass, so the system can read ahead and need not keep
    /// the pages behind it. A file the service may not read is denied (like a refused role): left for a
    /// later poll rather than judged.
    /// </remarks>
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream>(Open(key));
        }
        catch (TrailStoreException e)
        {
            return Task.FromException<Stream>(e);
        }
    }

    private FileStream Open(string key)
    {
        var path = PathOf(key);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TrailStoreException(TrailStoreErrorKind.NotFound, "NoSuchKey", $"No file for key '{key}'.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new TrailStoreException(TrailStoreErrorKind.Denied, "AccessDenied", $"Opening '{key}' was refused: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new TrailStoreException(TrailStoreErrorKind.Transient, "IOError", $"Opening '{key}' failed: {e.Message}", e);
        }
    }

    /// <summary>Files under the prefix in ordinal key order, walking only the prefix's deepest folder.</summary>
    /// <remarks>The enumeration's <see cref="FileInfo"/> already holds the length, so sizes cost no extra call.</remarks>
    private IEnumerable<(string Key, FileInfo File)> FilesUnder(string prefix)
    {
        var folder = new DirectoryInfo(Path.Combine(_root, prefix[..(prefix.LastIndexOf('/') + 1)]));
        if (!folder.Exists)
        {
            return [];
        }

        return folder.EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(file => (Key: Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'), File: file))
            .Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal);
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        return path.StartsWith(RootFolder, StringComparison.Ordinal)
            ? path
            : throw new TrailStoreException(TrailStoreErrorKind.NotFound, "InvalidKey", $"Key '{key}' leaves the folder.");
    }

    private static string? MaxOrdinal(string? a, string? b) =>
        a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;
}
