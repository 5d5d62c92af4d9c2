using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;
using static PinpointAggregator.Cli.Output.Cells;

namespace PinpointAggregator.Cli.Views;

/// <summary><c>events get</c> as a table: every field on its own line, then the raw request and response JSON.</summary>
internal static class EventDetailView
{
    public static void Print(TextWriter output, Event found)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(found);
        var caller = found.Caller ?? new Caller();
        TextTable.WriteFields(output,
        [
            ("event id", found.EventId),
            ("time", Time(found.EventTime)),
            ("account", found.Account),
            ("region", found.Region),
            ("application", found.Application),
            ("event", found.EventName),
            ("event source", found.EventSource),
            ("event type", found.EventType),
            ("resource", string.Join(' ', new[] { found.ResourceKind, found.ResourceId, found.Channel }.Where(s => s.Length > 0))),
            ("unresolved target", found.UnresolvedTarget),
            ("caller", caller.Display),
            ("caller type", caller.Type),
            ("caller arn", caller.Arn),
            ("caller account", caller.AccountId),
            ("issuer arn", caller.IssuerArn),
            ("invoked by", caller.InvokedBy),
            ("read only", Optional(found.HasReadOnly ? found.ReadOnly : null)),
            ("write", Flag(found.IsWrite)),
            ("error", string.IsNullOrEmpty(found.ErrorCode) ? string.Empty : $"{found.ErrorCode}: {found.ErrorMessage}"),
            ("source ip", found.SourceIp),
            ("user agent", found.UserAgent),
            ("request id", found.RequestId),
            ("addendum", Flag(found.IsAddendum)),
            ("source file", found.SourceKey),
        ]);
        Raw(output, "request parameters", found.RequestParametersJson);
        Raw(output, "response elements", found.ResponseElementsJson);
    }

    private static void Raw(TextWriter output, string title, string json)
    {
        if (json.Length > 0)
        {
            output.WriteLine();
            output.WriteLine(title + ":");
            output.WriteLine(TextCell.Printable(json));
        }
    }
}
