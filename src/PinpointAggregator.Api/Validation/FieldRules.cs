using System.Reflection;
using Google.Protobuf.Collections;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using PinpointAggregator.Api.Errors;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Api.Validation;

/// <summary>
/// The rules for single request fields. Each adds a violation naming the field (and the index of a bad
/// value of a repeated field, <c>filter.accounts[2]</c>) and returns the value the services use.
/// </summary>
internal static class FieldRules
{
    /// <summary>0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range of protobuf's Timestamp (and of DateTime).</summary>
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;

    public static IReadOnlyList<string> AccountIds(RepeatedField<string> values, string field, FieldViolations violations) =>
        Each(values, field, violations, v => TrailNames.IsAccountId(v) ? null : "must be a 12-digit AWS account id");

    public static IReadOnlyList<string> Regions(RepeatedField<string> values, string field, FieldViolations violations) =>
        Each(values, field, violations, v => TrailNames.IsRegion(v) ? null : "must be an AWS region name such as us-east-1");

    public static IReadOnlyList<string> ApplicationIds(RepeatedField<string> values, string field, FieldViolations violations) =>
        Each(values, field, violations, v => PinpointNames.IsApplicationId(v) ? null : "must be a Pinpoint application id: 1 to 64 ASCII letters and digits");

    public static IReadOnlyList<string> Actions(RepeatedField<string> values, string field, FieldViolations violations) =>
        Each(values, field, violations, v => v.Length is > 0 and <= RequestLimits.MaxValueLength && v.All(char.IsAsciiLetterOrDigit)
            ? null
            : $"must be a CloudTrail event name such as CreateCampaign (1 to {RequestLimits.MaxValueLength} ASCII letters and digits)");

    /// <summary>Values compared as they are (callers, error codes, source IPs): any text, not empty, bounded.</summary>
    public static IReadOnlyList<string> Texts(RepeatedField<string> values, string field, int maxLength, FieldViolations violations) =>
        Each(values, field, violations, v => v.Length is > 0 && v.Length <= maxLength ? null : $"must be 1 to {maxLength} characters");

    public static bool IsAccountId(string value) => TrailNames.IsAccountId(value);

    /// <summary>A page size of 0 means the default; 1 to <see cref="ApiOptions.MaxPageSize"/> as asked.</summary>
    public static int PageSize(int value, ApiOptions options, FieldViolations violations)
    {
        if (value < 0 || value > options.MaxPageSize)
        {
            violations.Add("page_size", $"must be 0 (the default, {options.DefaultPageSize}) to {options.MaxPageSize}");
            return options.DefaultPageSize;
        }

        return value == 0 ? options.DefaultPageSize : value;
    }

    /// <summary>A count with a default for 0: 1 to <paramref name="max"/> as asked.</summary>
    public static int Count(int value, string field, int defaultValue, int max, FieldViolations violations)
    {
        if (value < 0 || value > max)
        {
            violations.Add(field, $"must be 0 (the default, {defaultValue}) to {max}");
            return defaultValue;
        }

        return value == 0 ? defaultValue : value;
    }

    /// <summary>An enum value the contract defines; a client may send any number.</summary>
    public static void Defined<TEnum>(TEnum value, string field, FieldViolations violations)
        where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            var names = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => f.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? f.Name);
            violations.Add(field, $"must be one of {string.Join(", ", names)}");
        }
    }

    /// <summary>A timestamp that is set, as UTC; a value outside protobuf's range (years 1 to 9999) is a violation.</summary>
    public static DateTime? Time(Timestamp? value, string field, FieldViolations violations)
    {
        if (value is null)
        {
            return null;
        }

        // A client can send any seconds and nanos; Timestamp.ToDateTime would throw outside this range.
        if (value.Nanos is < 0 or > 999_999_999 || value.Seconds is < MinTimestampSeconds or > MaxTimestampSeconds)
        {
            violations.Add(field, "must be a valid timestamp between the years 1 and 9999");
            return null;
        }

        return value.ToDateTime();
    }

    /// <summary>An end after a start, both optional unless <paramref name="required"/>; the violation names the end.</summary>
    public static (DateTime? Start, DateTime? End) TimeRange(Timestamp? start, Timestamp? end, string startField, string endField, bool required, FieldViolations violations)
    {
        var from = Time(start, startField, violations);
        var until = Time(end, endField, violations);
        if (required && start is null)
        {
            violations.Add(startField, "is required");
        }

        if (required && end is null)
        {
            violations.Add(endField, "is required");
        }

        if (from is { } a && until is { } b && b <= a)
        {
            violations.Add(endField, $"must be after {startField}");
        }

        return (from, until);
    }

    public static string? Bounded(string value, string field, int maxLength, FieldViolations violations)
    {
        if (value.Length > maxLength)
        {
            violations.Add(field, $"must be at most {maxLength} characters");
            return null;
        }

        return value.Length == 0 ? null : value;
    }

    private static List<string> Each(RepeatedField<string> values, string field, FieldViolations violations, Func<string, string?> problem)
    {
        if (values.Count > RequestLimits.MaxValuesPerField)
        {
            violations.Add(field, $"takes at most {RequestLimits.MaxValuesPerField} values");
            return [];
        }

        var valid = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (problem(values[i]) is { } description)
            {
                violations.Add($"{field}[{i}]", description);
            }
            else
            {
                valid.Add(values[i]);
            }
        }

        return [.. valid.Distinct(StringComparer.Ordinal)];
    }
}
