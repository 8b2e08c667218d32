namespace SalesGlossary.Domain.Orleans.Serialization;

/// <summary>Carries a lifecycle refusal across a grain boundary with every value it names.</summary>
[GenerateSerializer]
internal struct LifecycleTransitionExceptionSurrogate
{
    [Id(0)] public string Message;
    [Id(1)] public string ContactId;
    [Id(2)] public int Stage;
    [Id(3)] public int Trigger;
    [Id(4)] public string[] UnmetGuards;
    [Id(5)] public int[] PermittedTriggers;
    [Id(6)] public string? StageName;
}
