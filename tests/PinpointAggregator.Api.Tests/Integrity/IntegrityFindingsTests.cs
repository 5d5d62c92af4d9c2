using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Api.Tests.Ecosystem;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Testing.Integrity;
using static PinpointAggregator.Testing.Integrity.SeededFindings;

namespace PinpointAggregator.Api.Tests.Integrity;

/// <summary>
/// ListIntegrityFindings and GetIntegritySummary over known findings (<see cref="SeededFindings"/>): every
/// filter, paging with signed tokens, the caller's scope, and the summary's counts.
/// </summary>
[Collection(SharedService.Name)]
public sealed class IntegrityFindingsTests(ServiceFixture service) : IAsyncLifetime
{
    private readonly IntegrityService.IntegrityServiceClient _integrity = new(service.Channel);

    public Task InitializeAsync() => EnsureAsync(service.Services.GetRequiredService<IIntegrityFindingStore>());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Findings_OfAnAccount_AreEveryOneOfIt_NewestFirst_FieldForField()
    {
        var response = await _integrity.ListIntegrityFindingsAsync(new ListIntegrityFindingsRequest { Accounts = { AccountA } });

        Assert.Equal(["seeded finding 4", "seeded finding 3", "seeded finding 2", "seeded finding 1", "seeded finding 0"], response.Findings.Select(f => f.Detail));
        Assert.Empty(response.NextPageToken);
        var first = response.Findings[^1];
        var seeded = All[0];
        Assert.Equal(
            (seeded.Prefix, AccountA, "us-east-1", IntegrityFindingKind.LogModified, true, seeded.DigestKey, seeded.LogKey),
            (first.Prefix, first.Account, first.Region, first.Kind, first.Violation, first.DigestKey, first.LogKey));
        Assert.Equal(
            (Timestamp.FromDateTime(seeded.From), Timestamp.FromDateTime(seeded.Until), Timestamp.FromDateTime(FirstFoundAt)),
            (first.StartTime, first.EndTime, first.FoundTime));
        Assert.True(response.Findings.Zip(response.Findings.Skip(1)).All(p => p.First.Sequence > p.Second.Sequence));
        var gap = response.Findings.Single(f => f.Kind == IntegrityFindingKind.Gap);
        Assert.False(gap.Violation);
        Assert.Empty(gap.LogKey);
    }

    [Fact]
    public async Task EachFilter_NarrowsToExactlyItsFindings()
    {
        async Task<string[]> Details(ListIntegrityFindingsRequest request) =>
            [.. (await _integrity.ListIntegrityFindingsAsync(request)).Findings.Select(f => f.Detail)];
        var both = new[] { AccountA, AccountB };

        Assert.Equal(["seeded finding 4", "seeded finding 3", "seeded finding 1", "seeded finding 0"], await Details(new() { Accounts = { AccountA }, ViolationsOnly = true }));
        Assert.Equal(["seeded finding 4", "seeded finding 3"], await Details(new() { Accounts = { AccountA }, Region = "eu-west-1" }));
        Assert.Equal(["seeded finding 6", "seeded finding 5", "seeded finding 2", "seeded finding 1", "seeded finding 0"], await Details(new() { Accounts = { both }, Region = "us-east-1" }));
        Assert.Equal(["seeded finding 4", "seeded finding 1"], await Details(new() { Accounts = { both }, Kinds = { IntegrityFindingKind.DigestMissing } }));
        Assert.Equal(["seeded finding 6", "seeded finding 5"], await Details(new() { Accounts = { both }, Kinds = { IntegrityFindingKind.SignatureInvalid, IntegrityFindingKind.LogNotInAnyDigest } }));
        Assert.Empty(await Details(new() { Accounts = { both }, Kinds = { IntegrityFindingKind.Gap }, ViolationsOnly = true }));
        Assert.Equal(["seeded finding 4", "seeded finding 3", "seeded finding 2"], await Details(new()
        {
            Accounts = { both },
            FoundStartTime = Timestamp.FromDateTime(FirstFoundAt.AddMinutes(90)),
            FoundEndTime = Timestamp.FromDateTime(FirstFoundAt.AddHours(4).AddMinutes(30)),
        }));
        Assert.Equal(["seeded finding 2"], await Details(new() { Accounts = { both }, FoundStartTime = Timestamp.FromDateTime(FirstFoundAt.AddHours(2)), FoundEndTime = Timestamp.FromDateTime(FirstFoundAt.AddHours(3)) }));
    }

    [Fact]
    public async Task Pages_FollowOneAnother_AndATokenIsRefusedWithOtherFilters()
    {
        var request = new ListIntegrityFindingsRequest { Accounts = { AccountA, AccountB }, ViolationsOnly = true, PageSize = 4 };
        var whole = await _integrity.ListIntegrityFindingsAsync(request);
        var first = await _integrity.ListIntegrityFindingsAsync(new ListIntegrityFindingsRequest(request) { PageSize = 2 });
        var second = await _integrity.ListIntegrityFindingsAsync(new ListIntegrityFindingsRequest(request) { PageSize = 3, PageToken = first.NextPageToken });
        var third = await _integrity.ListIntegrityFindingsAsync(new ListIntegrityFindingsRequest(request) { PageSize = 3, PageToken = second.NextPageToken });

        Assert.Equal(["seeded finding 6", "seeded finding 5", "seeded finding 4", "seeded finding 3"], whole.Findings.Select(f => f.Detail));
        Assert.NotEmpty(whole.NextPageToken);
        Assert.Equal(
            ["seeded finding 6", "seeded finding 5", "seeded finding 4", "seeded finding 3", "seeded finding 1", "seeded finding 0"],
            first.Findings.Concat(second.Findings).Concat(third.Findings).Select(f => f.Detail));
        Assert.Empty(third.NextPageToken);

        foreach (var other in new[]
        {
            new ListIntegrityFindingsRequest(request) { ViolationsOnly = false },
            new ListIntegrityFindingsRequest(request) { Region = "us-east-1" },
            new ListIntegrityFindingsRequest(request) { Kinds = { IntegrityFindingKind.LogDeleted } },
            new ListIntegrityFindingsRequest(request) { Accounts = { AccountA } },
        })
        {
            other.PageToken = first.NextPageToken;
            var e = await Errors.CallFails(() => _integrity.ListIntegrityFindingsAsync(other).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Equal(["page_token"], e.BadFields());
        }
    }

    [Fact]
    public async Task TokenOfAnotherList_IsRefused()
    {
        var accounts = await new OrganizationService.OrganizationServiceClient(service.Channel).ListAccountsAsync(new ListAccountsRequest { PageSize = 1 });
        Assert.NotEmpty(accounts.NextPageToken);

        var e = await Errors.CallFails(() => _integrity.ListIntegrityFindingsAsync(new ListIntegrityFindingsRequest { PageToken = accounts.NextPageToken }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(["page_token"], e.BadFields());
    }

    [Fact]
    public async Task ScopedCaller_SeesOnlyItsAccountsFindings_AndNamingAnotherIsDeniedWhetherOrNotItHasAny()
    {
        var mine = await _integrity.ListIntegrityFindingsAsync(new ListIntegrityFindingsRequest(), TestCaller.ScopedViewer(AccountB));
        var summary = await _integrity.GetIntegritySummaryAsync(new GetIntegritySummaryRequest(), TestCaller.ScopedViewer(AccountB));

        Assert.Equal(["seeded finding 6", "seeded finding 5"], mine.Findings.Select(f => f.Detail));
        Assert.Equal(
            [(IntegrityFindingKind.LogNotInAnyDigest, 1L), (IntegrityFindingKind.SignatureInvalid, 1L)],
            summary.FindingsByKind.Select(k => (k.Kind, k.Count)));
        Assert.Equal(2, summary.Violations);

        const string NoFindings = "999999999999";
        var denied = new List<RpcException>();
        foreach (var account in new[] { AccountA, NoFindings })
        {
            denied.Add(await Errors.CallFails(() => _integrity.ListIntegrityFindingsAsync(new ListIntegrityFindingsRequest { Accounts = { account } }, TestCaller.ScopedViewer(AccountB)).ResponseAsync));
            denied.Add(await Errors.CallFails(() => _integrity.ListIntegrityFindingsAsync(new ListIntegrityFindingsRequest { Accounts = { AccountB, account } }, TestCaller.ScopedViewer(AccountB)).ResponseAsync));
            denied.Add(await Errors.CallFails(() => _integrity.GetIntegritySummaryAsync(new GetIntegritySummaryRequest { Accounts = { account } }, TestCaller.ScopedViewer(AccountB)).ResponseAsync));
        }

        Assert.All(denied, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        // The same words for an account with findings and one without, but for the account named.
        Assert.Equal(
            denied.Take(3).Select(e => e.Status.Detail.Replace(AccountA, "ACCOUNT", StringComparison.Ordinal)),
            denied.Skip(3).Select(e => e.Status.Detail.Replace(NoFindings, "ACCOUNT", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Summary_CountsTheFindingsByKind_ViolationsApart()
    {
        var summary = await _integrity.GetIntegritySummaryAsync(new GetIntegritySummaryRequest { Accounts = { AccountA } });

        Assert.Equal(
            [(IntegrityFindingKind.DigestMissing, true, 2L), (IntegrityFindingKind.LogModified, true, 1L), (IntegrityFindingKind.LogDeleted, true, 1L), (IntegrityFindingKind.Gap, false, 1L)],
            summary.FindingsByKind.Select(k => (k.Kind, k.Violation, k.Count)));
        Assert.Equal(4, summary.Violations);

        // Neither seeded account has trail prefixes: nothing was validated there.
        Assert.Equal((0, 0, null), (summary.Prefixes, summary.PrefixesValidated, summary.OldestValidatedThrough));
    }

    [Fact]
    public async Task Summary_OfTheWholeOrganization_CountsEveryPrefixListAccountsShows()
    {
        var summary = await _integrity.GetIntegritySummaryAsync(new GetIntegritySummaryRequest());
        var accounts = await new OrganizationService.OrganizationServiceClient(service.Channel).ListAccountsAsync(new ListAccountsRequest { PageSize = 1000 });
        var prefixes = accounts.Accounts.SelectMany(a => a.Prefixes).ToList();

        Assert.NotEmpty(prefixes);
        Assert.Equal(prefixes.Count, summary.Prefixes);
        Assert.All(prefixes, p => Assert.NotNull(p.Integrity));
        Assert.Equal(prefixes.Count(p => !p.Integrity.Enabled), summary.PrefixesDisabled);
        Assert.Equal(accounts.Accounts.Sum(a => a.Integrity.Prefixes), summary.Prefixes);

        // The store's findings of every account, the seeded ones among them.
        Assert.True(summary.Violations >= All.Count(f => f.IsViolation), $"{summary.Violations} violations");
    }

    [Fact]
    public async Task Findings_AsJson_AreTheGrpcAnswer()
    {
        var grpc = await _integrity.ListIntegrityFindingsAsync(new ListIntegrityFindingsRequest { Accounts = { AccountA }, Kinds = { IntegrityFindingKind.DigestMissing } });

        var (status, body) = await Curl.GetAsync(
            new Uri(service.HttpAddress, $"/v1/integrity/findings?accounts={AccountA}&kinds=INTEGRITY_FINDING_KIND_DIGEST_MISSING"), service.Bearer);

        Assert.Equal(200, status);
        Assert.Equal(2, grpc.Findings.Count);
        Assert.Equal(grpc, JsonParser.Default.Parse<ListIntegrityFindingsResponse>(body));
    }
}
