using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>How often one reason was given.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record ReasonCount
{
    [JsonConstructor]
    internal ReasonCount(string reason, int count)
    {
        Reason = reason;
        Count = count;
    }

    /// <summary>Gets the reason.</summary>
    public string Reason { get; internal init; }

    /// <summary>Gets how often.</summary>
    public int Count { get; internal init; }

    /// <summary>Returns it as a log line.</summary>
    /// <returns>For example <c>Not a decision maker: 3</c>.</returns>
    public override string ToString() => Reason + ": " + Count.ToString(CultureInfo.InvariantCulture);
}
