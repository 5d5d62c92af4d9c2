using PinpointAggregator.Api.Resources;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Grains.EventStore.Queries;
using static PinpointAggregator.Api.Mapping.ProtoTime;

namespace PinpointAggregator.Api.Mapping;

/// <summary>An application's line in the directory as the API's <see cref="ApplicationSummary"/> message.</summary>
internal static class ApplicationListingMapping
{
    public static ApplicationSummary ToProto(this ApplicationListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return new ApplicationSummary
        {
            Name = ApplicationName.Format(listing.Account, listing.Region, listing.ApplicationId),
            Account = listing.Account,
            Region = listing.Region,
            ApplicationId = listing.ApplicationId,
            DisplayName = listing.Name ?? string.Empty,
            Deleted = listing.Deleted,
            Created = listing.Created.ToProto(),
            DeletedBy = listing.DeletedBy.ToProto(),
            FirstEventTime = ToTimestamp(listing.FirstEventAt),
            LastEventTime = ToTimestamp(listing.LastEventAt),
            Events = listing.Events,
            Errors = listing.Errors,
        };
    }
}
