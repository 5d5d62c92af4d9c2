namespace PinpointAggregator.Api.Paging;

/// <summary>Where a page of integrity findings ended: the sequence of its last finding.</summary>
internal readonly record struct FindingPosition(long Sequence);
