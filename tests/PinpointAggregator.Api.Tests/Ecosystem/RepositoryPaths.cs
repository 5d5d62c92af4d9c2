namespace PinpointAggregator.Api.Tests.Ecosystem;

/// <summary>Files of the repository the tests run from (the folder holding PinpointAggregator.sln).</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PinpointAggregator.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PinpointAggregator.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Of(params string[] parts) => Path.Combine([Root.Value, .. parts]);
}
