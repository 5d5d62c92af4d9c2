namespace PinpointAggregator.Api.Paging;

/// <summary>Where a page of applications ended: the last listing's key, in the directory's order.</summary>
internal readonly record struct ApplicationPosition(string Account, string Region, string ApplicationId);
