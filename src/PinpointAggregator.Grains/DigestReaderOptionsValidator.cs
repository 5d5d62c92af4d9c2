using Microsoft.Extensions.Options;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Grains;

/// <summary>
/// Fails start-up with a message naming the <c>Trail:DigestReader</c> option that is wrong (the rules are
/// <see cref="DigestReaderOptionsRules"/>, which the reader's own guard applies too).
/// </summary>
public sealed class DigestReaderOptionsValidator : IValidateOptions<DigestReaderOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestReaderOptions options) =>
        DigestReaderOptionsRules.Check(options) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
