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
    private static readonly EqualityComparer<T> Comparer = EqualityComparer<T>.Default;

    private readonly int count;
    private T[]? items;
    private Func<T[]>? build;

    private ValueList(T[] items)
    {
        this.items = items;
        count = items.Length;
    }

    private ValueList(int count, Func<T[]> build)
    {
        this.count = count;
        this.build = build;
    }

    /// <summary>Gets the empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => count;

    /// <inheritdoc/>
    public T this[int index] => Items[index];

    /// <summary>Gets the items, built on first read where the list was made with <see cref="Lazy"/>.</summary>
    private T[] Items => Volatile.Read(ref items) ?? Materialize();

    /// <summary>Gets the list's own array, built on first read, for loops that read the items without an interface call per item; never to be changed.</summary>
    public T[] Array => Items;

    /// <summary>Takes an array the caller built and hands over (it is not copied, so the caller must not change it afterwards).</summary>
    /// <param name="items">The items; the list owns the array from now on.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> Own(T[] items) => items.Length == 0 ? Empty : new(items);

    /// <summary>Makes a list of <paramref name="count"/> items that are built only when first read (once, safe from several threads): a result that most callers never open costs nothing to explain.</summary>
    /// <param name="count">How many items <paramref name="build"/> returns.</param>
    /// <param name="build">Builds the items; called at most once per reader race, and one result is kept.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> Lazy(int count, Func<T[]> build) => count == 0 ? Empty : new(count, build);

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

        if (other is null || other.count != count)
        {
            return false;
        }

        var mine = Items;
        var theirs = other.Items;
        for (var i = 0; i < mine.Length; i++)
        {
            if (!Comparer.Equals(mine[i], theirs[i]))
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
        hash.Add(count);
        foreach (var item in Items)
        {
            hash.Add(item, Comparer);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

    /// <summary>Returns the items, comma-separated, for a log line.</summary>
    /// <returns>For example <c>[fit 40, engagement 45]</c>.</returns>
    public override string ToString() => "[" + string.Join(", ", Items) + "]";

    private T[] Materialize()
    {
        // The builder is let go once the items are kept; a reader that finds it gone finds the items.
        if (Volatile.Read(ref build) is not { } builder)
        {
            return Volatile.Read(ref items)!;
        }

        var built = builder();
        if (built.Length != count)
        {
            throw new InvalidOperationException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A lazy list promised {count} items and built {built.Length}."));
        }

        // Two readers may build at once; both build equal items and one array is kept.
        var kept = Interlocked.CompareExchange(ref items, built, null) ?? built;
        Volatile.Write(ref build, null);
        return kept;
    }
}
