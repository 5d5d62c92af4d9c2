using Google.Protobuf.WellKnownTypes;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

[Collection(SharedService.Name)]
public sealed class ApplicationListTests(ServiceFixture service)
{
    private readonly ApplicationService.ApplicationServiceClient _client = new(service.Channel);

    [Fact]
    public async Task ListApplications_PagesThroughExactlyTheGroundTruthsApplications()
    {
        var listed = await AllAsync(new ListApplicationsRequest { PageSize = 4 });

        var expected = service.GroundTruth.Applications
            .OrderBy(a => a.Value.Account, StringComparer.Ordinal).ThenBy(a => a.Value.Region, StringComparer.Ordinal).ThenBy(a => a.Key, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected.Select(a => $"accounts/{a.Value.Account}/regions/{a.Value.Region}/applications/{a.Key}"), listed.Select(a => a.Name));
        foreach (var ((id, truth), app) in expected.Zip(listed))
        {
            Assert.Equal((id, truth.Account, truth.Region), (app.ApplicationId, app.Account, app.Region));
            Assert.Equal(truth.Events, app.Events);
            Assert.Equal(truth.Errors, app.Errors);
            Assert.Equal(truth.Deleted, app.Deleted);
            Assert.Equal(truth.Created, app.Created is not null);
            Assert.Equal(truth.FirstEventTime, Iso(app.FirstEventTime));
            Assert.Equal(truth.LastEventTime, Iso(app.LastEventTime));
            Assert.Equal(truth.DeletedAt, app.DeletedBy is null ? null : Iso(app.DeletedBy.Time));
        }
    }

    [Fact]
    public async Task ListApplications_Filters()
    {
        var truth = service.GroundTruth.Applications;
        var account = truth.Values.Select(a => a.Account!).Order(StringComparer.Ordinal).First();
        var region = truth.Values.Select(a => a.Region!).Order(StringComparer.Ordinal).Last();
        var since = truth.Values.Select(a => a.LastEventTime!).Order(StringComparer.Ordinal).ElementAt(truth.Count / 2);

        await Expect(new() { Lifecycle = LifecycleFilter.Deleted }, truth.Where(a => a.Value.Deleted));
        await Expect(new() { Lifecycle = LifecycleFilter.Alive }, truth.Where(a => !a.Value.Deleted));
        await Expect(new() { Accounts = { account } }, truth.Where(a => a.Value.Account == account));
        await Expect(new() { Regions = { region } }, truth.Where(a => a.Value.Region == region));
        await Expect(new() { HasErrors = true }, truth.Where(a => a.Value.Errors > 0));
        await Expect(new() { ActiveSince = Timestamp.FromDateTime(DateTime.Parse(since, null, System.Globalization.DateTimeStyles.AdjustToUniversal)) }, truth.Where(a => string.CompareOrdinal(a.Value.LastEventTime, since) >= 0));
        await Expect(new() { Accounts = { account }, Lifecycle = LifecycleFilter.Alive }, truth.Where(a => a.Value.Account == account && !a.Value.Deleted));
        Assert.Contains(truth.Values, a => a.Deleted);
        Assert.Contains(truth.Values, a => a.Errors > 0);
    }

    private async Task Expect(ListApplicationsRequest request, IEnumerable<KeyValuePair<string, Audit.Summary.ApplicationSummary>> expected)
    {
        var listed = await AllAsync(request);
        Assert.Equal(expected.Select(a => a.Key).Order(StringComparer.Ordinal), listed.Select(a => a.ApplicationId).Order(StringComparer.Ordinal));
    }

    private async Task<List<ApplicationSummary>> AllAsync(ListApplicationsRequest request)
    {
        var all = new List<ApplicationSummary>();
        do
        {
            var page = await _client.ListApplicationsAsync(request);
            all.AddRange(page.Applications);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return all;
    }

    private static string Iso(Timestamp time) => time.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
