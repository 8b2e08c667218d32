namespace SalesGlossary.Domain;

/// <summary>Describes a reason code an agreement defines: a disqualification reason or a deal lost reason.</summary>
public sealed record ReasonDefinition
{
    /// <summary>Gets the reason's name, as stored and written in the agreement, for example <c>ChoseCompetitor</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the reason's number, as stored; 100 or more and never changed once used.</summary>
    public required int Number { get; init; }

    /// <summary>Gets the reason as people write it.</summary>
    /// <value><see langword="null"/> by default: the <see cref="Name"/> is shown.</value>
    public string? DisplayName { get; init; }

    /// <summary>Gets a value indicating whether the reason is accepted only once the connect policy's attempts are exhausted (disqualification reasons only).</summary>
    public bool RequiresExhaustedConnectPolicy { get; init; }
}
