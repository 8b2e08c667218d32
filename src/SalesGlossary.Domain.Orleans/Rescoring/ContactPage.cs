using System.Globalization;

namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents one page of a partition.</summary>
/// <param name="Contacts">The page's contacts.</param>
/// <param name="Continuation">Where the next page starts, or <see langword="null"/> when this is the partition's last page.</param>
/// <remarks>Two pages are equal when they hold equal contacts in the same order and the same continuation.</remarks>
public sealed record ContactPage(IReadOnlyList<PartitionContact> Contacts, string? Continuation)
{
    /// <summary>Compares the continuation and the contacts item by item.</summary>
    /// <param name="other">The other page.</param>
    /// <returns>Whether both say the same.</returns>
    public bool Equals(ContactPage? other) =>
        other is not null && Continuation == other.Continuation && ItemEquality.Same(Contacts, other.Contacts);

    /// <summary>Combines the continuation and every contact.</summary>
    /// <returns>The hash code; equal pages have equal hash codes.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Continuation);
        ItemEquality.AddItems(ref hash, Contacts);
        return hash.ToHashCode();
    }

    /// <summary>Returns the page as a log line: how many contacts, and where the next page starts.</summary>
    /// <returns>For example <c>1000 contacts, next page at c-2000</c>, or <c>12 contacts, last page</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Contacts?.Count ?? 0} contacts, {(Continuation is null ? "last page" : "next page at " + Continuation)}");
}
