using YamlDotNet.RepresentationModel;

namespace PinpointAggregator.Host.Tests.Deploy;

/// <summary>The repository's own files, found from the test binaries by walking up to the solution file.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Every YAML document in a file (a file may hold several, separated by <c>---</c>).</summary>
    public static IReadOnlyList<YamlMappingNode> YamlDocuments(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    /// <summary>The node at a path of mapping keys, or null when any key is missing.</summary>
    public static YamlNode? At(this YamlNode node, params string[] keys)
    {
        var current = node;
        foreach (var key in keys)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string? Scalar(this YamlNode node, params string[] keys) => (node.At(keys) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] keys) =>
        node.At(keys) is YamlSequenceNode sequence ? sequence.Children : [];

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PinpointAggregator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PinpointAggregator.sln above {AppContext.BaseDirectory}.");
    }
}
