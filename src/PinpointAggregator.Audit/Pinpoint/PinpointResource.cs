namespace PinpointAggregator.Audit.Pinpoint;

/// <summary>The kind of Pinpoint resource an API action addresses.</summary>
public enum PinpointResource
{
    Other,
    Application,
    ApplicationSettings,
    Channel,
    Campaign,
    Segment,
    ImportJob,
    ExportJob,
    EventStream,
    Journey,
    Template,
    Endpoint,
    RecommenderConfiguration,
}
