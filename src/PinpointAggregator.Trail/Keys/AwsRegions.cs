namespace PinpointAggregator.Trail.Keys;

/// <summary>
/// The regions AWS has published, in every partition (commercial, China, GovCloud, the European Sovereign Cloud and the
/// isolated ones), as of 2026-12. Discovery always reads a region folder with one of these names: region folders are
/// written by member accounts, and <c>Ingestion:MaxRegionsPerAccount</c> bounds only the names AWS does not publish,
/// so made-up folders cannot take the places of real regions and hide the actions logged there.
/// </summary>
/// <remarks>
/// A region AWS opens after this list was written counts against the cap like a made-up name until the list is
/// updated (or it is configured in <c>Ingestion:Regions</c>); below the cap, it is read all the same.
/// </remarks>
public static class AwsRegions
{
    private static readonly HashSet<string> Published = new(StringComparer.Ordinal)
    {
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "af-south-1",
        "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ca-central-1", "ca-west-1",
        "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1",
        "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
        "cn-north-1", "cn-northwest-1",
        "us-gov-east-1", "us-gov-west-1",
        "eusc-de-east-1",
        "us-iso-east-1", "us-iso-west-1", "us-isob-east-1", "us-isof-south-1", "us-isof-east-1", "eu-isoe-west-1",
    };

    /// <summary>Every region AWS has published.</summary>
    public static IReadOnlyCollection<string> All => Published;

    /// <summary>Whether <paramref name="region"/> is a region AWS has published (ordinal: region names are lower case).</summary>
    public static bool IsPublished(string region) => Published.Contains(region);
}
