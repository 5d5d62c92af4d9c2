using Google.Protobuf.WellKnownTypes;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Testing.Integrity;

namespace PinpointAggregator.Api.Tests.Integrity;

/// <summary>A prefix's integrity status as <c>Prefix.integrity</c>, and what an account's prefixes add up to.</summary>
public sealed class IntegrityMappingTests
{
    private static readonly DateTime Noon = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static PrefixStatus Prefix(string region, PrefixIntegrityStatus integrity) =>
        new() { Key = SeededFindings.PrefixOf(SeededFindings.AccountA, region), Integrity = integrity };

    private static readonly PrefixIntegrityStatus Damaged = new()
    {
        Enabled = true,
        ValidatedThrough = Noon,
        ValidatedThroughLag = TimeSpan.FromMinutes(95),
        DigestsChecked = 48,
        FindingsByKind = new Dictionary<string, long> { ["LogDeleted"] = 1, ["DigestMissing"] = 2, ["Gap"] = 3, ["ChainBroken"] = 0 },
        Violations = 3,
        Recent = [SeededFindings.All[3] with { Sequence = 9 }],
        DigestsWaiting = 2,
        LastError = "ListPublicKeys: AccessDenied",
    };

    private static readonly PrefixIntegrityStatus Clean = new()
    {
        Enabled = true,
        ValidatedThrough = Noon.AddHours(-5),
        ValidatedThroughLag = TimeSpan.FromMinutes(65),
        DigestsChecked = 10,
    };

    [Fact]
    public void PrefixIntegrity_CarriesEveryField_KindsMostFirst_ZeroCountsLeftOut()
    {
        var integrity = Prefix("eu-west-1", Damaged).ToProto().Integrity;

        Assert.Equal(
            (true, Timestamp.FromDateTime(Noon), Duration.FromTimeSpan(TimeSpan.FromMinutes(95)), 48L, 3L, 2, "ListPublicKeys: AccessDenied"),
            (integrity.Enabled, integrity.ValidatedThrough, integrity.ValidatedThroughLag, integrity.DigestsChecked, integrity.Violations, integrity.DigestsWaiting, integrity.LastError));
        Assert.Equal(
            [(IntegrityFindingKind.Gap, false, 3L), (IntegrityFindingKind.DigestMissing, true, 2L), (IntegrityFindingKind.LogDeleted, true, 1L)],
            integrity.FindingsByKind.Select(k => (k.Kind, k.Violation, k.Count)));
        var recent = Assert.Single(integrity.RecentFindings);
        Assert.Equal((9L, IntegrityFindingKind.LogDeleted, SeededFindings.All[3].LogKey), (recent.Sequence, recent.Kind, recent.LogKey));
    }

    [Fact]
    public void PrefixIntegrity_BeforeTheFirstDigest_HasNoTimes()
    {
        var integrity = Prefix("us-east-1", new PrefixIntegrityStatus()).ToProto().Integrity;

        Assert.Equal((false, null, null, 0L, string.Empty), (integrity.Enabled, integrity.ValidatedThrough, integrity.ValidatedThroughLag, integrity.Violations, integrity.LastError));
        Assert.Empty(integrity.FindingsByKind);
    }

    [Fact]
    public void AccountIntegrity_AddsUpItsPrefixes_OldestValidatedThroughAndLargestLag()
    {
        var status = new AccountStatus { Account = SeededFindings.AccountA };
        var prefixes = new[] { Prefix("eu-west-1", Damaged), Prefix("us-east-1", Clean), Prefix("us-west-2", new PrefixIntegrityStatus { Enabled = true }) };

        var integrity = status.ToProto(prefixes).Integrity;

        Assert.Equal((3, 2, 1, 3L, 1, 0, 58L, 2), (integrity.Prefixes, integrity.PrefixesValidated, integrity.PrefixesWithViolations, integrity.Violations,
            integrity.PrefixesFailing, integrity.PrefixesDisabled, integrity.DigestsChecked, integrity.DigestsWaiting));
        Assert.Equal(Timestamp.FromDateTime(Noon.AddHours(-5)), integrity.OldestValidatedThrough);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromMinutes(95)), integrity.LargestValidatedThroughLag);
        Assert.Equal([IntegrityFindingKind.Gap, IntegrityFindingKind.DigestMissing, IntegrityFindingKind.LogDeleted], integrity.FindingsByKind.Select(k => k.Kind));
    }

    [Fact]
    public void AnAccountWithAViolation_HasProblems_OneWithOnlyAGapHasNone()
    {
        var status = new AccountStatus { Account = SeededFindings.AccountA };

        Assert.True(AccountMapping.HasProblems(status, [Prefix("eu-west-1", Damaged)]));
        Assert.False(AccountMapping.HasProblems(status, [Prefix("us-east-1", Clean with { FindingsByKind = new Dictionary<string, long> { ["Gap"] = 1 } })]));
    }

    [Fact]
    public void AKindThisApiDoesNotKnow_IsCountedAsAViolation()
    {
        var counts = IntegrityKinds.Counts([new("SomethingNew", 2), new("Gap", 1)]).ToList();

        Assert.Equal([(IntegrityFindingKind.Unspecified, true, 2L), (IntegrityFindingKind.Gap, false, 1L)], counts.Select(c => (c.Kind, c.Violation, c.Count)));
    }

    [Fact]
    public void EveryServiceKindName_HasTheApisKind()
    {
        foreach (var kind in System.Enum.GetValues<Trail.Integrity.IntegrityFindingKind>())
        {
            var api = IntegrityKinds.FromName(kind.ToString());
            Assert.NotEqual(IntegrityFindingKind.Unspecified, api);
            var finding = new Trail.Integrity.IntegrityFinding(kind, null, null, Noon, Noon, string.Empty);
            Assert.Equal(finding.IsViolation, IntegrityKinds.IsViolation(api));
        }
    }
}
