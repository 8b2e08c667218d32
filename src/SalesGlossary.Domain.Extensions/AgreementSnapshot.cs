
namespace SalesGlossary.Domain.Extensions;

/// <summary>One published, valid agreement with its scoring models, as the application scores with it now.</summary>
/// <remarks>
/// A snapshot never changes: a reload publishes a new one. Take <see cref="IAgreementProvider.Current"/> once per unit
/// of work (a request, a batch) so that the whole unit uses one agreement.
/// </remarks>
public sealed class AgreementSnapshot
{
    internal AgreementSnapshot(ServiceLevelAgreement agreement, long generation, DateTimeOffset loadedAt, string source)
    {
        Agreement = agreement;
        Generation = generation;
        LoadedAt = loadedAt;
        Source = source;
    }

    /// <summary>Gets the agreement, with its scoring models compiled.</summary>
    public ServiceLevelAgreement Agreement { get; }

    /// <summary>Gets the number of this snapshot: 1 for the first, one more for each published reload.</summary>
    public long Generation { get; }

    /// <summary>Gets when this snapshot was published.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Gets where the documents came from, in words (the files read, or the package's own documents).</summary>
    public string Source { get; }

    /// <summary>Returns the snapshot as a log line: generation, when and where from, and the agreement's models.</summary>
    /// <returns>For example <c>generation 3 loaded at 2026-03-02T09:30:00.0000000+00:00 from agreement.json: 2 scoring models</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"generation {Generation} loaded at {LoadedAt:O} from {Source}: {Agreement.ScoringModels.Count} scoring models");

    /// <summary>Gets a scoring model of the agreement by name.</summary>
    /// <param name="name">The model's name, as the agreement and <see cref="SalesGlossaryOptions.ScoringModelFiles"/> give it.</param>
    /// <returns>The compiled model.</returns>
    /// <exception cref="ArgumentException">The agreement has no such model; the message lists the names it has.</exception>
    public LeadScoringModel<LeadFacts, LeadActivity> ScoringModel(string name) =>
        name is not null && Agreement.ScoringModels.TryGetValue(name, out var model)
            ? model
            : throw new ArgumentException(
                "The agreement has no scoring model '" + name + "'. Its scoring models: " + string.Join(", ", Agreement.ScoringModels.Keys.Order(StringComparer.Ordinal).Select(k => "'" + k + "'")) + ".",
                nameof(name));
}
