using System.Globalization;

namespace SalesGlossary.Domain.EntityFrameworkCore;

/// <summary>Represents one lead score in the score ledger (mapped by <see cref="SalesGlossaryModelConfiguration.MapSalesGlossaryScores"/>): the score with everything that explains it, for one contact.</summary>
/// <remarks>
/// <para>
/// The ledger is append-only: an entry has no method that changes it, and every column is mapped as read-only after
/// it is saved, so a <c>SaveChanges</c> that would change a stored entry throws <see cref="InvalidOperationException"/>
/// and stores nothing. Add the entry to the same context as the contact's row (<see cref="StoredContact.Update"/>) and
/// one <c>SaveChanges</c> stores both, or neither when the contact's version refuses the save.
/// </para>
/// <para>
/// <see cref="Score"/> is the whole <see cref="LeadScore"/> (groups, every contribution with its explanation, hand-raises
/// and rule errors) as JSON written with <c>SalesGlossaryJson.Options</c>; it is read back strictly and checked with
/// <see cref="LeadScore.EnsureConsistent"/>, so a tampered entry fails the read with its JSON path.
/// <see cref="ContactId"/>, <see cref="Model"/>, <see cref="ModelVersion"/>, <see cref="AsOf"/>, <see cref="Total"/>,
/// <see cref="Grade"/> and <see cref="IsComplete"/> are columns copied from the score for queries.
/// </para>
/// </remarks>
public sealed class ScoreLedgerEntry
{
    private ScoreLedgerEntry(string contactId, LeadScore score)
    {
        ContactId = contactId;
        Score = score;
        Model = score.Model;
        ModelVersion = score.ModelVersion;
        AsOf = score.AsOf.ToUniversalTime();
        Total = score.Total;
        Grade = score.Grade?.ToString();
        IsComplete = score.IsComplete;
    }

    /// <summary>Gets the entry's number, given by the database in the order the entries were saved.</summary>
    public long Id { get; private set; }

    /// <summary>Gets the id of the contact that was scored.</summary>
    public string ContactId { get; private set; }

    /// <summary>Gets the name of the scoring model that computed the score.</summary>
    public string Model { get; private set; }

    /// <summary>Gets the version of the scoring model that computed the score.</summary>
    public string ModelVersion { get; private set; }

    /// <summary>Gets the instant the contact was scored as of, in UTC.</summary>
    public DateTimeOffset AsOf { get; private set; }

    /// <summary>Gets the total score.</summary>
    public decimal Total { get; private set; }

    /// <summary>Gets the grade (for example <c>A1</c>), or <see langword="null"/> when the model defines no grades.</summary>
    public string? Grade { get; private set; }

    /// <summary>Gets a value indicating whether every rule ran without error for this contact.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Gets the score with everything that explains it.</summary>
    public LeadScore Score { get; private set; }

    /// <summary>Creates the ledger entry of a contact's score; add it to the context to append it.</summary>
    /// <param name="contactId">The id of the contact that was scored.</param>
    /// <param name="score">The score, as the scoring model explained it.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="score"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> is empty or white space.</exception>
    /// <exception cref="DefinitionValidationException">The score does not add up or lacks parts (see <see cref="LeadScore.EnsureConsistent"/>); every problem is listed, and nothing is appended.</exception>
    public static ScoreLedgerEntry From(string contactId, LeadScore score)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        ArgumentNullException.ThrowIfNull(score);
        score.EnsureConsistent();
        return new ScoreLedgerEntry(contactId, score);
    }

    /// <summary>Returns the entry as a log line would show it.</summary>
    /// <returns>For example <c>#12 C-1 sample-lead-scoring v1.0.0 as of 2026-03-02T09:30:00.0000000+00:00: 85</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"#{Id} {ContactId} {Model} v{ModelVersion} as of {AsOf:O}: {Total}{(IsComplete ? string.Empty : " (incomplete)")}");
}
