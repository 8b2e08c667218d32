using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>A way in which attempts fell short of the connect policy.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record ConnectBreach
{
    [JsonConstructor]
    internal ConnectBreach(ConnectBreachKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    /// <summary>Gets what fell short.</summary>
    public ConnectBreachKind Kind { get; internal init; }

    /// <summary>Gets a sentence with the figures.</summary>
    public string Message { get; internal init; }

    /// <summary>Returns the breach as a log line.</summary>
    /// <returns>The kind and the message, for example <c>FirstTouchLate: The first touch came after 5.5 business hours; the policy allows 4.</c>.</returns>
    public override string ToString() => Kind + ": " + Message;
}
