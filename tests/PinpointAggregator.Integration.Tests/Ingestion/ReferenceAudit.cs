using System.Text.Json;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Grains.Audit;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Integration.Tests.Ingestion;

/// <summary>
/// The full audit state every application should end with: the sample's files read one after another in
/// one process and folded directly, with no grains, batches, silos or replays. The cluster's state must
/// equal it field for field, however ingestion was interrupted or distributed.
/// </summary>
internal static class ReferenceAudit
{
    public static Dictionary<string, ApplicationAudit> Of(SampleTrail trail, int recentLimit = 50)
    {
        var audits = new Dictionary<string, (ApplicationAuditState Audit, Dictionary<string, EventStamp> Seen)>(StringComparer.Ordinal);
        var reader = AuditEventReader.Create();
        foreach (var file in trail.Files.Where(f => !f.Digest).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var key = TrailKey.TryParse(file.Key, out var parsed, out var reason) ? parsed : throw new InvalidOperationException(reason);
            foreach (var e in reader.ReadFile(Path.Combine(trail.Folder, file.Key)).Events.Where(e => e.Target.ApplicationId is not null))
            {
                var app = new ApplicationKey(key.AccountId, key.Region, e.Target.ApplicationId!).Format();
                if (!audits.TryGetValue(app, out var entry))
                {
                    entry = (new ApplicationAuditState { Account = key.AccountId, Region = key.Region, ApplicationId = e.Target.ApplicationId! }, new(StringComparer.Ordinal));
                    audits.Add(app, entry);
                }

                ApplicationAuditor.Apply(entry.Audit, entry.Seen, e, recentLimit);
            }
        }

        return audits.ToDictionary(p => p.Key, p => p.Value.Audit.ToContract(), StringComparer.Ordinal);
    }

    /// <summary>Every application's audit in the cluster equals the reference, except how many redeliveries were ignored.</summary>
    public static async Task AssertClusterMatchesAsync(IGrainFactory grains, SampleTrail trail)
    {
        var reference = Of(trail);
        Assert.NotEmpty(reference);
        foreach (var (key, expected) in reference)
        {
            var actual = await grains.GetGrain<IApplicationGrain>(key).GetAuditAsync();
            Assert.Equal(Canonical(expected), Canonical(actual));
        }
    }

    /// <summary>Sorted keys, and the one replay-dependent counter zeroed.</summary>
    private static string Canonical(ApplicationAudit audit)
    {
        var node = JsonSerializer.SerializeToNode(audit with { Activity = audit.Activity with { DuplicatesIgnored = 0 } })!;
        return Sort(node)!.ToJsonString();
    }

    private static System.Text.Json.Nodes.JsonNode? Sort(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone())))),
        System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray([.. a.Select(v => Sort(v?.DeepClone()))]),
        _ => node?.DeepClone(),
    };
}
