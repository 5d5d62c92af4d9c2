using PinpointAggregator.Api.V1;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Api.Tests;

/// <summary>
/// A member account that sends events naming another account's application id makes an application of its
/// own (account/region/id): the scan-format summary lists both, never one in place of the other.
/// </summary>
[Collection(IngestingService.Name)]
public sealed class ScanSummaryCollisionTests(IngestingServiceFixture service)
{
    [Fact]
    public async Task ApplicationIdUsedByTwoAccounts_BothAreInTheScanSummary()
    {
        // Regression: the summary was keyed by application id alone, so the later account's entry replaced the first's.
        var prefixes = await service.PrefixesAsync();
        var victim = prefixes.First(p => service.GroundTruth.Applications.Values.Any(a => a.Account == p.Account && a.Region == p.Region));
        var attacker = prefixes.First(p => p.Account != victim.Account);
        var (id, truth) = service.GroundTruth.Applications.First(a => a.Value.Account == victim.Account && a.Value.Region == victim.Region);
        var organization = new OrganizationService.OrganizationServiceClient(service.Channel);

        var forged = await SampleFiles.AddAsync(service, attacker, id, IngestingServiceFixture.NextDelivery(), 3);

        var summary = ScanSummaryJson.Deserialize((await organization.GetScanSummaryAsync(new GetScanSummaryRequest())).Json);
        Assert.Equal(victim.Account, summary.Applications[id].Account);
        Assert.True(summary.Applications[id].Events >= truth.Events);
        var other = summary.Applications[$"{id}@{attacker.Account}/{attacker.Region}"];
        Assert.Equal(attacker.Account, other.Account);
        Assert.Equal(forged.Count, other.Events);
    }
}
