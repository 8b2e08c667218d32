namespace SalesGlossary.Domain;

/// <summary>Describes a team or an actor an agreement defines, for example a <c>CustomerSuccess</c> team or a <c>Partner</c> actor.</summary>
public sealed record TermDefinition
{
    /// <summary>Gets the term's name, as stored and written in the agreement.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the term's number, as stored; 100 or more and never changed once used.</summary>
    public required int Number { get; init; }

    /// <summary>Gets the term as people write it.</summary>
    /// <value><see langword="null"/> by default: the <see cref="Name"/> is shown.</value>
    public string? DisplayName { get; init; }
}
