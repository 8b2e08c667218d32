namespace SalesGlossary.Domain.Orleans.Models;

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
