namespace SalesGlossary.Domain.Orleans.Serialization;

/// <summary>Carries a deal refusal across a grain boundary with every value it names.</summary>
[GenerateSerializer]
internal struct DealTransitionExceptionSurrogate
{
    [Id(0)] public string Message;
    [Id(1)] public string DealId;
    [Id(2)] public string StageJson;
    [Id(3)] public string[] UnmetGuards;
    [Id(4)] public string[] Allowed;
}
