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

/// <summary>Names the model registry and how many generations it keeps.</summary>
public static class ModelRegistry
{
    /// <summary>The key of the cluster's one registry grain.</summary>
    public const long Key = 0;

    /// <summary>How many generations the registry keeps; a rescoring job pinned to an older one fails with the reason.</summary>
    public const int GenerationsKept = 32;

    /// <summary>Gets the cluster's registry.</summary>
    /// <param name="grains">The grain factory (a client's or a grain's).</param>
    /// <returns>The registry grain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is <see langword="null"/>.</exception>
    public static IModelRegistryGrain Get(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IModelRegistryGrain>(Key);
    }
}
