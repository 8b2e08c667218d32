using Microsoft.Extensions.Primitives;

namespace SalesGlossary.Domain.Extensions;

/// <summary>Holds the current agreement and publishes a changed one only once it is loaded and valid.</summary>
/// <remarks>
/// Registered by <c>AddSalesGlossary</c> as a singleton. Loading and checking happen off the scoring path, on a
/// background timer; a valid result replaces <see cref="Current"/> in one step, an invalid one is logged with every
/// problem and its JSON path while the running agreement stays.
/// </remarks>
public interface IAgreementProvider
{
    /// <summary>Gets the current snapshot, loading the first one on first use when the host has not started yet.</summary>
    /// <exception cref="DefinitionValidationException">The first load found a file unreadable or the documents invalid; every problem is listed and logged.</exception>
    AgreementSnapshot Current { get; }

    /// <summary>Gets a token that fires when a new snapshot is published; take a new token after it fires.</summary>
    /// <returns>The change token of the current snapshot.</returns>
    IChangeToken GetChangeToken();

    /// <summary>Reads the documents now and publishes them if they changed and are valid.</summary>
    /// <param name="cancellationToken">Stops the reload before anything is published.</param>
    /// <returns>What the reload did, with the problems of rejected documents.</returns>
    /// <exception cref="DefinitionValidationException">This is the first load and it found a file unreadable or the documents invalid.</exception>
    Task<AgreementReload> ReloadAsync(CancellationToken cancellationToken = default);
}
