namespace SalesGlossary.Domain;

/// <summary>
/// Keeps one configured state machine per thread and owner (a lifecycle policy, a pipeline), so that moving millions of
/// aggregates never builds a machine per aggregate. A slot already in use on this thread (a re-entrant call) gets a fresh one.
/// </summary>
/// <typeparam name="TSlot">The slot type.</typeparam>
internal static class ThreadSlot<TSlot>
    where TSlot : class, ThreadSlot<TSlot>.IRentable
{
    [ThreadStatic]
    private static TSlot? cached;

    /// <summary>A slot that knows its owner and whether it is in use.</summary>
    public interface IRentable
    {
        object Owner { get; }

        bool InUse { get; set; }
    }

    public static TSlot Rent(object owner, Func<TSlot> create)
    {
        var slot = cached;
        if (slot is null || !ReferenceEquals(slot.Owner, owner) || slot.InUse)
        {
            slot = create();
            if (cached is null || !cached.InUse)
            {
                cached = slot;
            }
        }

        slot.InUse = true;
        return slot;
    }
}
