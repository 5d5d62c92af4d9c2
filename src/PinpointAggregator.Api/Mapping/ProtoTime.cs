using Google.Protobuf.WellKnownTypes;

namespace PinpointAggregator.Api.Mapping;

/// <summary>Times between the domain (UTC <see cref="DateTime"/>) and protobuf's well-known types.</summary>
internal static class ProtoTime
{
    public static Timestamp? ToTimestamp(DateTime? time) => time is { } t ? Timestamp.FromDateTime(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    public static Duration? ToDuration(TimeSpan? span) => span is { } s ? Duration.FromTimeSpan(s) : null;
}
