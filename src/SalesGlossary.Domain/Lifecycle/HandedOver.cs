using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a handoff of a contact between teams: it entered a stage another team owns.</summary>
public sealed record HandedOver : ContactEvent
{
    [JsonConstructor]
    internal HandedOver()
    {
    }

    /// <summary>Gets the handoff: from which team to which, at which stage, by which record.</summary>
    [JsonInclude]
    [JsonRequired]
    public Handoff Handoff { get; internal init; } = null!;

    /// <summary>Gets when the first touch is due (the connect policy's first-touch time added in its business hours), for a handoff to sales; otherwise <see langword="null"/>.</summary>
    [JsonInclude]
    public DateTimeOffset? FirstTouchDue { get; internal init; }

    /// <inheritdoc/>
    private protected override string Details => Handoff + (FirstTouchDue is { } due ? ", first touch due " + due.ToString("O", CultureInfo.InvariantCulture) : string.Empty);
}
