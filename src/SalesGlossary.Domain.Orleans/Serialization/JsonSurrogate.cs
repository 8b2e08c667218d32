namespace SalesGlossary.Domain.Orleans.Serialization;

/// <summary>Carries a library record across a grain boundary as the library's own JSON.</summary>
[GenerateSerializer]
internal struct JsonSurrogate
{
    [Id(0)]
    public string Json;
}
