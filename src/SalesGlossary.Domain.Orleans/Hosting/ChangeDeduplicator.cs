using System.Collections.Concurrent;
using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Deals;

namespace SalesGlossary.Domain.Orleans;

/// <summary>Lets a consumer of the contact and deal streams take each stored change once.</summary>
/// <remarks>
/// <para>
/// A grain stores each change with its event in one write and publishes the event after it (a transactional outbox), so no
/// stored change goes unpublished. A silo that dies after publishing but before recording the publication leaves the event
/// to be published again by the next activation: delivery is at least once, in revision order per contact or deal. A consumer
/// takes each change once by dropping every change whose revision is not above the last it took for that contact or deal.
/// </para>
/// <para>
/// This class keeps the last revision of each contact and deal in memory and is safe to use from many threads. A consumer that
/// writes what it consumed to a store keeps the revision in the same store (for example a column updated only when the new
/// revision is higher) instead.
/// </para>
/// </remarks>
public sealed class ChangeDeduplicator
{
    private readonly ConcurrentDictionary<(bool IsDeal, string Id), long> taken = new();

    /// <summary>Takes a contact's change if it was not taken before.</summary>
    /// <param name="change">The change as it came from the stream.</param>
    /// <returns><see langword="true"/> the first time this change (its contact and revision) is seen, or a later one; <see langword="false"/> for a change taken already.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    public bool TryTake(ContactChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return TryTake((false, change.ContactId), change.Revision);
    }

    /// <summary>Takes a deal's change if it was not taken before.</summary>
    /// <param name="change">The change as it came from the stream.</param>
    /// <returns><see langword="true"/> the first time this change (its deal and revision) is seen, or a later one; <see langword="false"/> for a change taken already.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    public bool TryTake(DealChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return TryTake((true, change.DealId), change.Revision);
    }

    private bool TryTake((bool IsDeal, string Id) key, long revision)
    {
        while (true)
        {
            if (!taken.TryGetValue(key, out var last))
            {
                if (taken.TryAdd(key, revision))
                {
                    return true;
                }

                continue;
            }

            if (revision <= last)
            {
                return false;
            }

            if (taken.TryUpdate(key, revision, last))
            {
                return true;
            }
        }
    }
}
