using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Abstractions;

/// <summary>
/// How the pure audit library's types cross grain calls: as System.Text.Json, since that library carries no
/// Orleans attributes. Every silo and client of the cluster registers it.
/// </summary>
public static class PinpointSerialization
{
    public static IServiceCollection AddPinpointSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: type => type.Assembly == typeof(AuditEvent).Assembly));
}
