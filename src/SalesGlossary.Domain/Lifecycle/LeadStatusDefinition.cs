namespace SalesGlossary.Domain;

/// <summary>Describes a lead status an agreement defines, with the flags that give it meaning.</summary>
/// <remarks>A status is open (sales still has work to do) or closed (work ended), never both; it may be open and untouched, or neither open nor closed when it turned into a deal. Working and connected statuses are open.</remarks>
public sealed record LeadStatusDefinition
{
    /// <summary>Gets the status's name, as stored and written in the agreement, for example <c>NurtureEventFollowUp</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the status's number, as stored; 100 or more and never changed once used.</summary>
    public required int Number { get; init; }

    /// <summary>Gets the status as people write it, for example <c>Nurture – event follow-up</c>.</summary>
    /// <value><see langword="null"/> by default: the <see cref="Name"/> is shown.</value>
    public string? DisplayName { get; init; }

    /// <summary>Gets a value indicating whether sales still has work to do on a lead with this status.</summary>
    public bool IsOpen { get; init; }

    /// <summary>Gets a value indicating whether sales is actively working the lead (an open status).</summary>
    public bool IsWorking { get; init; }

    /// <summary>Gets a value indicating whether the person was reached.</summary>
    public bool IsConnected { get; init; }

    /// <summary>Gets a value indicating whether work on the lead ended.</summary>
    public bool IsClosed { get; init; }
}
