using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>What every prefix's <see cref="DigestFollower"/> shares in a silo: one instance, registered with the ingestion services.</summary>
/// <param name="Options">Section <c>Integrity</c>.</param>
/// <param name="Ingestion">Section <c>Ingestion</c> (the listing's interval and the clock skew allowed).</param>
/// <param name="Reader">The strict digest reader, bounded by <c>Trail:DigestReader</c>.</param>
/// <param name="Keys">The public-key source; null when none is registered (every digest then waits, and status says why: a key is never reported unknown for want of a source).</param>
/// <param name="Findings">Where every finding is kept.</param>
/// <param name="DoneKeys">The logs' hashes, and which of them a digest listed.</param>
/// <param name="IngestionMetrics">Requests are counted with the logs'.</param>
/// <param name="Metrics">Findings, digests and the validated-through lag.</param>
/// <param name="Time">The clock.</param>
public sealed record DigestFollowerServices(
    IntegrityOptions Options,
    IngestionOptions Ingestion,
    DigestFileReader Reader,
    IDigestPublicKeySource? Keys,
    IIntegrityFindingStore Findings,
    IDoneKeyStore DoneKeys,
    IngestionMetrics IngestionMetrics,
    IntegrityMetrics Metrics,
    TimeProvider Time);
