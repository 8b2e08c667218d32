namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents one page of a partition.</summary>
/// <param name="Contacts">The page's contacts.</param>
/// <param name="Continuation">Where the next page starts, or <see langword="null"/> when this is the partition's last page.</param>
public sealed record ContactPage(IReadOnlyList<PartitionContact> Contacts, string? Continuation);
