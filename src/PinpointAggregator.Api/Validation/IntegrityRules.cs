using Google.Protobuf.Collections;
using PinpointAggregator.Api.Errors;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Api.Validation;

/// <summary>The fields of ListIntegrityFindings that other requests do not have: one region, and finding kinds.</summary>
internal static class IntegrityRules
{
    /// <summary>An AWS region name, or empty for every region.</summary>
    public static string? Region(string value, string field, FieldViolations violations)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(violations);
        if (value.Length == 0)
        {
            return null;
        }

        if (!TrailNames.IsRegion(value))
        {
            violations.Add(field, "must be an AWS region name such as us-east-1");
            return null;
        }

        return value;
    }

    /// <summary>Kinds the contract defines, not Unspecified (a client may send any number); their stored names, or null for every kind.</summary>
    public static IReadOnlyCollection<string>? Kinds(RepeatedField<IntegrityFindingKind> values, string field, FieldViolations violations)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(violations);
        if (values.Count > RequestLimits.MaxValuesPerField)
        {
            violations.Add(field, $"takes at most {RequestLimits.MaxValuesPerField} values");
            return null;
        }

        var names = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == IntegrityFindingKind.Unspecified || !Enum.IsDefined(values[i]))
            {
                violations.Add($"{field}[{i}]", "must be a finding kind such as INTEGRITY_FINDING_KIND_LOG_MODIFIED (not UNSPECIFIED)");
            }
            else
            {
                names.Add(IntegrityKinds.NameOf(values[i]));
            }
        }

        return names.Count == 0 ? null : [.. names.Distinct(StringComparer.Ordinal)];
    }
}
