namespace SalesGlossary.Domain.Orleans.Serialization;

/// <summary>Carries who acted across a grain boundary: the actor by its stored value and name (an agreement's own actor is resolved through the agreement's vocabulary), and the person or system by name.</summary>
[GenerateSerializer]
internal struct BySurrogate
{
    [Id(0)]
    public SmartEnumSurrogate Actor;

    [Id(1)]
    public string? Name;
}
