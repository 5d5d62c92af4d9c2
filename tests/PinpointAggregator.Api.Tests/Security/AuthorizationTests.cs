using Grpc.Core;
using Grpc.Net.Client;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>
/// What an authenticated caller may do: operations need the operator role, and a caller scoped to accounts
/// (listed, or through a named group) is refused everything else, whether or not it exists.
/// </summary>
[Collection(SecuredService.Name)]
public sealed class AuthorizationTests(SecuredServiceFixture service) : IDisposable
{
    private readonly GrpcChannel _channel = service.CreateChannel(token: null);

    [Fact]
    public async Task ViewerKey_CallingAnOperatorRpc_IsPermissionDenied()
    {
        foreach (var key in new[] { service.ViewerKey, service.TeamViewerKey })
        {
            var e = await Errors.CallFails(() => Operations.ListOperationsAsync(new ListOperationsRequest(), Bearer(key.Format())).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
            Assert.Equal("This call needs the operator role.", e.Status.Detail);
        }
    }

    [Fact]
    public async Task OperatorKey_CallingAnOperatorRpc_IsServed()
    {
        var answer = await Operations.ListOperationsAsync(new ListOperationsRequest(), Bearer(service.OperatorKey.Format()));

        Assert.NotNull(answer);
    }

    [Fact]
    public async Task Jwt_Role_DecidesOperatorRpcs()
    {
        var viewer = service.Tokens.Create(AuthenticationTests.Claims("viewer"));
        var both = service.Tokens.Create(new Dictionary<string, object> { ["sub"] = "lead", ["pinpoint_role"] = new[] { "viewer", "operator" } });

        var e = await Errors.CallFails(() => Operations.ListOperationsAsync(new ListOperationsRequest(), Bearer(viewer)).ResponseAsync);
        var answer = await Operations.ListOperationsAsync(new ListOperationsRequest(), Bearer(both));

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.NotNull(answer);
    }

    [Fact]
    public async Task GroupScopedKey_SeesOnlyItsGroupsAccounts()
    {
        var token = service.TeamViewerKey.Format();

        await AssertSeesAsync(token, service.TeamAccount);
        await AssertDeniedAsync(token, service.ScopedAccount);
        await AssertDeniedAsync(token, service.OtherAccount);
    }

    [Fact]
    public async Task AccountScopedKey_SeesOnlyItsAccounts()
    {
        var token = service.AccountViewerKey.Format();

        await AssertSeesAsync(token, service.ScopedAccount);
        await AssertDeniedAsync(token, service.TeamAccount);
        await AssertDeniedAsync(token, service.OtherAccount);
    }

    [Fact]
    public async Task UnscopedViewer_SeesEveryAccount()
    {
        foreach (var account in new[] { service.TeamAccount, service.ScopedAccount, service.OtherAccount })
        {
            await AssertSeesAsync(service.ViewerKey.Format(), account);
        }
    }

    [Fact]
    public async Task ScopedCaller_NamingAnApplicationThatDoesNotExist_GetsTheSameDenial()
    {
        var missing = $"accounts/{service.OtherAccount}/regions/us-east-1/applications/nosuchapp0";
        var existing = NameIn(service.OtherAccount);

        var forMissing = await Errors.CallFails(() => Applications.GetApplicationAsync(new GetApplicationRequest { Name = missing }, Bearer(service.TeamViewerKey.Format())).ResponseAsync);
        var forExisting = await Errors.CallFails(() => Applications.GetApplicationAsync(new GetApplicationRequest { Name = existing }, Bearer(service.TeamViewerKey.Format())).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, forMissing.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, forExisting.StatusCode);
        Assert.Equal($"The caller may not read {missing}.", forMissing.Status.Detail);
        Assert.Equal($"The caller may not read {existing}.", forExisting.Status.Detail);
    }

    [Fact]
    public async Task JwtAccountsClaim_ScopesTheCaller_AsAnArrayOrAList()
    {
        var array = service.Tokens.Create(new Dictionary<string, object> { ["sub"] = "a", ["pinpoint_role"] = "viewer", ["pinpoint_accounts"] = new[] { service.ScopedAccount } });
        var list = service.Tokens.Create(new Dictionary<string, object> { ["sub"] = "b", ["pinpoint_role"] = "viewer", ["pinpoint_accounts"] = $"{service.ScopedAccount}, {service.TeamAccount}" });

        await AssertSeesAsync(array, service.ScopedAccount);
        await AssertDeniedAsync(array, service.TeamAccount);
        await AssertSeesAsync(list, service.ScopedAccount);
        await AssertSeesAsync(list, service.TeamAccount);
        await AssertDeniedAsync(list, service.OtherAccount);
    }

    [Fact]
    public async Task JwtGroupsClaim_ScopesTheCallerToTheGroupsAccounts()
    {
        var team = service.Tokens.Create(new Dictionary<string, object> { ["sub"] = "c", ["pinpoint_role"] = "viewer", ["pinpoint_groups"] = new[] { SecuredServiceFixture.TeamGroup.ToUpperInvariant() } });

        await AssertSeesAsync(team, service.TeamAccount);
        await AssertDeniedAsync(team, service.OtherAccount);
    }

    [Fact]
    public async Task JwtNamingOnlyAnUnknownGroup_SeesNothing()
    {
        var token = service.Tokens.Create(new Dictionary<string, object> { ["sub"] = "d", ["pinpoint_role"] = "operator", ["pinpoint_groups"] = "no-such-group" });

        foreach (var account in new[] { service.TeamAccount, service.ScopedAccount, service.OtherAccount })
        {
            await AssertDeniedAsync(token, account);
        }
    }

    public static TheoryData<string, object> EmptyScopes => new()
    {
        { "pinpoint_accounts", Array.Empty<string>() },
        { "pinpoint_accounts", "" },
        { "pinpoint_accounts", " , " },
        { "pinpoint_groups", Array.Empty<string>() },
        { "pinpoint_groups", "" },
        { "pinpoint_accounts", new[] { "" } },
        { "pinpoint_accounts", new[] { " " } },
    };

    /// <summary>
    /// Regression: a token whose accounts (or groups) claim was present but empty was unrestricted, as if it
    /// had none; an identity provider writes an empty claim for a user who may see no account.
    /// </summary>
    [Theory]
    [MemberData(nameof(EmptyScopes))]
    public async Task JwtWithAnEmptyScopeClaim_SeesNothing(string claim, object value)
    {
        var token = service.Tokens.Create(new Dictionary<string, object> { ["sub"] = "e", ["pinpoint_role"] = "operator", [claim] = value });

        foreach (var account in new[] { service.TeamAccount, service.ScopedAccount, service.OtherAccount })
        {
            await AssertDeniedAsync(token, account);
        }
    }

    /// <summary>
    /// Regression (found in review): an issuer that moves a large groups claim out of the token (OpenID
    /// Connect distributed claims, as Entra ID does past 200 groups) left a token with no groups claim: it was
    /// unrestricted. It is scoped, by groups this service cannot see, so it sees nothing.
    /// </summary>
    [Fact]
    public async Task JwtWhoseGroupsClaimIsDistributed_SeesNothing()
    {
        var token = service.Tokens.Create(new Dictionary<string, object>
        {
            ["sub"] = "g",
            ["pinpoint_role"] = "viewer",
            ["_claim_names"] = new Dictionary<string, object> { ["pinpoint_groups"] = "src1" },
            ["_claim_sources"] = new Dictionary<string, object> { ["src1"] = new Dictionary<string, object> { ["endpoint"] = "https://graph.example.invalid/groups" } },
        });

        foreach (var account in new[] { service.TeamAccount, service.ScopedAccount, service.OtherAccount })
        {
            await AssertDeniedAsync(token, account);
        }
    }

    [Fact]
    public async Task JwtWithoutScopeClaims_SeesEveryAccount()
    {
        var token = service.Tokens.Create(new Dictionary<string, object> { ["sub"] = "f", ["pinpoint_role"] = "viewer" });

        foreach (var account in new[] { service.TeamAccount, service.ScopedAccount, service.OtherAccount })
        {
            await AssertSeesAsync(token, account);
        }
    }

    [Fact]
    public async Task NotificationQueues_AnUnscopedViewerReadsThem_AKeyScopedToAccountsOrGroupsIsRefused_NoTokenIsUnauthenticated()
    {
        var organization = new OrganizationService.OrganizationServiceClient(_channel);

        var viewer = await organization.ListNotificationQueuesAsync(new ListNotificationQueuesRequest(), Bearer(service.ViewerKey.Format()));
        var scoped = await Errors.CallFails(() => organization.ListNotificationQueuesAsync(new ListNotificationQueuesRequest(), Bearer(service.AccountViewerKey.Format())).ResponseAsync);
        var team = await Errors.CallFails(() => organization.ListNotificationQueuesAsync(new ListNotificationQueuesRequest(), Bearer(service.TeamViewerKey.Format())).ResponseAsync);
        var anonymous = await Errors.CallFails(() => organization.ListNotificationQueuesAsync(new ListNotificationQueuesRequest()).ResponseAsync);

        Assert.Empty(viewer.Queues);
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.Unauthenticated), (scoped.StatusCode, team.StatusCode, anonymous.StatusCode));
    }

    public void Dispose() => _channel.Dispose();

    private ApplicationService.ApplicationServiceClient Applications => new(_channel);

    private OperationsService.OperationsServiceClient Operations => new(_channel);

    private async Task AssertSeesAsync(string token, string account)
    {
        var app = await Applications.GetApplicationAsync(new GetApplicationRequest { Name = NameIn(account) }, Bearer(token));
        Assert.Equal(service.GroundTruth.Applications[app.ApplicationId].Events, app.Activity.Events);
    }

    private async Task AssertDeniedAsync(string token, string account)
    {
        var e = await Errors.CallFails(() => Applications.GetApplicationAsync(new GetApplicationRequest { Name = NameIn(account) }, Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    private string NameIn(string account)
    {
        var (id, app) = service.GroundTruth.Applications.First(a => a.Value.Account == account);
        return $"accounts/{app.Account}/regions/{app.Region}/applications/{id}";
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };
}
