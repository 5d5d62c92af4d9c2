using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Api.V1;
using static PinpointAggregator.Api.Mapping.ProtoTime;

namespace PinpointAggregator.Api.Mapping;

/// <summary>A prefix's integrity status and the stored findings (the service's contracts) as the API's messages.</summary>
internal static class IntegrityMapping
{
    public static PrefixIntegrity ToProto(this PrefixIntegrityStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var integrity = new PrefixIntegrity
        {
            Enabled = status.Enabled,
            ValidatedThrough = ToTimestamp(status.ValidatedThrough),
            ValidatedThroughLag = ToDuration(status.ValidatedThroughLag),
            DigestsChecked = status.DigestsChecked,
            Violations = status.Violations,
            DigestsWaiting = status.DigestsWaiting,
            LastError = status.LastError ?? string.Empty,
        };
        integrity.FindingsByKind.AddRange(IntegrityKinds.Counts(status.FindingsByKind));
        integrity.RecentFindings.AddRange(status.Recent.Select(ToProto));
        return integrity;
    }

    public static IntegrityFinding ToProto(this IntegrityFindingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new IntegrityFinding
        {
            Sequence = record.Sequence,
            Prefix = record.Prefix,
            Account = record.Account,
            Region = record.Region,
            Kind = IntegrityKinds.FromName(record.Kind),
            Violation = record.IsViolation,
            DigestKey = record.DigestKey ?? string.Empty,
            LogKey = record.LogKey ?? string.Empty,
            StartTime = ToTimestamp(record.From),
            EndTime = ToTimestamp(record.Until),
            Detail = record.Detail,
            FoundTime = ToTimestamp(record.FoundAt),
        };
    }
}
