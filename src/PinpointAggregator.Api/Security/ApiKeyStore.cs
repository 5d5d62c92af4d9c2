using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PinpointAggregator.ApiKeys;

namespace PinpointAggregator.Api.Security;

/// <summary>
/// The API keys the service accepts, by id: those of <c>Api:Auth:ApiKeys</c> (validated at start), and on an
/// unconfigured loopback endpoint the generated one. Holds hashes only, never a secret.
/// </summary>
internal sealed class ApiKeyStore
{
    private readonly ConcurrentDictionary<string, ApiKeyGrant> _keys = new(StringComparer.Ordinal);

    public ApiKeyStore(IOptions<ApiOptions> options)
    {
        foreach (var entry in options.Value.Auth.ApiKeys)
        {
            if (entry.Id is null || !ApiKeyHash.TryParse(entry.Hash, out var hash) || !ApiRoleNames.TryParse(entry.Role, out var role))
            {
                // ApiAuthOptionsValidator refuses such an entry before the service starts.
                throw new InvalidOperationException($"{ApiAuthOptions.SectionName}:ApiKeys has an invalid entry '{entry.Id}'.");
            }

            Add(new ApiKeyGrant(entry.Id, hash, role, [.. entry.Accounts], [.. entry.Groups]));
        }
    }

    public void Add(ApiKeyGrant grant)
    {
        if (!_keys.TryAdd(grant.Id, grant))
        {
            throw new InvalidOperationException($"Two API keys have the id '{grant.Id}'.");
        }
    }

    public ApiKeyGrant? Find(string id) => _keys.GetValueOrDefault(id);
}
