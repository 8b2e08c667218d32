using Orleans.Concurrency;

namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Lets a partition wake its job (re-activating it after its silo died) without waiting for it.</summary>
[Alias("SalesGlossary.IRescoringJobWake")]
internal interface IRescoringJobWake : IGrainWithStringKey
{
    [OneWay]
    [Alias("Wake")]
    Task WakeAsync();
}
