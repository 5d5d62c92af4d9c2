namespace PinpointAggregator.Cli.Connection;

/// <summary>
/// A problem with what the user gave (an option's value, the config file, a token file) found before any call:
/// its message is printed as is and the command exits with the usage code. Messages never contain a token.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public UsageException()
    {
    }
}
