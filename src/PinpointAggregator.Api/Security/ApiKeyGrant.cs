using PinpointAggregator.ApiKeys;

namespace PinpointAggregator.Api.Security;

/// <summary>One accepted API key: the hash its secret must match, and what a caller holding it may do.</summary>
internal sealed record ApiKeyGrant(string Id, ApiKeyHash Hash, ApiRole Role, IReadOnlyList<string> Accounts, IReadOnlyList<string> Groups);
