namespace SalesGlossary.Domain.Orleans.Serialization;

/// <summary>Carries a document refusal (an agreement or scoring model that does not load, a stored state that does not rebuild) across a grain boundary with every problem.</summary>
[GenerateSerializer]
internal struct DefinitionValidationExceptionSurrogate
{
    [Id(0)] public string Definition;
    [Id(1)] public string[] Paths;
    [Id(2)] public string[] Messages;
}
