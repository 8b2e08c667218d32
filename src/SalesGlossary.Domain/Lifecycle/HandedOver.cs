namespace SalesGlossary.Domain;

/// <summary>Represents a handoff of a contact between teams: it entered a stage another team owns.</summary>
public sealed record HandedOver : ContactEvent
{
    /// <summary>Gets the handoff: from which team to which, at which stage, by which record.</summary>
    public required Handoff Handoff { get; init; }

    /// <summary>Gets when the first touch is due (the connect policy's first-touch time added in its business hours), for a handoff to sales; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? FirstTouchDue { get; init; }
}
