namespace SalesGlossary.Domain;

/// <summary>A way in which attempts fell short of the connect policy.</summary>
/// <param name="Kind">What fell short: <c>FirstTouchLate</c>, <c>TooCloseTogether</c>, <c>TooFewAttempts</c> or <c>TooFewChannels</c>.</param>
/// <param name="Message">A sentence with the figures.</param>
public sealed record ConnectBreach(string Kind, string Message)
{
    /// <summary>Returns the breach as a log line.</summary>
    /// <returns>The kind and the message, for example <c>first-touch: The first attempt was due by …</c>.</returns>
    public override string ToString() => Kind + ": " + Message;
}
