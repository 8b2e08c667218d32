namespace SalesGlossary.Domain.EntityFrameworkCore;

/// <summary>Queries of the score ledger (<see cref="ScoreLedgerEntry"/>), translated to SQL by every provider.</summary>
public static class ScoreLedger
{
    /// <summary>Selects one contact's ledger entries, oldest first (in the order they were saved).</summary>
    /// <param name="entries">The ledger, for example <c>db.Set&lt;ScoreLedgerEntry&gt;()</c>.</param>
    /// <param name="contactId">The contact's id (ordinal comparison).</param>
    /// <returns>The query; add <c>Where(e =&gt; e.Model == …)</c> for one model's entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> is empty or white space.</exception>
    public static IQueryable<ScoreLedgerEntry> ForContact(this IQueryable<ScoreLedgerEntry> entries, string contactId)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        return entries.Where(e => e.ContactId == contactId).OrderBy(e => e.Id);
    }
}
