using System.Reflection;

namespace PinpointAggregator.Integration.Tests.Processes;

/// <summary>
/// The silo executable as an operator runs it: <c>src/PinpointAggregator.Host/bin/{Configuration}/{tfm}/PinpointAggregator.Host.dll</c>
/// of this checkout, built with the same configuration and target framework as the tests (the solution build
/// that <c>dotnet test PinpointAggregator.sln</c> runs builds it, and so does this project's reference to it).
/// </summary>
internal static class HostExecutable
{
    private const string Solution = "PinpointAggregator.sln";
    private const string Assembly = "PinpointAggregator.Host.dll";

    private static readonly Lazy<string> Found = new(Find);

    public static string DllPath => Found.Value;

    private static string Find()
    {
        // The tests' own output folder is tests/<project>/bin/<Configuration>/<tfm>/: the same two names apply to the host.
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var framework = output.Name;
        var configuration = typeof(HostExecutable).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? output.Parent!.Name;
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Solution)))
            {
                var dll = Path.Combine(folder.FullName, "src", "PinpointAggregator.Host", "bin", configuration, framework, Assembly);
                return File.Exists(dll)
                    ? dll
                    : throw new InvalidOperationException($"{dll} does not exist. Build the solution first (dotnet build {Solution} -c {configuration}); tests/run-tests.sh does.");
            }
        }

        throw new InvalidOperationException($"No {Solution} above {AppContext.BaseDirectory}: the process tests run from a checkout of the repository.");
    }
}
