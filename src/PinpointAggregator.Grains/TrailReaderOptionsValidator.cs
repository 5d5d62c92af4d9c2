using Microsoft.Extensions.Options;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Grains;

/// <summary>
/// Fails start-up with a message naming the <c>Trail:Reader</c> option that is wrong, instead of every
/// prefix failing to construct its reader later.
/// </summary>
/// <remarks>
/// It lives here, beside the binding, rather than beside the options: the trail library stays free of the
/// options framework, which the CLI and tests that construct the reader directly do not use. The rules
/// themselves are <see cref="TrailReaderOptionsRules"/>, which the reader's own guard applies too.
/// </remarks>
public sealed class TrailReaderOptionsValidator : IValidateOptions<TrailReaderOptions>
{
    public ValidateOptionsResult Validate(string? name, TrailReaderOptions options) =>
        TrailReaderOptionsRules.Check(options) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
