using System.Runtime.Versioning;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Api.Security;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>The generated key's file: private from its first byte, reused while private and well-formed, replaced otherwise.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class ApiKeyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pa-keyfile-").FullName;

    private string File_ => Path.Combine(_folder, "config", "pinpoint-audit", "token");

    [Fact]
    public void NoFile_WritesANewKey_ReadableOnlyByTheUser()
    {
        var (key, state) = ApiKeyFile.LoadOrCreate(File_);

        Assert.Equal(ApiKeyFileState.Created, state);
        Assert.Equal(key.Format() + Environment.NewLine, File.ReadAllText(File_));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(File_));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(File_)!));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(File_)!));
    }

    [Fact]
    public void PrivateWellFormedFile_IsReused()
    {
        var (first, _) = ApiKeyFile.LoadOrCreate(File_);

        var (second, state) = ApiKeyFile.LoadOrCreate(File_);

        Assert.Equal(ApiKeyFileState.Reused, state);
        Assert.Equal(first.Format(), second.Format());
    }

    [Fact]
    public void FileOthersCanRead_IsReplacedByAPrivateOne()
    {
        var (first, _) = ApiKeyFile.LoadOrCreate(File_);
        File.SetUnixFileMode(File_, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (second, state) = ApiKeyFile.LoadOrCreate(File_);

        Assert.Equal(ApiKeyFileState.Replaced, state);
        Assert.NotEqual(first.Secret, second.Secret);
        Assert.Equal(second.Format() + Environment.NewLine, File.ReadAllText(File_));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(File_));
    }

    [Fact]
    public void LinkToAnotherKeyFile_IsReplaced()
    {
        var elsewhere = Path.Combine(_folder, "planted");
        var (planted, _) = ApiKeyFile.LoadOrCreate(elsewhere);
        Directory.CreateDirectory(Path.GetDirectoryName(File_)!);
        File.CreateSymbolicLink(File_, elsewhere);

        var (key, state) = ApiKeyFile.LoadOrCreate(File_);

        Assert.Equal(ApiKeyFileState.Replaced, state);
        Assert.NotEqual(planted.Secret, key.Secret);
        Assert.Null(new FileInfo(File_).LinkTarget);
        Assert.Equal(planted.Format() + Environment.NewLine, File.ReadAllText(elsewhere));
    }

    [Fact]
    public void KeyInAFolderAnyoneMayWriteTo_IsReplaced()
    {
        var (first, _) = ApiKeyFile.LoadOrCreate(File_);
        File.SetUnixFileMode(Path.GetDirectoryName(File_)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);

        var (second, state) = ApiKeyFile.LoadOrCreate(File_);

        Assert.Equal(ApiKeyFileState.Replaced, state);
        Assert.NotEqual(first.Secret, second.Secret);
    }

    [Fact]
    public void FileWithoutAKey_IsReplaced()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File_)!);
        File.WriteAllText(File_, "not a key\n");
        File.SetUnixFileMode(File_, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (key, state) = ApiKeyFile.LoadOrCreate(File_);

        Assert.Equal(ApiKeyFileState.Replaced, state);
        Assert.True(ApiKey.TryParse(File.ReadAllText(File_).Trim(), out var written));
        Assert.Equal(key.Format(), written.Format());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
