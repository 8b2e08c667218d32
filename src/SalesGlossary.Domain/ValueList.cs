using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SalesGlossary.Domain;

/// <summary>
/// A read-only list that compares by its items: two lists are equal when they hold equal items in the same order, and
/// equal lists have equal hash codes. Records of the library keep their lists in it, so a record that holds a list
/// compares by value like any other record (the compiler's record equality compares a list by reference).
/// </summary>
/// <typeparam name="T">The item type; its own equality decides (records compare by value, strings ordinally).</typeparam>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private static readonly EqualityComparer<T> Items = EqualityComparer<T>.Default;

    private readonly T[] items;

    private ValueList(T[] items) => this.items = items;

    /// <summary>Gets the empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => items.Length;

    /// <inheritdoc/>
    public T this[int index] => items[index];

    /// <summary>Copies a list into a value list (a value list is kept as it is); <see langword="null"/> stays <see langword="null"/>, so a stored document that lacks the list is still caught by the check that reads it.</summary>
    /// <param name="source">The items.</param>
    /// <returns>The value list.</returns>
    [return: NotNullIfNotNull(nameof(source))]
    public static ValueList<T>? From(IEnumerable<T>? source) => source switch
    {
        null => null,
        ValueList<T> list => list,
        ICollection<T> { Count: 0 } => Empty,
        _ => new([.. source]),
    };

    /// <inheritdoc/>
    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.items.Length != items.Length)
        {
            return false;
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (!Items.Equals(items[i], other.items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(items.Length);
        foreach (var item in items)
        {
            hash.Add(item, Items);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <summary>Returns the items, comma-separated, for a log line.</summary>
    /// <returns>For example <c>[fit 40, engagement 45]</c>.</returns>
    public override string ToString() => "[" + string.Join(", ", items) + "]";
}
