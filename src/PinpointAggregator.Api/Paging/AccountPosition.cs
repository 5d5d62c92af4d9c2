namespace PinpointAggregator.Api.Paging;

/// <summary>Where a page of accounts ended: the last account examined.</summary>
internal readonly record struct AccountPosition(string Account);
