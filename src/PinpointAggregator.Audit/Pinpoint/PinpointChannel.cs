namespace PinpointAggregator.Audit.Pinpoint;

/// <summary>Pinpoint channel types, named as in the API actions (<c>Update{Channel}Channel</c>).</summary>
public enum PinpointChannel
{
    Adm,
    Apns,
    ApnsSandbox,
    ApnsVoip,
    ApnsVoipSandbox,
    Baidu,
    Email,
    Gcm,
    Sms,
    Voice,
}
