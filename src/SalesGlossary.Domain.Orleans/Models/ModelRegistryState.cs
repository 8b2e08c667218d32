namespace SalesGlossary.Domain.Orleans.Models;

[GenerateSerializer]
[Alias("SalesGlossary.ModelRegistryState")]
internal sealed class ModelRegistryState
{
    [Id(0)]
    public List<PublishedModels> Generations { get; set; } = [];
}
