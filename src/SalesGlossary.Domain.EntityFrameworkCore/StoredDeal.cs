using System.Globalization;

namespace SalesGlossary.Domain.EntityFrameworkCore;

/// <summary>Represents a deal as an application's <c>DbContext</c> stores it (mapped by <see cref="SalesGlossaryModelConfiguration.MapSalesGlossaryDeals"/>).</summary>
/// <remarks>
/// <para>
/// <see cref="History"/> is the deal's whole history in one JSON column (each record with whatever the library adds to
/// it); with the pipeline named by <see cref="Pipeline"/> and the deal's contacts it alone rebuilds the deal.
/// <see cref="Stage"/>, <see cref="Amount"/>, <see cref="ExpectedClose"/> and <see cref="ContactIds"/> are columns copied
/// from the deal on every <see cref="Update"/>, for queries; they are never read back into the deal.
/// </para>
/// <para>
/// <see cref="Version"/> is the number of history records and the row's concurrency token: when two contexts load the
/// same version and both save a change, the second save throws EF Core's <c>DbUpdateConcurrencyException</c>.
/// </para>
/// </remarks>
public sealed class StoredDeal
{
    private StoredDeal(string id, string pipeline, string stage, IReadOnlyList<DealTransition> history, IReadOnlyList<string> contactIds)
    {
        Id = id;
        Pipeline = pipeline;
        Stage = stage;
        History = history;
        ContactIds = contactIds;
    }

    /// <summary>Gets the deal's id, the row's key.</summary>
    public string Id { get; private set; }

    /// <summary>Gets the name of the pipeline the deal follows.</summary>
    public string Pipeline { get; private set; }

    /// <summary>Gets the name of the deal's stage when it was last stored.</summary>
    public string Stage { get; private set; }

    /// <summary>Gets the deal's amount when it was last stored.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Gets the deal's expected close date when it was last stored, if known.</summary>
    public DateOnly? ExpectedClose { get; private set; }

    /// <summary>Gets the ids of the deal's contacts, as its creation record holds them.</summary>
    public IReadOnlyList<string> ContactIds { get; private set; }

    /// <summary>Gets the number of the deal's history records when it was last stored: the row's concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>Gets the deal's history, oldest first.</summary>
    public IReadOnlyList<DealTransition> History { get; private set; }

    /// <summary>Creates the row of a new deal; add it to the context to insert it.</summary>
    /// <param name="deal">The deal.</param>
    /// <returns>The row, holding the deal's current history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is <see langword="null"/>.</exception>
    public static StoredDeal From(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var row = new StoredDeal(deal.Id, deal.Pipeline.Name, deal.Stage.Name, [], []);
        row.Update(deal);
        return row;
    }

    /// <summary>Copies the deal's current history into the row; the context saves it on its next <c>SaveChanges</c>.</summary>
    /// <param name="deal">The deal this row stores, after its changes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The deal is not the one this row stores (its id or pipeline differs).</exception>
    public void Update(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (!string.Equals(deal.Id, Id, StringComparison.Ordinal) || !string.Equals(deal.Pipeline.Name, Pipeline, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The row stores deal '{Id}' of pipeline '{Pipeline}'; deal '{deal.Id}' of pipeline '{deal.Pipeline.Name}' cannot be written into it."),
                nameof(deal));
        }

        DealTransition[] history = [.. deal.History];
        History = history;
        ContactIds = [.. history[0].Contacts ?? []];
        Stage = deal.Stage.Name;
        Amount = deal.Amount;
        ExpectedClose = deal.ExpectedClose;
        Version = history.Length;
    }

    /// <summary>Rebuilds the stored deal on its pipeline in the agreement, with its contacts.</summary>
    /// <param name="agreement">The agreement that defines the deal's pipeline.</param>
    /// <param name="contacts">The deal's contacts, rehydrated: exactly those whose ids <see cref="ContactIds"/> holds.</param>
    /// <param name="timeProvider">Where the times of new records come from.</param>
    /// <returns>The deal, as it was stored; it continues exactly as the original would.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The agreement has no pipeline of the stored name (the known names are listed), the history is not a valid chain of its stages, or the contacts are not those it records; every problem is listed.</exception>
    public Deal Rehydrate(ServiceLevelAgreement agreement, IReadOnlyList<Contact> contacts, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (!agreement.Pipelines.TryGetValue(Pipeline, out var pipeline))
        {
            throw new DefinitionValidationException(
                "stored deal '" + Id + "'",
                [new ValidationProblem { Path = "$.pipeline", Message = $"The stored pipeline '{Pipeline}' is not one of agreement '{agreement.Name}'; its pipelines: {string.Join(", ", agreement.Pipelines.Keys.Order(StringComparer.Ordinal).Select(k => "'" + k + "'"))}." }]);
        }

        return Deal.Rehydrate(Id, pipeline, History, contacts, timeProvider);
    }

    /// <summary>Rebuilds the stored deal on a pipeline the application holds, with its contacts.</summary>
    /// <param name="pipeline">The deal's pipeline: the one whose name <see cref="Pipeline"/> holds.</param>
    /// <param name="contacts">The deal's contacts, rehydrated: exactly those whose ids <see cref="ContactIds"/> holds.</param>
    /// <param name="timeProvider">Where the times of new records come from.</param>
    /// <returns>The deal, as it was stored; it continues exactly as the original would.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The pipeline is not the one the deal was stored with (its name differs).</exception>
    /// <exception cref="DefinitionValidationException">The history is not a valid chain of the pipeline's stages, or the contacts are not those it records; every problem is listed.</exception>
    public Deal Rehydrate(Pipeline pipeline, IReadOnlyList<Contact> contacts, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!string.Equals(pipeline.Name, Pipeline, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Deal '{Id}' is stored on pipeline '{Pipeline}', not '{pipeline.Name}'."),
                nameof(pipeline));
        }

        return Deal.Rehydrate(Id, pipeline, History, contacts, timeProvider);
    }
}
