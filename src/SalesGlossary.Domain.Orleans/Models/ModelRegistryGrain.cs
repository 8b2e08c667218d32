using System.Globalization;

namespace SalesGlossary.Domain.Orleans.Models;

internal sealed class ModelRegistryGrain(
    [PersistentState("models", SalesGlossaryCluster.StorageName)] IPersistentState<ModelRegistryState> state,
    TimeProvider time) : Grain, IModelRegistryGrain
{
    public async Task<PublishedModels> PublishAsync(string agreementJson, IReadOnlyDictionary<string, string> scoringModels)
    {
        ArgumentNullException.ThrowIfNull(agreementJson);
        ArgumentNullException.ThrowIfNull(scoringModels);

        // Validated here, once: a document that does not load is refused before any silo could switch to it.
        _ = ServiceLevelAgreement.Load(agreementJson, scoringModels.Count == 0 ? null : scoringModels);
        var generations = state.State.Generations;
        var next = new PublishedModels(generations.Count == 0 ? 1 : generations[^1].Generation + 1, agreementJson, scoringModels, time.GetUtcNow());
        generations.Add(next);
        if (generations.Count > ModelRegistry.GenerationsKept)
        {
            generations.RemoveAt(0);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            generations.Remove(next);
            throw;
        }

        return next;
    }

    public Task<PublishedModels?> GetCurrentAsync() =>
        Task.FromResult(state.State.Generations.Count == 0 ? null : state.State.Generations[^1]);

    public Task<PublishedModels> GetAsync(long generation)
    {
        var found = state.State.Generations.Find(g => g.Generation == generation);
        if (found is null)
        {
            var kept = state.State.Generations.Count == 0
                ? "none has been published"
                : string.Create(CultureInfo.InvariantCulture, $"generations {state.State.Generations[0].Generation} to {state.State.Generations[^1].Generation} are kept");
            throw new ArgumentOutOfRangeException(
                nameof(generation),
                generation,
                string.Create(CultureInfo.InvariantCulture, $"Model generation {generation} is not in the registry: {kept}."));
        }

        return Task.FromResult(found);
    }
}
