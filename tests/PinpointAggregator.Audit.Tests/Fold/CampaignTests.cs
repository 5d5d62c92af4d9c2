using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Audit.Tests.Fold;

public sealed class CampaignTests
{
    [Fact]
    public void CreateUpdateDelete_KeepEarliestCreateLatestUpdateLatestDeleteAndMaxVersion_InEveryOrder()
    {
        AuditEvent[] events =
        [
            Campaign("c1-create", 1, "CreateCampaign", "c1", version: 1),
            Campaign("c1-v2", 2, "UpdateCampaign", "c1", version: 2),
            Campaign("c1-v3", 3, "UpdateCampaign", "c1", version: 3),
            Campaign("c1-delete", 4, "DeleteCampaign", "c1"),
            Campaign("c1-failed", 5, "UpdateCampaign", "c1", version: 9) with { ErrorCode = "BadRequestException" },
            Campaign("c2-create", 2, "CreateCampaign", "c2", version: 1),
        ];

        foreach (var order in Orders.All(events))
        {
            var campaigns = AuditFold.Of(order).Campaigns;

            Assert.Equal(["c1", "c2"], campaigns.Keys.Order(StringComparer.Ordinal));
            var c1 = campaigns["c1"];
            Assert.Equal(new Change(At(1), Ops, "c1-create", "CreateCampaign"), c1.Created);
            Assert.Equal(new Change(At(3), Ops, "c1-v3", "UpdateCampaign"), c1.LastUpdate);
            Assert.Equal(new Change(At(4), Ops, "c1-delete", "DeleteCampaign"), c1.Deleted);
            Assert.Equal(2, c1.Updates);
            Assert.Equal(3, c1.Version);
            var c2 = campaigns["c2"];
            Assert.Equal(("c2-create", (Change?)null, (Change?)null, 0L, (int?)1), (c2.Created?.EventId, c2.LastUpdate, c2.Deleted, c2.Updates, c2.Version));
        }
    }

    [Fact]
    public void SegmentsAndImportJobs_AreRegisteredLikeCampaigns()
    {
        var audit = AuditFold.Of(
        [
            Write("s-create", 1, "CreateSegment", "Segment", "s1"),
            Write("s-update", 2, "UpdateSegment", "Segment", "s1") with { Version = 2 },
            Write("j-create", 3, "CreateImportJob", "ImportJob", "j1"),
        ]);

        Assert.Equal(("s-create", "s-update", 1L, (int?)2), (audit.Segments["s1"].Created?.EventId, audit.Segments["s1"].LastUpdate?.EventId, audit.Segments["s1"].Updates, audit.Segments["s1"].Version));
        Assert.Equal("j-create", audit.ImportJobs["j1"].Created?.EventId);
        Assert.Empty(audit.Campaigns);
    }

    [Fact]
    public void CampaignCallWithoutAnId_RegistersNothing()
    {
        var audit = AuditFold.Of([Write("e1", 1, "UpdateCampaign", "Campaign", resourceId: null)]);

        Assert.Empty(audit.Campaigns);
        Assert.Equal(1, audit.Activity.Writes);
    }
}
