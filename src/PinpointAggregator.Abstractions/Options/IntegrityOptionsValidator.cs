using Microsoft.Extensions.Options;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Abstractions.Options;

/// <summary>
/// Fails start-up with a message naming the option that is wrong; a public-key file that cannot be loaded is named with
/// the reason, rather than every digest being reported later with an unknown key.
/// </summary>
public sealed class IntegrityOptionsValidator : IValidateOptions<IntegrityOptions>
{
    public ValidateOptionsResult Validate(string? name, IntegrityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        for (var i = 0; i < options.PublicKeyFiles.Count; i++)
        {
            var at = $"{IntegrityOptions.SectionName}:PublicKeyFiles:{i}";
            var path = options.PublicKeyFiles[i];
            if (string.IsNullOrWhiteSpace(path))
            {
                errors.Add($"{at} must be the path of a public-key file; got '{path}'.");
                continue;
            }

            try
            {
                DigestPublicKeyFile.Load(path);
            }
            catch (DigestPublicKeyFileException e)
            {
                // The loader's message names the file and what is wrong with it.
                errors.Add($"{at}: {e.Message}");
            }
        }

        NotNegative(errors, nameof(options.UnlistedGrace), options.UnlistedGrace);
        NotNegative(errors, nameof(options.ListedLogWait), options.ListedLogWait);
        if (options.UnknownKeyRetry <= TimeSpan.Zero)
        {
            errors.Add($"{IntegrityOptions.SectionName}:UnknownKeyRetry must be positive; got {options.UnknownKeyRetry}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void NotNegative(List<string> errors, string option, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"{IntegrityOptions.SectionName}:{option} must not be negative; got {value}.");
        }
    }
}
