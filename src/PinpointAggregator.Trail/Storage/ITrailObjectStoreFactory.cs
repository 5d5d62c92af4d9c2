namespace PinpointAggregator.Trail.Storage;

/// <summary>Opens the store for a configured bucket, read with the credentials of one account.</summary>
public interface ITrailObjectStoreFactory
{
    /// <param name="bucket">A configured bucket name.</param>
    /// <param name="account">Whose credentials read it; null for organization-level discovery.</param>
    ITrailObjectStore Open(string bucket, string? account);

    /// <summary>How the account's reads are authorised, for health reports: a role ARN, "ambient
    /// credentials" or "local folder". Never a secret.</summary>
    string DescribeCredentials(string bucket, string? account);
}
