namespace SalesGlossary.Domain;

/// <summary>
/// The single-writer rule of an aggregate: a verb holds the aggregate from its first read of the state to its last
/// write, so an overlapping verb of another caller is refused before it reads anything, and a verb that calls another
/// verb of the same aggregate on the same thread (a deal recording on its contact, a score that promotes) shares the hold.
/// </summary>
/// <remarks>A mutable struct: keep it in a non-readonly field and call it on the field itself.</remarks>
internal struct SingleWriter
{
    private int holder;

    /// <summary>Enters the hold.</summary>
    /// <returns>
    /// <see langword="true"/> when this call entered and must <see cref="Exit"/>; <see langword="false"/> when the calling
    /// thread holds it already; <see langword="null"/> when another caller holds it (the caller refuses its verb).
    /// </returns>
    public bool? Enter()
    {
        var self = Environment.CurrentManagedThreadId;
        var current = Interlocked.CompareExchange(ref holder, self, 0);
        return current == 0 ? true : current == self ? false : null;
    }

    /// <summary>Leaves the hold when <paramref name="entered"/> says this call entered it.</summary>
    /// <param name="entered">What <see cref="Enter"/> returned.</param>
    public void Exit(bool entered)
    {
        if (entered)
        {
            Volatile.Write(ref holder, 0);
        }
    }
}
