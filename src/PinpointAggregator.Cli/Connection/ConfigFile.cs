using System.Text.Json;

namespace PinpointAggregator.Cli.Connection;

/// <summary>
/// The CLI's config file, <c>~/.config/pinpoint-audit/config.json</c> or <c>--config PATH</c>:
/// <code>{ "address": "https://...", "token": "...", "tokenFile": "path", "caFile": "path" }</code>
/// Every key is optional; an unknown key is an error, so a misspelt one is not silently ignored. Relative
/// paths are relative to the file's folder.
/// </summary>
internal sealed record ConfigFile(string? Address, string? Token, string? TokenFile, string? CaFile)
{
    public static readonly ConfigFile Empty = new(null, null, null, null);

    private static readonly string[] Keys = ["address", "token", "tokenFile", "caFile"];

    /// <summary>Reads a config file; <paramref name="required"/> says whether a missing file is an error (an explicit path) or nothing (the default path).</summary>
    public static ConfigFile Read(string path, bool required)
    {
        if (!File.Exists(path))
        {
            return required ? throw new UsageException($"config file {path} does not exist") : Empty;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // The parser's message names a line and position; it never quotes the file's content.
            throw new UsageException($"config file {path} cannot be read: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"config file {path} must hold a JSON object");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Keys.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new UsageException($"config file {path}: unknown key \"{property.Name}\" (known: {string.Join(", ", Keys)})");
                }

                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    throw new UsageException($"config file {path}: \"{property.Name}\" must be a string");
                }

                values[property.Name] = property.Value.GetString()!;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            return new ConfigFile(
                values.GetValueOrDefault("address"),
                values.GetValueOrDefault("token"),
                Relative(folder, values.GetValueOrDefault("tokenFile")),
                Relative(folder, values.GetValueOrDefault("caFile")));
        }
    }

    private static string? Relative(string folder, string? path) => string.IsNullOrEmpty(path) ? null : Path.Combine(folder, path);
}
