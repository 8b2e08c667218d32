namespace SalesGlossary.Domain.Orleans.Serialization;

/// <summary>Carries an unknown term across a grain boundary with the kind, the name and the known names.</summary>
[GenerateSerializer]
internal struct UnknownTermExceptionSurrogate
{
    [Id(0)] public string Kind;
    [Id(1)] public string Name;
    [Id(2)] public string[] KnownNames;
}
