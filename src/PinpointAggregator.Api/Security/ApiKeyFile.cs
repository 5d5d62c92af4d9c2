using PinpointAggregator.ApiKeys;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// The file that hands the generated key of an unconfigured loopback endpoint to its user and clients on the same machine: one
/// line, the token, readable and writable only by the user (mode 0600, in a folder created 0700). A private
/// file with a well-formed key is reused; one that others could read or swap (a symbolic link, a folder anyone
/// may write to) is replaced, since its key may be known.
/// </summary>
internal static class ApiKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static (ApiKey Key, ApiKeyFileState State) LoadOrCreate(string path)
    {
        var file = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyFolder);
            }
        }

        var state = ApiKeyFileState.Created;
        if (File.Exists(file))
        {
            if (IsPrivate(file) && ApiKey.TryParse(File.ReadAllText(file).Trim(), out var existing))
            {
                return (existing, ApiKeyFileState.Reused);
            }

            state = ApiKeyFileState.Replaced;
        }

        var key = ApiKey.Generate();
        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        Write(temporary, key);
        try
        {
            // A rename: readers see the old file or the whole new one, never half a token.
            File.Move(temporary, file, overwrite: state == ApiKeyFileState.Replaced);
        }
        catch (IOException) when (state == ApiKeyFileState.Created && File.Exists(file))
        {
            // Another process on this machine created it first: use its key, so the file names the key of both.
            File.Delete(temporary);
            return LoadOrCreate(path);
        }

        return (key, state);
    }

    private static bool IsPrivate(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        // A link, or a folder anyone may write to, could hand the service a key that someone else knows.
        var folder = Path.GetDirectoryName(file)!;
        return new FileInfo(file).LinkTarget is null
            && (File.GetUnixFileMode(file) & Others) == 0
            && (File.GetUnixFileMode(folder) & UnixFileMode.OtherWrite) == 0;
    }

    private static void Write(string file, ApiKey key)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created with the mode, not chmod-ed after: there is no moment at which others could open it.
            options.UnixCreateMode = OwnerOnly;
        }

        using var writer = new StreamWriter(file, options);
        writer.WriteLine(key.Format());
    }
}
