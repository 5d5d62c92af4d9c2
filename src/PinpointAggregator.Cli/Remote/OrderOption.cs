using System.CommandLine;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Remote;

/// <summary><c>--order newest|oldest</c>: the order of an event result.</summary>
internal static class OrderOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--order") { Description = "newest (first; the default) or oldest (first).", DefaultValueFactory = _ => "newest" };
        option.AcceptOnlyFromAmong("newest", "oldest");
        return option;
    }

    public static EventOrder Read(ParseResult parse, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(option) == "oldest" ? EventOrder.OldestFirst : EventOrder.NewestFirst;
    }
}
