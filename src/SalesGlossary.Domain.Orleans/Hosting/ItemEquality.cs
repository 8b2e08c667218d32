namespace SalesGlossary.Domain.Orleans;

/// <summary>
/// Compares the lists a cluster message carries by their items, so that the message compares by value like any other
/// record (the compiler's record equality compares a list by reference). The serialized member keeps the list type the
/// serializer knows; only equality and hashing look inside.
/// </summary>
internal static class ItemEquality
{
    /// <summary>Whether both lists hold equal items in the same order (<see langword="null"/> equals only <see langword="null"/>).</summary>
    public static bool Same<T>(IReadOnlyList<T>? mine, IReadOnlyList<T>? theirs) =>
        ReferenceEquals(mine, theirs) || (mine is not null && theirs is not null && mine.Count == theirs.Count && mine.SequenceEqual(theirs));

    /// <summary>Whether both dictionaries hold the same keys with equal values, in any order.</summary>
    public static bool Same<TKey, TValue>(IReadOnlyDictionary<TKey, TValue>? mine, IReadOnlyDictionary<TKey, TValue>? theirs)
    {
        if (ReferenceEquals(mine, theirs))
        {
            return true;
        }

        if (mine is null || theirs is null || mine.Count != theirs.Count)
        {
            return false;
        }

        var values = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in mine)
        {
            if (!theirs.TryGetValue(key, out var other) || !values.Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds every item, in order, to a hash.</summary>
    public static void AddItems<T>(ref HashCode hash, IReadOnlyList<T>? items)
    {
        hash.Add(items?.Count ?? -1);
        if (items is not null)
        {
            foreach (var item in items)
            {
                hash.Add(item);
            }
        }
    }

    /// <summary>Adds every entry to a hash, whatever their order.</summary>
    public static void AddEntries<TKey, TValue>(ref HashCode hash, IReadOnlyDictionary<TKey, TValue>? entries)
    {
        hash.Add(entries?.Count ?? -1);
        if (entries is not null)
        {
            var combined = 0;
            foreach (var (key, value) in entries)
            {
                combined ^= HashCode.Combine(key, value);
            }

            hash.Add(combined);
        }
    }
}
