namespace SalesGlossary.Domain.Orleans.Models;

/// <summary>The one place in the cluster that holds the current agreement and scoring models; use key <see cref="ModelRegistry.Key"/>.</summary>
[Alias("SalesGlossary.IModelRegistryGrain")]
public interface IModelRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Validates an agreement and its scoring models and publishes them as the cluster's next generation.</summary>
    /// <param name="agreementJson">The agreement document.</param>
    /// <param name="scoringModels">The scoring model documents the agreement names, by name; the built-in sample resolves without one.</param>
    /// <returns>The published generation.</returns>
    /// <exception cref="DefinitionValidationException">The agreement or a model does not load; nothing is published and the current generation stays.</exception>
    [Alias("Publish")]
    Task<PublishedModels> PublishAsync(string agreementJson, IReadOnlyDictionary<string, string> scoringModels);

    /// <summary>Gets the current generation.</summary>
    /// <returns>The latest generation, or <see langword="null"/> before the first publication.</returns>
    [Alias("GetCurrent")]
    Task<PublishedModels?> GetCurrentAsync();

    /// <summary>Gets a generation by its number.</summary>
    /// <param name="generation">The generation number.</param>
    /// <returns>The generation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The generation was never published or is older than the generations kept.</exception>
    [Alias("Get")]
    Task<PublishedModels> GetAsync(long generation);
}
