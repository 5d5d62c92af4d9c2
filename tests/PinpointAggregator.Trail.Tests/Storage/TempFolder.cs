namespace PinpointAggregator.Trail.Tests.Storage;

/// <summary>A fresh folder under the temp directory, deleted on dispose, with a <c>bucket</c> folder inside.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Parent = Path.Combine(Path.GetTempPath(), "pa-grains-tests-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Parent, "bucket");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder that holds <see cref="Root"/>, for files outside the store.</summary>
    public string Parent { get; }

    /// <summary>The store's root.</summary>
    public string Root { get; }

    /// <summary>Writes the key's file under <see cref="Root"/> with the key itself as content.</summary>
    public void Add(params IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            var path = Path.Combine(Root, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, key);
        }
    }

    public void Dispose() => Directory.Delete(Parent, recursive: true);
}
